"""The data tables are checked as they load (lexicon.SCHEMAS, lexicon.word_classes): a typo in a
class, a kind or a sub-event type stops the load with the file and the line. Each test
loads a bundled table with one line spoiled; the bundled tables themselves all load.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventwire import (
    actor_tables,
    actors,
    admin_tables,
    dates,
    divisions,
    lexicon,
    place_lexicon,
    placenames,
    places,
    reading,
    villages,
)
from eventwire.coding import shares, words
from eventwire.errors import ConfigError
from eventwire.gazetteer import LINE_SCHEMAS, data_lines

TABLES = sorted(lexicon.SCHEMAS) + [
    "coding_words.tsv",
    "reading_words.tsv",
    "actor_words.tsv",
    "date_words.tsv",
    "place_words.tsv",
]


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
            actor_tables._actor_words,
            actor_tables.actor_words,
            actor_tables._operations,
            actors._group_links,
            actors.dictionary,
            actors._first_tokens,
            actors._state_rows,
            actors._rows_by_name,
            dates.date_words,
            dates._patterns,
            placenames._place_words,
            placenames.place_words,
            placenames.norm_key,
            place_lexicon.place_lexicon,
            admin_tables._affixes,
            divisions._patterns,
            villages._words,
            places._words,
            shares._named,
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


# One line of each table of word classes, and a load that reads it: (table, line, load).
WORD_TABLES = [
    ("reading_words.tsv", "who\trelative_pronoun", lambda: reading.reading_words("own_side")),
    ("actor_words.tsv", "lgas\tarea_word", lambda: actor_tables.actor_words("area_word")),
    (
        "date_words.tsv",
        "overnight\trelative_day\t1",
        lambda: dates.find_dates("Jets struck overnight.", "2026-01-17"),
    ),
    ("place_words.tsv", "reserve\tforest_word\t-", lambda: placenames.place_words("forest_word")),
]


@pytest.mark.parametrize(("name", "row", "load"), WORD_TABLES)
def test_lexicon_unknown_class_names_file_and_line(spoil, name, row, load) -> None:  # type: ignore[no-untyped-def]
    word, cls, *rest = row.split("\t")
    spoiled = "\t".join([word, cls + "s", *rest])
    spoil(name, row, spoiled)
    line = lexicon.data_text(name).splitlines().index(spoiled)
    with pytest.raises(ConfigError, match=rf"{name}, line {line + 1}: unknown class '{cls}s'"):
        load()


@pytest.mark.parametrize(("name", "row", "load"), WORD_TABLES)
def test_lexicon_word_listed_twice_names_file_and_line(spoil, name, row, load) -> None:  # type: ignore[no-untyped-def]
    """The spoiled row repeats the word of the row before it, in the same class."""
    lines = lexicon.data_text(name).splitlines()
    before = lines[lines.index(row) - 1]
    word, cls, *_ = before.split("\t")
    assert row.split("\t")[1] == cls
    spoil(name, row, before)
    wrong = rf"{name}, line {lines.index(row) + 1}: '{word}' is listed twice as {cls}"
    with pytest.raises(ConfigError, match=wrong):
        load()


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


def test_lexicon_actor_words_are_the_stages_words() -> None:
    """Every declared class has words, and a spot check that the table loads as the
    actor and people stages wrote it in Python; the readers' group possessives come from
    here (one source per class of word)."""
    assert all(actor_tables.actor_words(c) for c in actor_tables.ACTOR_CLASSES)
    assert actor_tables.actor_words("fighter_word") == {"fighter", "militant", "member", "rebel"}
    assert actor_tables.actor_words("org_preposition") == {"of", "for", "in", "at"}
    assert len(actor_tables.actor_words("facility_word")) == 28
    assert reading.reading_words("group_possessive") == {"its", "their"}


# A table of word values, and a load that reads it.
VALUE_LOADS = {
    "date_words.tsv": lambda: dates.find_dates("Jets struck yesterday.", "2026-01-17"),
    "place_words.tsv": lambda: placenames.place_values("bearing"),
}


@pytest.mark.parametrize(
    ("name", "old", "new", "wrong"),
    [
        (
            "date_words.tsv",
            "yesterday\trelative_day\t1",
            "yesterday\trelative_day\tone",
            "not a whole number",
        ),
        (
            "date_words.tsv",
            "mid\tmonth_part\t15",
            "mid\tmonth_part\t31",
            "not a whole number from 1 to 28",
        ),
        (
            "date_words.tsv",
            "last week\trelative_period\tlast_week",
            "last week\trelative_period\tlastweek",
            "not one of",
        ),
        ("date_words.tsv", "in\tmonth_lead\t-", "in\tmonth_lead\t1", "not one of -"),
        (
            "place_words.tsv",
            "east\tbearing\t0",
            "east\tbearing\teast",
            "not a whole number from 0 to 359",
        ),
        (
            "place_words.tsv",
            "north\tbearing\t90",
            "north\tbearing\t360",
            "not a whole number from 0 to 359",
        ),
        (
            "place_words.tsv",
            "from\torigin\torigin",
            "from\torigin\tsource",
            "not one of origin, destination",
        ),
        ("place_words.tsv", "forest\tforest_word\t-", "forest\tforest_word\tyes", "not one of -"),
    ],
)
def test_lexicon_word_value_that_does_not_parse(spoil, name, old, new, wrong) -> None:  # type: ignore[no-untyped-def]
    spoil(name, old, new)
    line = lexicon.data_text(name).splitlines().index(new)
    word, _, value = new.split("\t")
    message = rf"{name}, line {line + 1}: value '{value}' of '{word}': {wrong}"
    with pytest.raises(ConfigError, match=message):
        VALUE_LOADS[name]()


def test_lexicon_date_words_are_the_dates_words() -> None:
    """The table's values are those dates.py wrote in Python: a spot check."""
    found = dates.date_words()
    assert found["relative_day"]["the day before yesterday"] == 2
    assert found["relative_period"]["over the weekend"] == "weekend"
    assert found["month_part"] == {
        "early": 5, "beginning of": 5, "mid": 15, "middle of": 15, "late": 25, "end of": 25,
    }  # fmt: skip
    assert found["ago_count"]["several"] == 3


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


