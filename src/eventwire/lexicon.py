"""Reading the data files in ``eventwire/data``: tab-separated, ``#`` comments, a header.

Every lexicon the pipeline uses is a data file so that analysts can extend it without
touching Python; each file opens with comment lines saying where its facts come from.

>>> rows = read_table("taxonomy.tsv")
>>> len(rows), rows[0]["sub_event_type"]
(25, 'Armed clash')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from typing import TYPE_CHECKING, TypeVar

from .errors import ConfigError
from .records import RELATION_TYPES

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc


def data_text(name: str) -> str:
    """The text of a bundled data file."""
    try:
        return (
            resources.files("eventwire").joinpath("data").joinpath(name).read_text(encoding="utf-8")
        )
    except (FileNotFoundError, OSError) as exc:
        raise ConfigError(f"data file {name!r} is missing from the eventwire package") from exc


# What each column of each table may hold; checked as the table loads, so that a typo in
# a class, a kind or a sub-event type stops the load with the file and the line. A set:
# the values allowed; a callable: a check that answers None when the value is good, else
# what is wrong with it. Columns not named take any text.
Check = frozenset[str] | Callable[[str], str | None]


def _number(low: float, high: float) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        try:
            ok = low <= float(value) <= high
        except ValueError:
            ok = False
        return None if ok else f"not a number from {low:g} to {high:g}"

    return check


def _year_or_empty(value: str) -> str | None:
    return None if value == "" or (value.isdigit() and len(value) == 4) else "not a year"


def _iso2_or_empty(value: str) -> str | None:
    return None if value == "" or re.fullmatch(r"[A-Z]{2}", value) else "not an ISO code"


def _iso2_list(value: str) -> str | None:
    codes = [] if value == "-" else value.split(";")
    if any(_iso2_or_empty(c) or not c for c in codes):
        return "not ISO 3166 two-letter codes separated by ';', or -"
    return None


def _sub_event_type_or_dash(value: str) -> str | None:
    return None if value == "-" or value in taxonomy() else "not an ACLED sub-event type"


_INTER = frozenset("12345678")
_ACTOR_KINDS = frozenset(
    "military police government rebel political_militia identity_militia external other "
    "pro_government_militia".split()
)
SCHEMAS: dict[str, dict[str, Check]] = {
    "taxonomy.tsv": {
        "event_type": frozenset(
            {
                "Battles",
                "Explosions/Remote violence",
                "Violence against civilians",
                "Protests",
                "Riots",
                "Strategic developments",
            }
        ),
    },  # fmt: skip
    "triggers.tsv": {
        "class": frozenset("type territory attack kill injure protest intervene riotous".split()),
        "sub_event_type": _sub_event_type_or_dash,
        "weight": _number(0, 1),
    },
    "vetoes.tsv": {"context": frozenset({"cause", "topic", "cause_verb", "topic_weak"})},
    "speech.tsv": {"kind": frozenset({"verb", "prep", "noun"})},
    "quantities.tsv": {"value": _number(0, 1e12), "spelled": frozenset({"yes", "no"})},
    "qualifiers.tsv": {
        "qualifier": frozenset({"at least", "more than", "less than", "nearly", "up to", "about"}),
        "tolls": lambda v: None if v == "-" or v.isdigit() else "not a rank or -",
    },
    "claims.tsv": {
        "kind": frozenset({"event", "other", "strength", "unit"}),
        "pos": frozenset({"verb", "noun", "both"}),
    },
    "roles.tsv": {
        "kind": frozenset({"function", "rank", "courtesy", "modifier", "person"}),
        "relation": frozenset({"leader_of", "member_of", "-"}),
    },
    "relations.tsv": {
        "relation": frozenset(RELATION_TYPES),
        "voice": frozenset({"state", "active"}),
    },
    "group_words.tsv": {"place": frozenset({"head", "opener", "either", "not"})},
    "division_words.tsv": {"level": frozenset({"1", "2", "3", "-"}), "countries": _iso2_list},
    "actors.tsv": {
        "inter": _INTER,
        "iso2": _iso2_or_empty,
        "start": _year_or_empty,
        "end": _year_or_empty,
        "kind": _ACTOR_KINDS,
    },
    "gang_signs.tsv": {
        "kind": frozenset({"country", "sign", "member_gang", "member_sign"}),
    },
    "front_control.tsv": {"held": frozenset({"a", "b"})},
    "operations.tsv": {
        "force": _iso2_or_empty,
        "theatre": _iso2_or_empty,
        "start": _year_or_empty,
        "end": _year_or_empty,
    },
    "frontlines.tsv": {
        "iso2": _iso2_or_empty,
        "start": _year_or_empty,
        "end": _year_or_empty,
    },
    "generic.tsv": {
        "inter": _INTER,
        "kind": frozenset(
            "military police government unidentified_armed_group protesters rioters civilians "
            "pro_government_militia communal_militia other".split()
        ),
    },
}


@functools.lru_cache(maxsize=32)
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a bundled TSV file as dicts keyed by its header (comments skipped), each
    value checked against the file's ``SCHEMAS`` entry. ConfigError names the file and
    the line of the first bad row."""
    header: list[str] | None = None
    rows = []
    for n, line in enumerate(data_text(name).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) != len(header):
            raise ConfigError(
                f"{name}, line {n}: {len(cells)} columns where the header has {len(header)}"
            )
        row = {k: v.strip() for k, v in zip(header, cells, strict=True)}
        _check_row(name, n, row)
        rows.append(row)
    return tuple(rows)


