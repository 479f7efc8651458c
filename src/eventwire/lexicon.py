"""Reading the data files in ``eventwire/data``: tab-separated, ``#`` comments, a header.

Every lexicon the pipeline uses is a data file so that analysts can extend it without
touching Python; each file opens with comment lines saying where its facts come from.

>>> rows = read_table("taxonomy.tsv")
>>> len(rows), rows[0]["sub_event_type"]
(25, 'Armed clash')
"""

from __future__ import annotations

import csv
import functools
import io
import re
from importlib import resources
from typing import Any

from .errors import ConfigError


def data_text(name: str) -> str:
    """The text of a bundled data file."""
    try:
        return (
            resources.files("eventwire").joinpath("data").joinpath(name).read_text(encoding="utf-8")
        )
    except (FileNotFoundError, OSError) as exc:
        raise ConfigError(f"data file {name!r} is missing from the eventwire package") from exc


@functools.lru_cache(maxsize=32)
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a bundled TSV file as dicts keyed by its header (comments skipped)."""
    lines = [ln for ln in data_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for n, row in enumerate(reader, 2):
        if None in row or any(v is None for v in row.values()):
            raise ConfigError(f"{name}: row {n} has the wrong number of columns")
        rows.append({k: v.strip() for k, v in row.items()})
    return tuple(rows)


@functools.lru_cache(maxsize=1)
def taxonomy() -> dict[str, tuple[str, str]]:
    """sub_event_type -> (event_type, disorder_type), ACLED's exact strings."""
    return {
        r["sub_event_type"]: (r["event_type"], r["disorder_type"])
        for r in read_table("taxonomy.tsv")
    }


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


def token_forms(doc: Any) -> list[tuple[str, ...]]:
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


def doc_text(doc: Any, known: str | None = None) -> str:
    """The text of a spaCy Doc, built once: spaCy joins every token again on each access.

    ``known`` is the text the Doc was parsed from, when the caller has it (spaCy keeps the
    text exactly, so the two are equal): then nothing is joined at all.
    """
    cached = doc.user_data.get("eventwire.text")
    if cached is None:
        cached = doc.user_data["eventwire.text"] = known if known is not None else doc.text
    return cached


def token_starts(doc: Any) -> list[int]:
    """The character offset of each token of a Doc, read once from its arrays."""
    cached = doc.user_data.get("eventwire.starts")
    if cached is None:
        from spacy.attrs import IDX  # type: ignore[import-not-found]

        cached = doc.user_data["eventwire.starts"] = doc.to_array(IDX).tolist()
    return cached