def test_lexicon_place_words_are_the_place_stages_words() -> None:
    """Every declared class has words, and a spot check that the table loads as the place
    stages wrote it in Python; month and weekday names are read from the dates module, not
    listed again."""
    assert all(placenames.place_words(c) for c in placenames.PLACE_CLASSES)
    assert placenames.place_words("article") == set(
        "al el ad ar as at az an ash ed es ez en et er ul il adh ath".split()
    )
    assert placenames.place_values("bearing") == {
        "east": 0, "northeast": 45, "north": 90, "northwest": 135, "west": 180,
        "southwest": 225, "south": 270, "southeast": 315,
    }  # fmt: skip
    assert placenames.place_values("origin")["reaching"] == "destination"
    assert placenames.place_words("street_word") >= {"bazar", "bazaar", "chowk"}
    assert not placenames.place_words(*placenames.PLACE_CLASSES) & dates.CALENDAR_NAMES


def test_lexicon_place_words_header_describes_every_class() -> None:
    """The table's header says what each declared class is for, and names no other."""
    described = {
        line.split()[1]
        for line in lexicon.data_text("place_words.tsv").splitlines()
        if line.startswith("#   ")
    }
    assert described == set(placenames.PLACE_CLASSES)


def test_lexicon_a_generic_phrase_given_twice_stops_the_load(spoil) -> None:  # type: ignore[no-untyped-def]
    spoil("generic.tsv", "regime\tmilitary", "army\tmilitary")
    with pytest.raises(ConfigError, match=r"generic.tsv: the phrase 'army' has two rows"):
        actors.dictionary()
