"""Divisions of the event's day (``eventwire.former_divisions``): a report from before a
division was merged, split or replaced is coded in the division of its day, and the
record's flags say so. Texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire.errors import ConfigError
from eventwire.former_divisions import former_admin1
from eventwire.pipeline import extract


def _event(text: str, published: str):  # type: ignore[no-untyped-def]
    events = extract(text, published=published).events
    assert events, text
    return events[0]


@pytest.mark.parametrize(
    ("town", "before", "after"),
    [
        ("Biratnagar", "East", "Koshi"),
        ("Janakpur", "Central", "Madhesh"),
        ("Pokhara", "West", "Gandaki"),
        ("Nepalgunj", "Mid-West", "Lumbini"),
        ("Dhangadhi", "Far-West", "Sudurpashchim"),
    ],
)
def test_former_divisions_nepal_towns_lie_in_their_development_region_before_2018(
    town: str, before: str, after: str
) -> None:
    text = f"Shopkeepers in {town} closed their shutters and marched against a new tax."
    old = _event(f"On 9 March 2016, {text[0].lower()}{text[1:]}", "2016-03-10")
    assert (old.country, old.location, old.admin1) == ("Nepal", town, before)
    assert any("division of the event's day" in f for f in old.flags)
    new = _event(f"On 9 March 2021, {text[0].lower()}{text[1:]}", "2021-03-10")
    assert (new.country, new.admin1) == ("Nepal", after)
    assert not any("division of the event's day" in f for f in new.flags)


def test_former_divisions_tribal_agency_before_the_merger() -> None:
    text = "militants attacked a checkpoint in Miran Shah, North Waziristan, killing two soldiers."
    old = _event(f"On 2 April 2016, {text}", "2016-04-03")
    assert (old.admin2, old.admin1) == ("North Waziristan", "Federally Administered Tribal Areas")
    new = _event(f"On 2 April 2019, {text}", "2019-04-03")
    assert new.admin1 == "Khyber Pakhtunkhwa"
    # A district that was never a tribal agency keeps its province on any day.
    swat = _event(
        "On 2 April 2016, militants attacked a checkpoint in Mingora, Swat, killing two soldiers.",
        "2016-04-03",
    )
    assert swat.admin1 == "Khyber Pakhtunkhwa"


@pytest.mark.parametrize(
    ("day", "admin1"),
    [
        ("2013-11-20", "Andhra Pradesh"),
        ("2014-06-02", "Telangana"),
        ("2013", "Andhra Pradesh"),
        ("2014", "Telangana"),
        (None, "Telangana"),
    ],
)
def test_former_divisions_the_day_decides(day: str | None, admin1: str) -> None:
    former = former_admin1("IN", day, "Telangana", "Warangal", "Warangal", (17.97, 79.59))
    assert (former.name if former else "Telangana") == admin1


def test_former_divisions_other_countries_and_divisions_are_untouched() -> None:
    assert former_admin1("IN", "2010-01-01", "Kerala", None, "Kochi", (9.97, 76.28)) is None
    assert former_admin1("KE", "2010-01-01", "Nairobi", None, "Nairobi", (-1.28, 36.82)) is None
    assert former_admin1(None, "2010-01-01", "Telangana", None, None, None) is None


def test_former_divisions_a_bad_table_row_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import eventwire.former_divisions as fd

    monkeypatch.setattr(fd, "data_lines", lambda name: [["NP", "2018", "X", "regions", "Y"]])
    fd._table.cache_clear()
    try:
        with pytest.raises(ConfigError, match="former_divisions.tsv, row 1"):
            fd._table()
    finally:
        monkeypatch.undo()
        fd._table.cache_clear()
