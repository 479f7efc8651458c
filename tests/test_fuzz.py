"""Property-based fuzzing of the readers, the JSONL contract and the entry points
(issue 15): a few hundred generated inputs, seeded (``derandomize``), so CI meets the
same ones every time. ``bench/fuzz.py`` runs the same checks over 10,000 and more.

What is generated and checked is in ``fuzzing.py``: no exception but InputError escapes
a public function, every input is answered or has a row, no article fails for a number
or a date, every evidence span is exact in the text it indexes.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzzing
from eventwire.printable import one_line

SETTINGS = settings(derandomize=True, deadline=None, database=None, print_blob=True,
                    suppress_health_check=list(HealthCheck))  # fmt: skip


def _clean(tally: fuzzing.Tally) -> None:
    assert (tally.crashes, tally.unaccounted, tally.failed, tally.inexact) == (0, 0, 0, 0), (
        tally.examples
    )


@settings(SETTINGS, max_examples=80)
@given(fuzzing.texts, fuzzing.published)
def test_fuzz_extract_codes_or_refuses_every_text(text: str, when: str | None) -> None:
    _clean(fuzzing.check_extract(text, when))


@settings(SETTINGS, max_examples=80)
@given(st.one_of(fuzzing.texts, st.binary(max_size=300), fuzzing.texts.map(
    lambda t: t.encode("utf-8", "surrogatepass"))))  # fmt: skip
def test_fuzz_read_article_raises_only_input_errors(data: bytes | str) -> None:
    _clean(fuzzing.check_read_article(data))


@settings(SETTINGS, max_examples=60)
@given(fuzzing.jsonl_files)
def test_fuzz_jsonl_contract_answers_every_line(data: bytes) -> None:
    _clean(fuzzing.check_jsonl(data))


@settings(SETTINGS, max_examples=60)
@given(fuzzing.damaged_warcs())
def test_fuzz_damaged_warc_is_read_as_far_as_it_can_be(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _clean(fuzzing.check_warc(Path(tmp), data))


@settings(SETTINGS, max_examples=25)
@given(fuzzing.folders())
def test_fuzz_ingest_gives_every_input_a_row(entries: list[tuple[str, str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _clean(fuzzing.check_folder(Path(tmp), entries))


@settings(SETTINGS, max_examples=100)
@given(st.text(fuzzing.any_char))
def test_fuzz_one_line_is_one_printable_field(value: str) -> None:
    line = one_line(value)
    line.encode("utf-8")
    assert not any(c in line for c in "\n\r\t\x00\x1b\x85\u2028\u2029")
