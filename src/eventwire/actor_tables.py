"""The actor stage's tables besides the dictionary: the classes of words it decides by
(``data/actor_words.tsv``), the coalition operations a member state's forces are named
by abroad (``data/operations.tsv``) and the demonyms (``data/demonyms.tsv``)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from .lexicon import data_text, read_table, word_classes
from .placenames import norm_key

# ACLED inter codes (ACLED Codebook 2023, "Actors").
STATE, REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(
    1, 9
)

# The classes of ``actor_words.tsv`` (its header says what each is for), read by this
# stage and the people stage. A row of another class stops the load: a misspelt class is
# never silently empty.
ACTOR_CLASSES: tuple[str, ...] = (
    "area_word", "facility_word", "fighter_word", "group_anaphor", "group_link",
    "group_possessive", "name_particle", "nisba_article", "org_preposition", "state_weapon",
    "raid_word", "weapon_head", "political_head", "proper_alias", "place_after",
    "owner_word", "media_word", "name_adjective",
)  # fmt: skip


@functools.lru_cache(maxsize=1)
def _actor_words() -> dict[str, frozenset[str]]:
    return word_classes("actor_words.tsv", ACTOR_CLASSES)


@functools.lru_cache(maxsize=64)
def actor_words(*names: str) -> frozenset[str]:
    """The words of the named classes of ``actor_words.tsv``, together (KeyError for a
    class not declared).

    >>> sorted(actor_words("area_word"))
    ['area', 'areas', 'council', 'lga', 'lgas']
    """
    found = _actor_words()
    return frozenset().union(*(found[name] for name in names))


@dataclass(frozen=True, slots=True)
class Operation:
    """One row of ``data/operations.tsv``."""

    force: str
    theatre: str
    start: int
    end: int | None
    name: str
    area: frozenset[str]  # norm_key of each division it holds; empty: the whole theatre
    joined: frozenset[str]  # actor names fighting under it in its area

    def runs_in(self, year: int) -> bool:
        return self.start <= year <= (self.end or year)


def _split(cell: str | None, key: Callable[[str], str] = str) -> frozenset[str]:
    return frozenset(key(x.strip()) for x in (cell or "").split(";") if x.strip())


@functools.lru_cache(maxsize=1)
def _operations() -> tuple[Operation, ...]:
    """The rows of ``data/operations.tsv``."""
    return tuple(
        Operation(
            r["force"],
            r["theatre"],
            int(r["start"]),
            int(r["end"]) if r["end"] else None,
            r["name"],
            _split(r.get("area"), norm_key),
            _split(r.get("joined")),
        )  # fmt: skip
        for r in read_table("operations.tsv")
    )


def operation(kind: str, home: str, theatre: str, year: int | None) -> str | None:
    """The coalition operation ACLED names a state's armed forces (``kind`` "military" of
    country ``home``) by in ``theatre`` ("Saudi forces" in Yemen: "Operation Restoring
    Hope"), or None.

    >>> operation("military", "SA", "YE", 2019)
    'Operation Restoring Hope'
    """
    if kind != "military" or year is None:
        return None
    return next(
        (
            op.name
            for op in _operations()
            if op.force == home and op.theatre == theatre and not op.area and op.runs_in(year)
        ),
        None,
    )


def area_operations(
    theatre: str | None, admin1: str | None, year: int | None
) -> tuple[Operation, ...]:
    """The operations that hold ``admin1`` of ``theatre`` (ISO alpha-2) in ``year``, of the
    rows of ``operations.tsv`` bound to an area: "Operation Peace Spring" in Ar-Raqqah in
    2020, where Turkey's forces and the factions beside them go by its name.

    >>> [op.name for op in area_operations("SY", "Al-Hasakah", 2020)]
    ['Operation Peace Spring']
    >>> area_operations("SY", "Aleppo", 2020)
    ()
    """
    if theatre is None or admin1 is None or year is None:
        return ()
    where = norm_key(admin1)
    return tuple(
        op
        for op in _operations()
        if op.theatre == theatre and where in op.area and op.runs_in(year)
    )


@functools.lru_cache(maxsize=1)
def demonym_homes() -> dict[str, str]:
    """Demonyms, lower case, to their country's ISO alpha-2 (``data/demonyms.tsv``)."""
    out: dict[str, str] = {}
    for ln in data_text("demonyms.tsv").splitlines():
        if ln.strip() and not ln.startswith("#"):
            word, _, iso2 = ln.partition("\t")
            out.setdefault(word.strip().lower(), iso2.strip().upper())
    return out


@functools.lru_cache(maxsize=1)
def _homes() -> dict[str, tuple[str, str]]:
    return {r["actor"]: (r["iso2"], r["home"]) for r in read_table("actor_homes.tsv")}


def home_division(actor: str | None, iso2: str | None) -> str | None:
    """The one first-level division of country ``iso2`` that a regional party calls home
    (``data/actor_homes.tsv``), or None.

    >>> home_division("DMK: Dravida Munnetra Kazhagam", "IN")
    'Tamil Nadu'
    >>> home_division("DMK: Dravida Munnetra Kazhagam", "LK") is None
    True
    """
    home = _homes().get(actor or "")
    return home[1] if home is not None and home[0] == iso2 else None


@functools.lru_cache(maxsize=1)
def _coalitions() -> dict[str, tuple[str, int]]:
    return {r["member"]: (r["coalition"], int(r["since"])) for r in read_table("actor_members.tsv")}


def coalition_of(actor: str, year: int | None) -> str | None:
    """The coalition ACLED names for what a member group did in ``year``
    (``data/actor_members.tsv``), or None; a text of unknown year is read as recent.

    >>> coalition_of("Katiba Macina", 2019)
    'JNIM: Group for Support of Islam and Muslims'
    >>> coalition_of("Katiba Macina", 2015) is None
    True
    """
    found = _coalitions().get(actor)
    if found is None or (year is not None and year < found[1]):
        return None
    return found[0]


@functools.lru_cache(maxsize=1)
def _pairs() -> frozenset[tuple[str, str]]:
    return frozenset((r["first"], r["second"]) for r in read_table("actor_pairs.tsv"))


def pair_order(first: str, second: str) -> tuple[str, str]:
    """Two groups either of which acted, in the order ACLED names the pair
    (``data/actor_pairs.tsv``); a pair it does not list keeps the text's order.

    >>> jnim = "JNIM: Group for Support of Islam and Muslims"
    >>> pair_order("Islamic State (Greater Sahara)", jnim)[0] == jnim
    True
    """
    return (second, first) if (second, first) in _pairs() else (first, second)