def _check_row(name: str, line: int, row: dict[str, str]) -> None:
    for column, check in SCHEMAS.get(name, {}).items():
        value = row.get(column)
        if value is None:
            raise ConfigError(f"{name}, line {line}: no column {column!r}")
        wrong = (
            (None if value in check else f"not one of {', '.join(sorted(check))}")
            if isinstance(check, frozenset)
            else check(value)
        )
        if wrong:
            raise ConfigError(f"{name}, line {line}: {column} {value!r} is {wrong}")


def line_of(name: str, row: dict[str, str], skip: int = 0) -> int:
    """The line of a data file a row was read from (for messages): the first line holding
    it, or with ``skip`` the one after that many others holding the same text."""
    wanted = "\t".join(row.values())
    for n, line in enumerate(data_text(name).splitlines(), 1):
        if line.strip() == wanted:
            if not skip:
                return n
            skip -= 1
    return 0


def word_classes(name: str, classes: Iterable[str]) -> dict[str, frozenset[str]]:
    """The words of a table with ``word`` and ``class`` columns, by class; every class of
    ``classes`` is a key, empty when no row has it. A row of another class, or a word
    listed twice in one class, stops the load with a ConfigError naming the file and the
    line: a misspelt class is never silently empty."""
    found: dict[str, set[str]] = {c: set() for c in classes}
    for row in read_table(name):
        word, cls = row.get("word"), row.get("class")
        if word is None or cls is None:
            raise ConfigError(f"{name}, line {line_of(name, row)}: no column 'word' or 'class'")
        if cls not in found:
            raise ConfigError(f"{name}, line {line_of(name, row)}: unknown class {cls!r}")
        if word in found[cls]:
            line = line_of(name, row, skip=1)
            raise ConfigError(f"{name}, line {line}: {word!r} is listed twice as {cls}")
        found[cls].add(word)
    return {c: frozenset(w) for c, w in found.items()}


_V = TypeVar("_V")


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """A parser for ``word_values``: a whole number from ``low`` to ``high``."""

    def parse(value: str) -> int:
        if not value.isdigit() or not low <= int(value) <= high:
            raise ValueError(f"not a whole number from {low} to {high}")
        return int(value)

    return parse


def one_of(*allowed: str) -> Callable[[str], str]:
    """A parser for ``word_values``: one of the ``allowed`` strings ("-" for a class with no
    value)."""

    def parse(value: str) -> str:
        if value not in allowed:
            raise ValueError(f"not one of {', '.join(allowed)}")
        return value

    return parse


def word_values(name: str, parsers: Mapping[str, Callable[[str], _V]]) -> dict[str, dict[str, _V]]:
    """The words of a table with ``word``, ``class`` and ``value`` columns, by class, each
    with its value as its class's parser reads it. Classes and repeated words are checked
    as ``word_classes`` checks them; a value the parser refuses (ValueError, whose message
    says what is wrong) stops the load with a ConfigError naming the file and the line."""
    word_classes(name, parsers)
    found: dict[str, dict[str, _V]] = {c: {} for c in parsers}
    for row in read_table(name):
        value = row.get("value")
        if value is None:
            raise ConfigError(f"{name}, line {line_of(name, row)}: no column 'value'")
        try:
            found[row["class"]][row["word"]] = parsers[row["class"]](value)
        except ValueError as exc:
            line = line_of(name, row)
            raise ConfigError(
                f"{name}, line {line}: value {value!r} of {row['word']!r}: {exc}"
            ) from None
    return found


def alternatives(words: Iterable[str], gap: str = " ", *, shortest_first: bool = False) -> str:
    """A regex alternation of words and phrases, longest first, with ``gap`` between the
    words of a phrase: the longest that fits is taken ("neighbourhoods" before
    "neighbourhood"). ``shortest_first`` for patterns that were written to take the
    shortest.

    >>> alternatives(["km", "kms", "miles"])
    'miles|kms|km'
    """
    ordered = sorted(words, key=lambda w: (len(w) if shortest_first else -len(w), w))
    return "|".join(gap.join(re.escape(part) for part in w.split()) for w in ordered)


