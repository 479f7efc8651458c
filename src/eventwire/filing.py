"""What a file in an ingested folder tells besides its text: whether it is an article at
all, its headline, and its own date.

>>> not_an_article(Path("news/README.md"))
'not an article: README'
>>> headline("Gunmen kill four near Maiduguri\\n\\nGunmen killed four villagers on Monday.")
'Gunmen kill four near Maiduguri'
>>> file_date(Path("reports/2024-03-05-kidal.txt"))
'2024-03-05'
>>> dateline_date("KIDAL, Mali, 2 April 2024 (Wire) - Government forces clashed ...")
'2024-04-02'

A folder of news is rarely only news: a README, a licence, the data CSVs beside the
texts, the store's own files. Those are skipped with the reason (``not_an_article``), so
that "1000 killed" in a README never becomes an event. A plain-text file whose first line
reads as a headline gets it as its title. Its date, when it carries one, comes first from
a sidecar ``.json`` beside it (``a.json`` or ``a.txt.json``: ``{"published", "title",
"url"}``), then from a page's own metadata, then from a dateline at the top of the text,
then from a date in the file's name, and only then from ``--published``, which is the
date of the inputs that carry none.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from .articles import looks_like_html, parse_published
from .errors import InputError
from .records import Article

__all__ = ["annotate", "dateline_date", "file_date", "headline", "not_an_article", "sidecar"]

# Files that go with code and data, not news (compared without their suffix, any case).
_NOT_NEWS_NAMES = frozenset(
    "readme license licence copying changelog changes notice authors contributing "
    "contributors manifest makefile dockerfile todo".split()
)
# Suffixes of files that are not articles, with what they are.
_NOT_NEWS_SUFFIXES = {
    **dict.fromkeys((".csv", ".tsv", ".xls", ".xlsx", ".ods", ".parquet", ".feather"),
                    "a data file"),
    **dict.fromkeys((".db", ".sqlite", ".sqlite3", ".db-wal", ".db-shm", ".db-journal"),
                    "a database file"),
    **dict.fromkeys((".py", ".js", ".css", ".sh", ".yml", ".yaml", ".toml", ".ini", ".cfg",
                     ".lock", ".ipynb"), "code or configuration"),
}  # fmt: skip
# Images, archives and PDFs are left to the reader, which fails them as binary input: a
# report saved as a PDF is news eventwire could not read, and says so.
_TEXT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", "")
_SIDECAR_MAX = 100_000

_MONTHS = {m.lower(): n for n, m in enumerate(
    "January February March April May June July August September October November "
    "December".split(), 1)}  # fmt: skip
_MONTHS.update({m[:3]: n for m, n in list(_MONTHS.items())} | {"sept": 9})
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_FORMS = (
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
)
# A line that is only a date, perhaps introduced ("Published: 2 March 2024").
_OWN_LINE = re.compile(r"^(?:(?:published|updated|posted|dated?)\s*(?:on)?\s*:?\s*)?(?P<date>.+)$",
                       re.I)  # fmt: skip
# What ends a dateline's head: a dash or a colon ("KIDAL, Mali, 2 April 2024 (Wire) - ...").
_DATELINE_END = re.compile(r"\s+[-—–]+\s+|\s*:\s+|\s+--\s+")
_PARENTHESES = re.compile(r"\([^)]{0,40}\)")
_FILE_DATE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d{2})[-_.]?(?P<month>0[1-9]|1[0-2])[-_.]?"
    r"(?P<day>0[1-9]|[12]\d|3[01])(?!\d)"
)


def not_an_article(path: Path) -> str | None:
    """Why the file at ``path`` is not a news article (skipped with this reason), or None."""
    name = path.name
    lower = name.lower()
    if name.startswith("."):
        return "not an article: a hidden file"
    stem = lower.split(".", 1)[0]
    if stem in _NOT_NEWS_NAMES:
        return f"not an article: {stem.upper()}"
    for suffix, what in _NOT_NEWS_SUFFIXES.items():
        if lower.endswith(suffix):
            return f"not an article: {what} ({suffix})"
    if lower.endswith(".json"):
        article = _sidecar_of(path)
        if article is not None:
            return f"metadata of {article.name} (a sidecar .json), read with it"
    return None


def _sidecar_of(path: Path) -> Path | None:
    """The article a ``.json`` file describes: ``a.txt`` for ``a.json`` or ``a.txt.json``."""
    inner = path.with_suffix("")
    if inner.suffix and inner.is_file() and inner.suffix.lower() != ".json":
        return inner
    for suffix in _TEXT_SUFFIXES[:-1]:
        twin = path.with_suffix(suffix)
        if twin.is_file():
            return twin
    return None


def sidecar(path: Path) -> tuple[dict[str, Any], str | None]:
    """The facts a sidecar ``.json`` gives about the article at ``path`` ({} when there is
    none), and a warning when it exists but cannot be used."""
    for candidate in (path.with_suffix(".json"), path.with_name(path.name + ".json")):
        if candidate == path or not candidate.is_file():
            continue
        try:
            raw = candidate.read_bytes()[: _SIDECAR_MAX + 1]
            if len(raw) > _SIDECAR_MAX:
                raise ValueError(f"over {_SIDECAR_MAX} bytes")
            facts = json.loads(raw.decode("utf-8-sig"))
            if not isinstance(facts, dict):
                raise ValueError("not a JSON object")
            if facts.get("published") is not None:
                facts["published"] = parse_published(str(facts["published"]))
        except (OSError, ValueError, InputError) as exc:
            return {}, f"sidecar {candidate.name} not used: {exc}"
        return facts, None
    return {}, None


def headline(text: str) -> str | None:
    """The text's first line when it reads as a headline: short, on a line of its own
    above more text, not ending as a sentence does, not a dateline or a byline."""
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    words = first.split()
    if not rest.strip() or not 2 <= len(words) <= 20 or not 8 <= len(first) <= 150:
        return None
    if first[-1] in ".,;:-—–" or not (first[0].isupper() or first[0].isdigit()):
        return None
    if first.lower().startswith(("by ", "from ")) or dateline_date(first):
        return None
    return first


_WEEKDAY = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+", re.I)


def _date_in(text: str) -> str | None:
    """The date ``text`` is (a weekday before it and punctuation after it allowed)."""
    text = _WEEKDAY.sub("", text.strip()).rstrip(" ,.")
    for form in _DATE_FORMS:
        m = form.fullmatch(text)
        if m is None:
            continue
        month = m["month"]
        number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
        try:
            return dt.date(int(m["year"]), number or 0, int(m["day"])).isoformat()
        except ValueError:
            continue
    return None


def dateline_date(text: str, skip: str | None = None) -> str | None:
    """The date at the top of a text: a line that is only a date ("Published: 2 March
    2024"), or the head of a dateline opening the report ("KIDAL, Mali, 2 April 2024
    (Wire) - ..."). Dates further down tell when things happened, not when the report was
    written. ``skip`` is a headline above it."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()][:3]
    if skip and lines and lines[0] == skip:
        lines = lines[1:]
    for line in lines[:2]:
        own = _OWN_LINE.match(line)
        if own and len(line) <= 60 and (found := _date_in(own["date"])):
            return found
        head = line[:100]
        for cut in _DATELINE_END.finditer(head):
            bare = _PARENTHESES.sub("", head[: cut.start()])
            parts = [p.strip() for p in re.split(r",|\s[-—–]+\s", bare)]
            for k in range(len(parts)):
                found = _date_in(", ".join(parts[k:]))
                if found:
                    return found
        if line.endswith((".", "!", "?")):
            break  # the report has begun: a date below is not its date
    return None


def file_date(path: Path) -> str | None:
    """A date in the file's name ("2024-03-05-kidal.txt", "report_20240305.html")."""
    m = _FILE_DATE.search(path.name)
    if m is None:
        return None
    try:
        return dt.date(int(m["year"]), int(m["month"]), int(m["day"])).isoformat()
    except ValueError:
        return None


def annotate(article: Article, path: Path, data: bytes, default: str | None) -> Article:
    """``article`` (read from the file at ``path``, whose bytes are ``data``) with the
    title and date its file gives; ``default`` is the run's ``--published``."""
    facts, warning = sidecar(path)
    if warning:
        article.warnings.append(warning)
    plain = not looks_like_html(data[:4096].decode("utf-8", "replace"))
    title = facts.get("title") if isinstance(facts.get("title"), str) else None
    if title:
        article.title = title.strip()
    elif article.title is None and plain:
        article.title = headline(article.text)
    if isinstance(facts.get("url"), str) and article.url is None:
        article.url = facts["url"]
    own = facts.get("published")
    if own is None and article.published in (None, default):
        own = (dateline_date(article.text, article.title) if plain else None) or file_date(path)
    if own is not None:
        article.published = own
    return article
