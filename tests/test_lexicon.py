"""The data tables are checked as they load (lexicon.SCHEMAS, lexicon.word_classes): a typo in a
class, a kind or a sub-event type stops the load with the file and the line. Each test
loads a bundled table with one line spoiled; the bundled tables themselves all load.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventwire import lexicon, reading
from eventwire.coding import words
from eventwire.errors import ConfigError
from eventwire.gazetteer import LINE_SCHEMAS, data_lines

TABLES = sorted(lexicon.SCHEMAS) + ["coding_words.tsv", "reading_words.tsv"]


@pytest.fixture
def spoil(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """``spoil("triggers.tsv", "clash\\ttype", "clash\\ttipe")``: the table as loaded has
    the first line holding the old text changed; the caches are cleared around it."""
    real = lexicon.data_text

    def caches() -> None:
        for fn in (
            lexicon.read_table,
            lexicon.taxonomy,
            words.triggers,
            words._coding_words,
            reading._reading_words,
            reading.reading_words,
        ):
            fn.cache_clear()

    def apply(name: str, old: str, new: str) -> None:
        text = real(name)
        assert old in text, old
        monkeypatch.setattr(
            lexicon, "data_text", lambda n: text.replace(old, new, 1) if n == name else real(n)
        )
        caches()

    yield apply
    monkeypatch.undo()
    caches()


@pytest.mark.parametrize("name", TABLES)
def test_lexicon_bundled_tables_load(name: str) -> None:
    assert lexicon.read_table(name)


def test_lexicon_unknown_trigger_class_names_file_and_line(spoil) -> None:  # type: ignore[no-untyped-def]
    spoil("triggers.tsv", "firefight\ttype", "firefight\ttipe")
    line = lexicon.data_text("triggers.tsv").splitlines().index("firefight\ttipe\tArmed clash\t0.9")
    with pytest.raises(ConfigError, match=rf"triggers.tsv, line {line + 1}: class 'tipe'"):
        words.triggers()


def test_lexicon_misspelt_sub_event_type_stops_the_load(spoil) -> None:  # type: ignore[no-untyped-def]
    spoil("triggers.tsv", "firefight\ttype\tArmed clash", "firefight\ttype\tArmed clashes")
    wrong = r"triggers.tsv, line \d+: sub_event_type 'Armed clashes'"
    with pytest.raises(ConfigError, match=wrong):
        words.triggers()


def test_lexicon_wrong_number_of_columns(spoil) -> None:  # type: ignore[no-untyped-def]
    spoil("vetoes.tsv", "cholera\tcause", "cholera\tcause\textra")
    with pytest.raises(ConfigError, match=r"vetoes.tsv, line \d+: 3 columns where the header"):
        lexicon.read_table("vetoes.tsv")


def test_lexicon_unknown_word_class(spoil) -> None:  # type: ignore[no-untyped-def]
    spoil("coding_words.tsv", "soldier\tarmed_person", "soldier\tarmed_persons")
    with pytest.raises(ConfigError, match=r"coding_words.tsv, line \d+: unknown class"):
        words.word_class("armed_person")


def test_lexicon_a_word_listed_twice_in_one_class(spoil) -> None:  # type: ignore[no-untyped-def]
    spoil("coding_words.tsv", "unarmed\tdisarmed_word", "off-duty\tdisarmed_word")
    lines = lexicon.data_text("coding_words.tsv").splitlines()
    second = lines.index("off-duty\tdisarmed_word", lines.index("off-duty\tdisarmed_word") + 1)
    wrong = rf"coding_words.tsv, line {second + 1}: 'off-duty' is listed twice as disarmed_word"
    with pytest.raises(ConfigError, match=wrong):
        words.word_class("disarmed_word")


def test_lexicon_unknown_reading_word_class_names_file_and_line(spoil) -> None:  # type: ignore[no-untyped-def]
    spoil("reading_words.tsv", "whom\tobject_relative", "whom\tobject_relatives")
    line = lexicon.data_text("reading_words.tsv").splitlines().index("whom\tobject_relatives")
    wrong = rf"reading_words.tsv, line {line + 1}: unknown class 'object_relatives'"
    with pytest.raises(ConfigError, match=wrong):
        reading.reading_words("relative_pronoun")


def test_lexicon_reading_word_listed_twice_in_one_class(spoil) -> None:  # type: ignore[no-untyped-def]
    spoil("reading_words.tsv", "whom\tobject_relative", "who\trelative_pronoun")
    with pytest.raises(ConfigError, match=r"reading_words.tsv, line \d+: 'who' is listed twice"):
        reading.reading_words("relative_pronoun")


def test_lexicon_reading_words_are_readers_words() -> None:
    """Every declared class has words, and the readers' classes are what they were written
    as in Python: a spot check that the table loads as meant."""
    assert all(reading.reading_words(c) for c in reading.READING_CLASSES)
    assert reading.reading_words("relative_pronoun", "object_relative") == {
        "who",
        "which",
        "that",
        "whom",
    }
    assert "emir" in reading.reading_words("unnamed_person")
    assert {"report", "tweet", "statement"} <= lexicon.speech_words()[2]


def test_lexicon_a_person_is_armed_or_civilian_not_both(spoil) -> None:  # type: ignore[no-untyped-def]
    spoil("coding_words.tsv", "farmer\tcivilian_person", "soldier\tcivilian_person")
    with pytest.raises(ConfigError, match=r"'soldier' is both armed_person and civilian_person"):
        words.word_class("civilian_person")


def test_lexicon_person_words_agree_with_generic_actors(spoil) -> None:  # type: ignore[no-untyped-def]
    # "shepherd" names civilians in generic.tsv: it cannot be an armed person here.
    spoil("coding_words.tsv", "soldier\tarmed_person", "shepherd\tarmed_person")
    with pytest.raises(ConfigError, match=r"'shepherd' is armed_person, but civilians"):
        words.word_class("armed_person")


@pytest.mark.parametrize("name", sorted(LINE_SCHEMAS))
def test_lexicon_bundled_headerless_tables_load(name: str) -> None:
    """The gazetteer's tables without a header row are checked column by column too."""
    assert data_lines(name)
