"""What the place stages share: the record of a place mention, and the words around
place names that say what a name is (``data/place_stopwords.txt``, ``data/place_cues.tsv``,
and the directions and distances of ``data/place_words.tsv``).

>>> place_lexicon().locative >= {"in"}
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .gazetteer import data_lines, norm_key
from .lexicon import alternatives
from .placenames import place_values, place_words
from .records import Place


@dataclass(slots=True)
class PlaceMention:
    """A place name as written (``text == source[start:end]``) and what it resolves to."""

    start: int
    end: int
    text: str
    place: Place | None
    candidates: list[Place] = field(default_factory=list)
    qualifier: str | None = None  # "near", "countryside", "south of", "northwestern", ...
    qualifier_start: int | None = None  # the whole phrase, qualifier included
    qualifier_end: int | None = None
    # For a place the gazetteer lacks ("the village of X in Idlib"): the mention whose
    # place gives its country, division and coordinates ("Idlib").
    container: PlaceMention | None = None
    # The place the text says this one lies in, known or not ("Sanjar town in Idleb",
    # "X, Y and Z in the Hama countryside"): the event is at this one, not there.
    within: PlaceMention | None = None
    # A country named as where someone came from ("origin": "refugees from Syria") or went
    # ("destination": "marchers meant to reach Algeria"): not where the event was.
    role: str | None = None


# How alike (rapidfuzz ratio, 0-100) a name and a town must be spelled for a match by
# consonant skeleton alone: "Mayadeen"/"Mayadin" is 80, "Maadan"/"Mayadin" 77,
# "Shiheil"/"Shal" 55 (skeletons of three consonants are shared by unrelated names).
LOOSE_SIMILARITY = 78


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    """The place words, read once: common words that are no place (``stop``), cue words
    before and after names (``data/place_cues.tsv``), directions and distances
    (``data/place_words.tsv``) and the patterns built from them."""

    stop: frozenset[str]
    stop_phrases: frozenset[str]
    locative: frozenset[str]
    attributive: frozenset[str]
    name_part: frozenset[str]
    org_after: frozenset[str]
    dweller_after: frozenset[str]
    target_before: frozenset[str]
    qualifier_words: frozenset[str]
    near_before: re.Pattern[str]
    after: re.Pattern[str]
    after_kind: dict[str, str]
    unlisted_before: re.Pattern[str]
    unlisted_after: re.Pattern[str]
    # Built from ``place_words.tsv``: a compass direction ("north", "south-east"), a
    # distance before it ("20 km "), the two before a name ("20 km north of the town of"),
    # and "the village(s) of" before a name (a small place, whatever a namesake abroad
    # counts).
    directions: str
    distance: str
    direction_of: re.Pattern[str]
    small_before: re.Pattern[str]

    def struck(self, before: str) -> bool:
        """The text before a name ends in a verb that takes places as its object ("shelled
        Saraqib", "captured the Tal Rifaat")."""
        verb = _LAST_WORD.search(before)
        return verb is not None and verb.group(1) in self.target_before


_LAST_WORD = re.compile(r"([a-z]+)\s+(?:the\s+)?$")


@lru_cache(maxsize=1)
def place_lexicon() -> PlaceLexicon:
    """The place words of ``data/place_stopwords.txt``, ``data/place_cues.tsv`` and
    ``data/place_words.tsv``, read on first use."""
    stop = [norm_key(r[0]) for r in data_lines("place_stopwords.txt")]
    cues: dict[str, list[str]] = {}
    for kind, phrase in data_lines("place_cues.tsv"):
        cues.setdefault(kind, []).append(phrase)

    def alternation(words: list[str] | frozenset[str]) -> str:
        return alternatives(words, r"\s+")

    directions, distance = _compass()
    kind_of = rf"(?:(?:{alternation(place_words('place_kind'))})\s+of\s+)?$"
    after_kind = {w: k for k in ("area_after", "region_after", "town_after") for w in cues[k]}
    return PlaceLexicon(
        stop=frozenset(s for s in stop if " " not in s),
        stop_phrases=frozenset(s for s in stop if " " in s),
        locative=frozenset(cues["locative"]),
        attributive=frozenset(cues["attributive"]),
        name_part=frozenset(cues["name_part"]),
        org_after=frozenset(cues["org_after"]),
        dweller_after=frozenset(cues["dweller_after"]),
        target_before=frozenset(cues["target_before"]),
        qualifier_words=frozenset(after_kind),
        near_before=re.compile(
            rf"(?:^|(?<=\W))(?P<q>(?:the\s+)?(?:{alternation(cues['near'])}))\s+"
            rf"(?:the\s+)?{kind_of}", re.I),
        after=re.compile(
            rf"^(?:['’]s)?\s+(?P<q>{alternation(list(after_kind))})\b", re.I),
        after_kind=after_kind,
        unlisted_before=re.compile(
            rf"(?:^|(?<=\W))(?:{alternation(cues['unlisted_before'])})\s+(?:the\s+)?$", re.I),
        # Lower case only: "Hazwan front" names a place, "Cook Front" an organisation.
        unlisted_after=re.compile(
            rf"^(?:['’]s)?[\s-]+(?:{alternation(cues['unlisted_after'])})\b"),
        directions=directions,
        distance=distance,
        direction_of=re.compile(
            rf"(?:^|(?<=\W))(?P<q>(?:the\s+)?{distance}?(?P<d>{directions})(?:ern)?\s+of)\s+"
            rf"(?:the\s+)?{kind_of}", re.I),
        small_before=re.compile(
            rf"\b(?:{alternation(place_words('small_place'))})\s+of\s+(?:the\s+)?$", re.I),
    )


def _compass() -> tuple[str, str]:
    """(a compass direction, a distance before one) as regexes, from ``place_words.tsv``: a
    cardinal point (a bearing that is a multiple of 90), then, as English compounds them,
    east or west (a multiple of 180): "north", "south-east", "northwest"."""
    bearing = place_values("bearing")
    cardinal = alternatives(w for w, degrees in bearing.items() if int(degrees) % 90 == 0)
    east_west = alternatives(w for w, degrees in bearing.items() if int(degrees) % 180 == 0)
    units = alternatives(place_words("distance_unit"))
    return (
        rf"(?:{cardinal})(?:-?(?:{east_west}))?",
        rf"(?:\d+(?:[.,]\d+)?\s*(?:-\s*)?(?:{units})\s+(?:to\s+the\s+)?)",
    )
