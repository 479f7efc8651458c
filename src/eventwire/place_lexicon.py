"""What the place stages share: the record of a place mention, and the words around
place names that say what a name is (``data/place_stopwords.txt``, ``data/place_cues.tsv``).

>>> place_lexicon().locative >= {"in"}
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .gazetteer import data_lines, norm_key
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


# "north", "south-east": and with a distance before, "20 km north of".
DIRECTIONS = r"(?:north|south|east|west)(?:-?(?:east|west))?"
DISTANCE = (r"(?:\d+(?:[.,]\d+)?\s*(?:-\s*)?(?:km|kms|kilometers|kilometres|miles|mi)\s+"
            r"(?:to\s+the\s+)?)")

DIRECTION_OF = re.compile(
    rf"(?:^|(?<=\W))(?P<q>(?:the\s+)?{DISTANCE}?(?P<d>{DIRECTIONS})(?:ern)?\s+of)\s+"
    r"(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$", re.I)

# How alike (rapidfuzz ratio, 0-100) a name and a town must be spelled for a match by
# consonant skeleton alone: "Mayadeen"/"Mayadin" is 80, "Maadan"/"Mayadin" 77,
# "Shiheil"/"Shal" 55 (skeletons of three consonants are shared by unrelated names).
LOOSE_SIMILARITY = 78

# "the village(s) of X": a small place, whatever a namesake abroad counts.
SMALL_BEFORE = re.compile(r"\b(?:villages?|towns?|hamlets?)\s+of\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    """The place words, read once: common words that are no place (``stop``), cue words
    before and after names (``data/place_cues.tsv``) and the patterns built from them."""

    stop: frozenset[str]
    stop_phrases: frozenset[str]
    locative: frozenset[str]
    attributive: frozenset[str]
    name_part: frozenset[str]
    org_after: frozenset[str]
    qualifier_words: frozenset[str]
    near_before: re.Pattern[str]
    after: re.Pattern[str]
    after_kind: dict[str, str]
    unlisted_before: re.Pattern[str]
    unlisted_after: re.Pattern[str]


@lru_cache(maxsize=1)
def place_lexicon() -> PlaceLexicon:
    """The place words of ``data/place_stopwords.txt`` and ``data/place_cues.tsv``."""
    stop = [norm_key(r[0]) for r in data_lines("place_stopwords.txt")]
    cues: dict[str, list[str]] = {}
    for kind, phrase in data_lines("place_cues.tsv"):
        cues.setdefault(kind, []).append(phrase)

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                        for w in sorted(words, key=len, reverse=True))

    after_kind = {w: k for k in ("area_after", "region_after", "town_after") for w in cues[k]}
    return PlaceLexicon(
        stop=frozenset(s for s in stop if " " not in s),
        stop_phrases=frozenset(s for s in stop if " " in s),
        locative=frozenset(cues["locative"]),
        attributive=frozenset(cues["attributive"]),
        name_part=frozenset(cues["name_part"]),
        org_after=frozenset(cues["org_after"]),
        qualifier_words=frozenset(after_kind),
        near_before=re.compile(
            rf"(?:^|(?<=\W))(?P<q>(?:the\s+)?(?:{alternation(cues['near'])}))\s+"
            r"(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$", re.I),
        after=re.compile(
            rf"^(?:['’]s)?\s+(?P<q>{alternation(list(after_kind))})\b", re.I),
        after_kind=after_kind,
        unlisted_before=re.compile(
            rf"(?:^|(?<=\W))(?:{alternation(cues['unlisted_before'])})\s+(?:the\s+)?$", re.I),
        # Lower case only: "Hazwan front" names a place, "Cook Front" an organisation.
        unlisted_after=re.compile(
            rf"^(?:['’]s)?[\s-]+(?:{alternation(cues['unlisted_after'])})\b"),
    )
