"""Place names as keys: how a name written in a text and a name in GeoNames are made to
meet (ASCII, lower case, no apostrophes, no Arabic articles), and how a name is reported;
and the words the place stages decide by (``data/place_words.tsv``, one class of word per
purpose, checked as it loads).

>>> norm_key("Deir ez-Zor") == norm_key("Dayr az Zawr")
True
>>> sorted(place_words("lead_article"))
['al', 'el']
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache

from .lexicon import one_of, whole_number, word_values

_NONE = one_of("-")


def _iso2(value: str) -> str:
    """A parser for ``country_word``'s value: an ISO 3166 alpha-2 code, in capitals."""
    if not re.fullmatch(r"[A-Z]{2}", value):
        raise ValueError("not an ISO alpha-2 code in capitals")
    return value
# The classes of ``place_words.tsv`` (its header says what each is for), each with what its
# value must be ("-" where a class has none). A row of another class, or a value that does
# not parse, stops the load: a misspelt class is never silently empty.
PLACE_CLASSES: dict[str, Callable[[str], int | str]] = {
    **dict.fromkeys(
        (
            "article", "lead_article", "name_link", "chain_link", "unlisted_link", "list_link",
            "feature_word", "opener", "centre_word", "centre_adjective", "direction_area",
            "border_part", "distance_unit", "place_kind", "small_place", "quarter_word",
            "quarter_before", "container_kind", "container_gap", "street_word", "address_word",
            "division_after", "forest_word", "thing_word", "people_place", "list_and",
            "district_word", "placing_preposition", "sea_word", "nationality_noun",
            "share_key_drop", "share_name_link", "share_kind_word", "division_prefix",
            "division_prefix_link", "division_suffix", "written_prefix", "written_prefix_link",
            "written_suffix", "admin1_prefix", "admin1_prefix_link", "admin1_suffix",
            "telling_division", "state_title", "near_gap", "office_word", "institution_word",
        ),
        _NONE,
    ),
    "bearing": whole_number(0, 359),
    "country_word": _iso2,
    "origin": one_of("origin", "destination"),
}  # fmt: skip


@lru_cache(maxsize=1)
def _place_words() -> dict[str, dict[str, int | str]]:
    return word_values("place_words.tsv", PLACE_CLASSES)


@lru_cache(maxsize=64)
def place_words(*names: str) -> frozenset[str]:
    """The words of the named classes of ``place_words.tsv``, together (KeyError for a class
    not declared).

    >>> sorted(place_words("forest_word"))
    ['forest', 'reserve']
    """
    found = _place_words()
    return frozenset(w for name in names for w in found[name])


def place_values(name: str) -> Mapping[str, int | str]:
    """The words of one class of ``place_words.tsv`` with their values, in the table's order.

    >>> place_values("bearing")["northwest"], place_values("origin")["from"]
    (135, 'origin')
    """
    return _place_words()[name]


_APOSTROPHES = dict.fromkeys(map(ord, "'’‘`´ʿʾʼʻ"), None)
# Letters that NFKD does not decompose into ASCII.
_FOLD = str.maketrans({"ı": "i", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d",
                       "ł": "l", "þ": "th", "ð": "d", "ħ": "h"})
_TO_QUOTE = dict.fromkeys(map(ord, "’‘`´ʿʾʼʻ"), "'")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_VOWELS = re.compile(r"[aeiouyw]")
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def norm_key(name: str) -> str:
    """The matching key of a name: ASCII, lower case, no apostrophes, no articles.

    >>> norm_key("Deir ez-Zor"), norm_key("Ma'arat al-Numan"), norm_key("Ḩamāh")
    ('deir zor', 'maarat numan', 'hamah')
    """
    s = unicodedata.normalize("NFKD", name.lower().translate(_FOLD))
    s = "".join(c for c in s if not unicodedata.combining(c)).translate(_APOSTROPHES)
    words = _NON_ALNUM.sub(" ", s).split()
    articles = place_words("article")
    # An article always precedes a noun: a last word "an" or "as" is part of the name
    # ("Tan An"), not an article.
    kept = [w for n, w in enumerate(words) if w not in articles or n == len(words) - 1]
    return " ".join(kept)


def ascii_name(name: str) -> str:
    """A name in plain ASCII, as reported: "Dar‘ā" becomes "Dar'a".

    >>> ascii_name("Al Ḩasakah")
    'Al Hasakah'
    """
    s = unicodedata.normalize("NFKD", name.translate(_FOLD))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.translate(_TO_QUOTE)
    return s.encode("ascii", "ignore").decode("ascii") or name


@lru_cache(maxsize=65536)
def loose_key(key: str) -> str:
    """A consonant skeleton of a key, for transliteration variants GeoNames lacks.

    Vowels and glides carry most of the variation between English, French and
    scholarly spellings of Arabic, Persian and Pashto names ("Mayadeen"/"Mayadin",
    "Menbij"/"Manbij", "Tadmor"/"Tadmur"), q/k too ("Qamishli"/"Kamishli").

    >>> loose_key("mayadeen") == loose_key("mayadin"), loose_key("deir ezzor")
    (True, 'dr zr')
    """
    out = []
    for w in key.split():
        w = w.replace("q", "k").replace("ph", "f")
        if len(w) > 2 and w[-1] == "h" and w[-2] in "aeiou":
            w = w[:-1]
        w = _DOUBLE.sub(r"\1", _VOWELS.sub("", w))
        if w:
            out.append(w)
    return " ".join(out)


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The distance between two points on the Earth, in kilometres."""
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, a)))
