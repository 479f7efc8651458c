"""Shares of a toll split between places: an event is one place, so it gets its share.

Coders and some reports give one toll for several places and then say how it is shared:
"fatalities coded as 10 and split between the 2 locations", "split between the three events
with 2 coded to Hajin", "as follows: Tal Milh 32, Jbine 31", "1 a piece".

>>> sp = find_splits("Ten were killed. Fatalities were split between the 2 locations.")[0]
>>> sp.share(["Anywhere"], 10)
5
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import alternatives
from ..placenames import place_words
from ..records import Place
from .numbers import number_word
from .records import Draft, Toll
from .tolls import conservative_count, draft_tolls, find_stated_totals

_SPLIT_WORD = re.compile(
    r"\b(?:split|divided|distributed|spread|allocated|allotted|apportioned|evenly)\b"
    r"|\beach (?:location|event|area|village|town)s?\b",
    re.I,
)


_NUM_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundred"
)


_NUM = r"(\d+|(?:" + _NUM_WORDS + r")(?:-(?:" + _NUM_WORDS + r"))?)"


_PARTS = re.compile(
    r"\b(?:between|among|amongst|across|over|to|into|in)\s+(?:the\s+|these\s+|its\s+|all\s+)?"
    + _NUM
    + r"\s+(?:\w+\s+)?(?:locations?|events?|areas?|villages?|towns?|places?|sites?|days|dates|"
    r"fronts?|neighbou?rhoods?|districts?|incidents?|points?)\b",
    re.I,
)


_EACH = re.compile(
    r"\b" + _NUM + r"\s+(?:fatalities\s+|fatality\s+|deaths?\s+)?(?:coded\s+|allocated\s+|"
    r"assigned\s+)?(?:to\s+)?(?:each|apiece|a piece)\b(?!\s+(?:to|for)\b)",
    re.I,
)


_VERB = r"(?:coded|allocated|assigned|attributed|allotted)"


_BE = r"(?:(?:are|were|is|was)\s+)?"


# "3 each allocated to Qah and Kafr Lusin", "four fatalities at A, B and C"
_ALLOC_LIST = re.compile(
    r"\b" + _NUM + r"\s+(?:fatalities\s+|fatality\s+|deaths?\s+)?(?:each\s+)?(?:(?:are|were)\s+)?"
    r"(?:(?:allocated|coded|assigned|attributed)\s+)?(?:to|for|at|in)\s+([^.;]+?)"
    r"(?=,?\s+and\s+" + _NUM + r"\b|[.;]|$)",
    re.I,
)


_EACH_GIVEN = re.compile(  # "with each event allocated 2"
    r"\beach (?:location|event|area|village|town|place)\s+(?:was\s+|is\s+)?(?:allocated|coded|"
    r"assigned|given)\s+" + _NUM,
    re.I,
)


@lru_cache(maxsize=1)
def _named() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The patterns that read a place's name in a split, built on first use: a share before
    the name, a share after it, a pair "Tal Milh 32", and the kind word after a listed name
    ("Hajin villages"). A name is capitalised words and the lower-case words between
    them (``place_words.tsv``, share_name_link: "Kafr al Ahmad"), the shortest of those
    tried first, as this pattern always had them ("as" before "ash")."""
    links = alternatives(place_words("share_name_link"), shortest_first=True)
    word = rf"(?:[A-Z][\w'’-]*|{links})"
    name = r"(" + word + r"(?:[ -]" + word + r")*)"
    # "2 coded to Hajin", "3 fatalities allocated to Sosa", "one fatality to Hazarma"
    before = re.compile(
        r"\b" + _NUM + r"\s+(?:(?:fatalities|fatality|deaths?)\s+(?:each\s+)?" + _BE + r"(?:"
        + _VERB + r"\s+)?|(?:each\s+)?" + _BE + _VERB + r"\s+)(?:to|in|for)\s+(?:the\s+)?" + name
    )  # fmt: skip
    # "Masloukha allocated 2", "Al-Latamna allocated 3"
    after = re.compile(
        name + r"\s+(?:was\s+|were\s+|is\s+)?(?:allocated|assigned|coded|given)\s+(?:to\s+)?"
        + _NUM
    )  # fmt: skip
    pair = re.compile(r"\s*(\d+)\s+" + name + r"\s*|\s*" + name + r"\s+(\d+)\s*")
    kind = re.compile(rf"\s+(?:{alternatives(place_words('share_kind_word'))})$")
    return before, after, pair, kind


_PAIRS = re.compile(r"(?:as follows\s*:?|:)\s*([^.;]+)")


_OTHERS = re.compile(
    r"\b(?:all\s+)?(?:the\s+)?other\s+(?:locations?|events?|areas?|villages?|towns?|places?)\s+"
    r"(?:were\s+|are\s+)?(?:allocated|coded|assigned|given)\s+" + _NUM,
    re.I,
)


_LIST_AFTER = re.compile(
    r"\b(?:between|among|across|over|in)\s+(?:the\s+)?(?:activities\s+in\s+|locations\s+of\s+)?"
)


@dataclass(slots=True)
class Split:
    """A toll shared between places: a total, the number of parts, and named shares."""

    start: int
    end: int
    total: int | None
    parts: int | None
    each: int | None
    shares: dict[str, int]
    order: list[str]  # place names in the order given, for remainders
    default: int | None = None

    def share(self, names: list[str], own_total: int | None) -> int | None:
        """The share of the place called by one of ``names`` (None: the split says nothing)."""
        keys = [_place_key(n) for n in names if n]
        for name, value in self.shares.items():
            k = _place_key(name)
            if any(k == x or (len(x) > 3 and (k.startswith(x) or x.startswith(k))) for x in keys):
                return value
        if self.default is not None:
            return self.default
        if self.each is not None:
            return self.each
        total = self.total if self.total is not None else own_total
        if total is None or not self.parts:
            return None
        base, extra = divmod(total, self.parts)
        index = next((i for i, n in enumerate(self.order) if _place_key(n) in keys), self.parts)
        return base + (1 if index < extra else 0)


