"""Dates in the text, placed on the calendar relative to the publication date.

ACLED's ``time_precision``: 1 a day, 2 a week (or a part of a month), 3 a month. Dates
that need a publication date to be placed ("on Friday", "yesterday") stay unresolved when
there is none: the mention is kept, the date is ``None`` and its status says why.

>>> [d.date for d in find_dates("Jets struck on Friday.", "2026-01-17")]
['2026-01-16']
>>> d = find_dates("Jets struck on Friday.", None)[0]
>>> d.date, d.status
(None, 'unresolved')
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from .lexicon import alternatives, one_of, whole_number, word_values

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
# "jan" ... "dec": a month's name as a dateline shortens it ("Mar 3", "Sept. 9" too).
MONTH_ABBREVIATIONS = tuple(m.lower() for m in calendar.month_abbr if m)
MONTHS.update({m: i for i, m in enumerate(MONTH_ABBREVIATIONS, 1)})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
# Month and weekday names written out ("March", "Friday"): words the place stages never
# take for a place's name.
CALENDAR_NAMES = frozenset(m.lower() for m in calendar.month_name if m) | frozenset(WEEKDAYS)
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


# The classes of ``date_words.tsv`` (its header says what each is for), each with what its
# value must be. A row of another class, or a value that does not parse, stops the load.
DATE_CLASSES: dict[str, Callable[[str], int | str]] = {
    "relative_day": whole_number(0, 7),
    "relative_period": one_of(
        "this_week", "last_week", "weekend", "this_month", "last_month", "year"
    ),
    "ago_count": whole_number(1, 12),
    "month_part": whole_number(1, 28),
    "month_lead": one_of("-"),
    "month_article": one_of("-"),
    "weekday_last": one_of("-"),
    "day_part": one_of("-"),
}


@functools.lru_cache(maxsize=1)
def date_words() -> dict[str, dict[str, int | str]]:
    """The words of ``date_words.tsv`` by class, each with its value.

    >>> date_words()["relative_day"]["yesterday"]
    1
    """
    return word_values("date_words.tsv", DATE_CLASSES)


@functools.lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """The date patterns, in the order they are tried: longer, more precise forms first; a
    span taken by one is not re-read. Built on first use from ``date_words.tsv``."""
    words = date_words()
    parts = alternatives(words["month_part"])
    last = alternatives(words["weekday_last"], r"\s+")
    tod = alternatives(words["day_part"])
    counts = alternatives(words["ago_count"])
    relative = alternatives([*words["relative_day"], *words["relative_period"]])
    leads = alternatives([*words["month_lead"], *words["month_article"]])
    return [
        ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
        ("dmy", re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", re.I)),
        ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I)),
        ("dm", re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}(?![\w-])", re.I)),
        ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:,\s*)?\d)", re.I)),
        (
            "part_month",
            re.compile(rf"\b(?P<part>{parts})[- ](?:{_MONTH})(?:,?\s+{_YEAR})?", re.I),
        ),
        ("month_year", re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I)),
        (
            "weekday",
            re.compile(
                rf"\b(?P<last>(?:{last})\s+)?{_WEEKDAY}(?:'s)?(?P<tod>\s+(?:{tod}))?\b", re.I
            ),
        ),
        (
            "ago",
            re.compile(
                rf"\b(?P<n>\d+|{counts})\s+(?P<unit>days?|weeks?|months?)\s+(?:ago|earlier)\b",
                re.I,
            ),
        ),
        ("relative", re.compile(rf"\b(?P<rel>{relative})\b", re.I)),
        ("month", re.compile(rf"\b(?:{leads})\s+{_MONTH}(?![\w-])", re.I)),
    ]


@dataclass(slots=True)
class DateMention:
    """A date expression and where it falls on the calendar (``date`` is ISO or None)."""

    start: int
    end: int
    text: str
    date: str | None
    precision: int
    status: str  # explicit, relative, unresolved
    kind: str


def parse_published(value: str | None) -> dt.date | None:
    """``"2026-01-17"`` (or a full ISO timestamp) as a date; None when absent."""
    if not value:
        return None
    return dt.date.fromisoformat(str(value)[:10])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, pub: dt.date) -> dt.date | None:
    """A month and day without a year: the latest such date not long after publication."""
    d = _safe_date(pub.year, month, day)
    if d and d > pub + dt.timedelta(days=7):
        d = _safe_date(pub.year - 1, month, day)
    return d


def _resolve(kind: str, m: re.Match[str], pub: dt.date | None) -> tuple[dt.date | None, int, bool]:
    """(date, precision, needs_publication_date) for one match."""
    g = m.groupdict()
    month = MONTHS.get((g.get("month") or "").lower().rstrip("."), 0)
    if kind == "iso":
        return _safe_date(int(g["year"]), int(g["mnum"]), int(g["day"])), 1, False
    if kind in ("dmy", "mdy"):
        return _safe_date(int(g["year"]), month, int(g["day"])), 1, False
    if kind in ("dm", "md"):
        day = int(g["day"])
        if _safe_date(2024, month, day) is None:  # no such day in any year (2024 is leap)
            return None, 1, False
        return (_infer_year(month, day, pub) if pub else None), 1, True
    if kind in ("part_month", "month_year", "month"):
        part = (g.get("part") or "").lower()
        # A part of a month is coded to a representative day with week precision
        # (dateparser gives nothing for "mid-December", see DESIGN.md).
        parts = date_words()["month_part"]
        day, precision = (int(parts[part]), 2) if part in parts else (15, 3)
        if g.get("year"):
            return _safe_date(int(g["year"]), month, day), precision, False
        return (_infer_year(month, day, pub) if pub else None), precision, True
    if kind == "weekday":
        if pub is None:
            return None, 1, True
        want = WEEKDAYS[g["weekday"].lower()]
        back = (pub.weekday() - want) % 7
        if g.get("last") and back == 0:
            back = 7
        return pub - dt.timedelta(days=back), 1, True
    if kind == "ago":
        if pub is None:
            return None, 1, True
        n_text = g["n"].lower()
        n = int(n_text) if n_text.isdigit() else int(date_words()["ago_count"].get(n_text, 1))
        unit = g["unit"].lower()
        if unit.startswith("day"):
            return pub - dt.timedelta(days=n), 1, True
        if unit.startswith("week"):
            return pub - dt.timedelta(days=7 * n), 2, True
        return pub - dt.timedelta(days=30 * n), 3, True
    if kind == "relative":
        if pub is None:
            return None, 1, True
        rel = g["rel"].lower()
        words = date_words()
        if rel in words["relative_day"]:
            return pub - dt.timedelta(days=int(words["relative_day"][rel])), 1, True
        period = words["relative_period"].get(rel)
        if period == "this_week":
            return pub - dt.timedelta(days=pub.weekday() // 2), 2, True
        if period == "last_week":
            # The week before the publication week, coded to its middle (Thursday).
            return pub - dt.timedelta(days=pub.weekday() + 4), 2, True
        if period == "weekend":
            back = (pub.weekday() - 5) % 7 or 7
            return pub - dt.timedelta(days=back), 2, True
        if period == "this_month":
            return pub.replace(day=max(1, min(15, pub.day - 1))), 3, True
        if period == "last_month":
            last = pub.replace(day=1) - dt.timedelta(days=1)
            return last.replace(day=15), 3, True
        return None, 3, True  # "earlier this year": a period, not an event date
    return None, 1, False


# Resolved dates are kept this far from the ends of Python's calendar (years 1 and 9999):
# the store and the merge look a few weeks either side of an event's date, and a date
# nearer the edge would run off it. A date outside is refused (unresolved), never the article.
_FIRST_DAY, _LAST_DAY = dt.date(2, 1, 1), dt.date(9998, 12, 31)


def _resolve_within_calendar(
    kind: str, m: re.Match[str], pub: dt.date | None
) -> tuple[dt.date | None, int, bool]:
    """``_resolve``, with a date that falls off the calendar ("on Friday" of an article
    dated 0001-01-01, "in January" of one dated 9999-12-31) refused: None, as unresolved."""
    try:
        date, precision, relative = _resolve(kind, m, pub)
    except (OverflowError, ValueError):  # date arithmetic past year 1 or 9999
        return None, 1, True
    if date is not None and not _FIRST_DAY <= date <= _LAST_DAY:
        return None, precision, True
    return date, precision, relative


def find_dates(text: str, published: str | dt.date | None) -> list[DateMention]:
    """Every date expression in ``text``, in text order, resolved where it can be."""
    pub = published if isinstance(published, dt.date) else parse_published(published)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    articles = date_words()["month_article"]
    periods = date_words()["relative_period"]
    for kind, pattern in _patterns():
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "month" and m.group(0).split()[0].lower() in articles:
                # "a December ambush" names the month; "the May 5" is caught above.
                s = m.start("month")
            if (
                kind in ("md", "month")
                and (m.group("month") or "").lower() == "may"
                and kind == "month"
            ):
                continue  # "may" is far more often the verb
            if "month" in m.groupdict() and m.group("month") and m.group("month")[0].islower():
                continue  # "a march", "may": month names are written with a capital
            date, precision, relative = _resolve_within_calendar(kind, m, pub)
            if kind == "relative" and periods.get(m.group("rel").lower()) == "year":
                # "earlier this year": a period, not an event's date
                continue
            status = (
                "unresolved"
                if date is None and relative
                else ("relative" if relative else "explicit")
            )
            if date is None and not relative:
                taken.append((s, e))  # an impossible date such as 31 February: nothing
                continue
            taken.append((s, e))
            found.append(
                DateMention(
                    s, e, text[s:e], date.isoformat() if date else None, precision, status, kind
                )
            )
    found.sort(key=lambda d: d.start)
    return found
