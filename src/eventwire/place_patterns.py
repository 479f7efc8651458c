"""The words of ``place_words.tsv`` that the place scan (``places``) reads, and the
regular expressions built from them: articles and connectors inside names, streets and
forests, "the border with", "in"/"near the" before a name, direction adjectives.

>>> bool(place_patterns().placing.search("fighting in the "))
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import alternatives
from .place_lexicon import place_lexicon
from .placenames import place_values, place_words

__all__ = ["PlacePatterns", "institution_city", "place_patterns", "placed_after"]


@dataclass(frozen=True, slots=True)
class PlacePatterns:
    """The words of ``place_words.tsv`` the scan reads, and the patterns built from them."""

    articles: frozenset[str]
    # Words that may sit inside a multi-word name without a capital ("Dayr az Zawr",
    # "Bosnia and Herzegovina", "Rio de Janeiro").
    connectors: frozenset[str]
    # "refugees from Syria", "marched to reach Algeria": origin or destination.
    origin: Mapping[str, int | str]
    seas: frozenset[str]
    # An address run together ("Mall Road Lahore", "Murree Road Islamabad"): the last name
    # is the city the street is in.
    street_before: re.Pattern[str]
    street_word: re.Pattern[str]  # "Mall Road", "Baghdad Street"
    division_after: re.Pattern[str]  # "Plateau state"
    forest_word: re.Pattern[str]  # "Sambisa forest"; a thing: "Molotov cocktails"
    and_gap: re.Pattern[str]  # "Menaka and Anderamboukane"
    district_word: re.Pattern[str]  # "Dang district"
    dir_adj: re.Pattern[str]  # "the northern countryside of", "central"
    border_after: re.Pattern[str]  # "'s border", "-Turkish border crossing"
    placing: re.Pattern[str]  # "in", "near the"


@lru_cache(maxsize=1)
def place_patterns() -> PlacePatterns:
    def alternation(*classes: str) -> str:
        return alternatives(place_words(*classes), r"\s+")

    return PlacePatterns(
        articles=place_words("article"),
        connectors=place_words("article", "name_link"),
        origin=place_values("origin"),
        seas=place_words("sea_word"),
        street_before=re.compile(
            rf"\b(?:{alternation('street_word', 'address_word')})\.?[\s,]+$", re.I),
        street_word=re.compile(rf"(?:{alternation('street_word')})", re.I),
        division_after=re.compile(rf"\s+(?:{alternation('division_after')})\b", re.I),
        forest_word=re.compile(rf"(?:{alternation('forest_word', 'thing_word')})", re.I),
        and_gap=re.compile(rf"\s+(?:{alternation('list_and')})\s+", re.I),
        district_word=re.compile(rf"\b(?:{alternation('district_word')})\b"),
        dir_adj=re.compile(
            rf"(?:^|(?<=\W))(?P<q>(?:the\s+)?"
            rf"(?P<d>{place_lexicon().directions}ern|{alternation('centre_adjective')})"
            rf"(?P<rest>\s+(?:{alternation('direction_area')}))?)\s+(?:the\s+)?$", re.I),
        border_after=re.compile(
            r"^(?:['’]s)?(?P<other>(?:\s*[-/–]\s*|\s+and\s+)[A-Z][\w']+(?:\s+[A-Z][\w']+)?)?"
            rf"\s+(?P<q>border(?:\s+(?:{alternation('border_part')}))?)\b"),
        placing=re.compile(
            rf"\b(?:{alternation('placing_preposition')})\s+(?:the\s+)?$", re.I),
    )


# The people a city must hold for an institution named after it to stand there.
_INSTITUTION_CITY = 100_000


def institution_city(name: str, after: str, pop: int) -> bool:
    """A city of ``pop`` people opening ``name``, the name of a place of study, care or
    custody ("Mombasa Polytechnic students marched"), is where the institution stands. A
    small town's name may be a founder's or a namesake's ("Moi University"); a name
    ``after`` which a hyphen follows ties someone to it ("a Rajshahi University-based
    reporter"), told elsewhere.

    >>> institution_city("Mombasa Polytechnic", " students", 900_000)
    True
    >>> institution_city("Rajshahi University", "-based", 450_000)
    False
    """
    words = name.split()
    return (not after.startswith("-") and len(words) > 1
            and words[-1].lower() in place_words("institution_word")
            and pop >= _INSTITUTION_CITY)


def placed_after(text: str, end: int | None) -> bool:
    """Whether a name ending at ``end`` is followed by a placing phrase ("... in Eldoret")."""
    if end is None:
        return False
    m = re.match(r",?\s+((?:[a-z]+\s+){1,2})(?=[A-Z])", text[end:end + 40])
    return m is not None and place_patterns().placing.search(m.group(1)) is not None