@functools.lru_cache(maxsize=1)
def taxonomy() -> dict[str, tuple[str, str]]:
    """sub_event_type -> (event_type, disorder_type), ACLED's exact strings."""
    return {
        r["sub_event_type"]: (r["event_type"], r["disorder_type"])
        for r in read_table("taxonomy.tsv")
    }


@functools.lru_cache(maxsize=1)
def speech_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(verb lemmas, source prepositions, speech nouns) of ``data/speech.tsv``."""
    rows = read_table("speech.tsv")
    kinds = ("verb", "prep", "noun")
    by = {k: frozenset(r["phrase"] for r in rows if r["kind"] == k) for k in kinds}
    return by["verb"], by["prep"], by["noun"]


def phrase_words(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as spaCy splits it: "commander-in-chief" -> commander, -, in, -, chief."""
    return tuple(re.findall(r"[^\W_]+|[^\w\s]", phrase.lower().replace(".", "")))


@functools.lru_cache(maxsize=16)
def phrase_index(name: str, column: str) -> dict[str, tuple[tuple[tuple[str, ...], dict], ...]]:
    """Rows of a bundled TSV indexed by the first word of ``column``, longest phrase first."""
    index: dict[str, list[tuple[tuple[str, ...], dict]]] = {}
    for row in read_table(name):
        words = phrase_words(row[column])
        if words:
            index.setdefault(words[0], []).append((words, row))
    return {k: tuple(sorted(v, key=lambda wr: -len(wr[0]))) for k, v in index.items()}


def match_phrase(
    index: dict[str, tuple[tuple[tuple[str, ...], dict], ...]],
    forms: list[tuple[str, ...]],
    i: int,
) -> tuple[int, dict] | None:
    """The longest phrase of ``index`` starting at token i: (end token, row), or None.

    ``forms[k]`` holds the ways token k may be read (its lower-cased text without dots,
    its lemma), so "Commanders" matches "commander" and "Gen." matches "gen".
    """
    for first in forms[i]:
        for words, row in index.get(first, ()):
            end = i + len(words)
            if end <= len(forms) and all(w in forms[i + k] for k, w in enumerate(words)):
                return end, row
    return None


def token_forms(doc: Doc) -> list[tuple[str, ...]]:
    """For each token of a spaCy Doc: (lower-cased text without dots, lower-cased lemma).

    Read from the Doc's arrays (no Token objects are made) and kept in ``doc.user_data``, so
    the stages that match phrases share one list.
    """
    cached = doc.user_data.get("eventwire.forms")
    if cached is None:
        from spacy.attrs import LEMMA, LOWER  # type: ignore[import-not-found]

        strings = doc.vocab.strings
        cached = []
        for low_id, lemma_id in doc.to_array([LOWER, LEMMA]).tolist():
            low = strings[low_id]
            cached.append((low.replace(".", "") or low, strings[lemma_id].lower()))
        doc.user_data["eventwire.forms"] = cached
    return cached


def doc_text(doc: Doc, known: str | None = None) -> str:
    """The text of a spaCy Doc, built once: spaCy joins every token again on each access.

    ``known`` is the text the Doc was parsed from, when the caller has it (spaCy keeps the
    text exactly, so the two are equal): then nothing is joined at all.
    """
    cached = doc.user_data.get("eventwire.text")
    if cached is None:
        cached = doc.user_data["eventwire.text"] = known if known is not None else doc.text
    return cached


def parsed_text(doc: Doc) -> str:
    """The text the parser read (``Doc.text``: capitals lowered, a byte-order mark as a
    space; ``nlp.analysis_text``), built once: spaCy joins every token again on each
    access. The stages that code the events read it; ``doc_text`` is the article's own."""
    cached = doc.user_data.get("eventwire.parsed")
    if cached is None:
        cached = doc.user_data["eventwire.parsed"] = doc.text
    return cached


def token_starts(doc: Doc) -> list[int]:
    """The character offset of each token of a Doc, read once from its arrays."""
    cached = doc.user_data.get("eventwire.starts")
    if cached is None:
        from spacy.attrs import IDX  # type: ignore[import-not-found]

        cached = doc.user_data["eventwire.starts"] = doc.to_array(IDX).tolist()
    return cached


def sentence_starts(doc: Doc) -> list[int]:
    """The first token of each token's sentence (all 0 in a Doc with no sentences), read
    once per Doc: ``Token.sent`` walks the Doc again on each access."""
    cached: list[int] | None = doc.user_data.get("eventwire.sentence_starts")
    if cached is None:
        cached = [0] * len(doc)
        if doc.has_annotation("SENT_START"):
            for sent in doc.sents:
                cached[sent.start : sent.end] = [sent.start] * (sent.end - sent.start)
        doc.user_data["eventwire.sentence_starts"] = cached
    return cached