def _place_key(name: str) -> str:
    words = re.sub(r"[^a-z0-9 ]+", " ", name.lower()).split()
    drop = place_words("share_key_drop")
    return " ".join(w for w in words if w not in drop)


def _names(chunk: str) -> list[str]:
    """Capitalised items of a list: "Hajin, Sosa, and Upper Baguz" -> three names."""
    chunk = re.split(r"\b(?:with|as follows|where|which|after|following)\b", chunk)[0]
    items = [i.strip() for i in re.split(r",\s*(?:and\s+)?|\s+and\s+", chunk) if i.strip()]
    names = []
    kind = _named()[3]
    lead = tuple(f"{a}-" for a in place_words("lead_article"))
    for item in items:
        item = re.sub(r"^(?:the|in|of|to)\s+", "", item.rstrip(".!?'\" "))
        item = kind.sub("", item)
        if not item or not (item[0].isupper() or item.lower().startswith(lead)):
            return []
        names.append(item)
    return names


def find_splits(text: str) -> list[Split]:
    """Statements that share a toll between places, with the total each one shares."""
    out: list[Split] = []
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text)]
    for k, (s, e) in enumerate(sentences):
        sent = text[s:e]
        if not _SPLIT_WORD.search(sent) or not re.search(
            r"fatalit|death|killed|dead|coded|each|a piece|apiece", sent, re.I
        ):
            continue
        totals = find_stated_totals(sent, s)
        if not totals and k > 0:
            ps, pe = sentences[k - 1]
            totals = find_stated_totals(text[ps:pe], ps)
        total = totals[-1].value if totals else None
        parts = None
        m = _PARTS.search(sent)
        if m:
            parts = number_word(m.group(1))
        order: list[str] = []
        after = sent[_SPLIT_WORD.search(sent).end() :]  # type: ignore[union-attr]
        for lm in _LIST_AFTER.finditer(after):
            order = _names(after[lm.end() :])
            if len(order) >= 2:
                break
        if parts is None and len(order) >= 2:
            parts = len(order)
        each = None
        em = _EACH.search(sent) or _EACH_GIVEN.search(sent)
        if em:
            each = number_word(em.group(1))
        shares: dict[str, int] = {}
        for m in _ALLOC_LIST.finditer(sent):
            v = number_word(m.group(1))
            if v is not None:
                for name in _names(m.group(2)):
                    shares.setdefault(name, v)
        alloc_before, alloc_after, pair, _kind = _named()
        for m in alloc_before.finditer(sent):
            v = number_word(m.group(1))
            if v is not None:
                shares[m.group(2)] = v
        for m in alloc_after.finditer(sent):
            v = number_word(m.group(2))
            if v is not None and m.group(1).split()[0] not in ("Fatalities", "Total", "The"):
                shares.setdefault(m.group(1), v)
        pm = _PAIRS.search(sent)
        if pm:
            for item in re.split(r",\s*(?:and\s+)?|\s+and\s+", pm.group(1)):
                im = pair.fullmatch(item)
                if im:
                    name, n = (im.group(2), im.group(1)) if im.group(1) else im.group(3, 4)
                    v = number_word(n)  # None past MAX_COUNT: no share, not a failure
                    if v is not None:
                        shares.setdefault(name, v)
        default = None
        om = _OTHERS.search(sent)
        if om:
            default = number_word(om.group(1))
        if parts is None and each is None and not shares:
            continue
        out.append(Split(s, e, total, parts, each, shares, order, default))
    return out


def split_for(
    splits: Sequence[Split], toll: Toll | None, killed: int | None, draft: Draft
) -> Split | None:
    """The split statement that shares out this event's toll, if the article has one.

    It must follow the toll closely (the same or the next sentences) or restate its total.
    """
    for sp in splits:
        if killed is not None and sp.total == killed:
            return sp
        anchor = toll.start if toll is not None else draft.first
        if anchor <= sp.end and sp.start - anchor < 600:
            return sp
    return None


@dataclass(slots=True)
class EventTolls:
    """An event's killed and injured counts, each with the toll read as its evidence."""

    killed: int | None
    killed_low: int | None
    killed_high: int | None
    killed_toll: Toll | None
    injured: int | None
    injured_toll: Toll | None


def event_tolls(draft: Draft, splits: Sequence[Split], place: Place | None) -> EventTolls:
    """The conservative counts of a draft's tellings; a split statement that shares the
    toll between places gives this place its share."""
    killed, k_low, k_high, k_toll = conservative_count(draft_tolls(draft, "killed"))
    split = split_for(splits, k_toll, killed, draft)
    if split is not None and place is not None:
        names = [place.location or ""] + [
            p.text for f in draft.frames for p in f.places if p.place is not None
        ]
        share = split.share(names, killed)
        if share is not None:
            killed, k_low, k_high = share, None, None
            k_toll = Toll("killed", share, None, None, split.start, split.end, -2, "total")
    injured, _, _, i_toll = conservative_count(draft_tolls(draft, "injured"))
    return EventTolls(killed, k_low, k_high, k_toll, injured, i_toll)
