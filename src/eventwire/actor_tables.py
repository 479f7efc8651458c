"""The actor stage's tables besides the dictionary: the classes of words it decides by
(``data/actor_words.tsv``), the coalition operations a member state's forces are named
by abroad (``data/operations.tsv``) and the demonyms (``data/demonyms.tsv``)."""

from __future__ import annotations

import functools

from .lexicon import data_text, read_table, word_classes

# The classes of ``actor_words.tsv`` (its header says what each is for), read by this
# stage and the people stage. A row of another class stops the load: a misspelt class is
# never silently empty.
ACTOR_CLASSES: tuple[str, ...] = (
    "area_word", "facility_word", "fighter_word", "group_anaphor", "group_link",
    "group_possessive", "name_particle", "nisba_article", "org_preposition", "state_weapon",
    "weapon_head", "political_head",
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


@functools.lru_cache(maxsize=1)
def _operations() -> tuple[tuple[str, str, int, int | None, str], ...]:
    """(force, theatre, start, end, name) of ``data/operations.tsv``."""
    return tuple(
        (r["force"], r["theatre"], int(r["start"]), int(r["end"]) if r["end"] else None, r["name"])
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
            name
            for force, where, start, end, name in _operations()
            if force == home and where == theatre and start <= year <= (end or year)
        ),
        None,
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
