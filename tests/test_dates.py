"""Dates placed on the calendar from the publication date (dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.dates import DateMention, find_dates


def _one(text: str, published: str | None) -> DateMention:
    found = find_dates(text, published)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start:d.end] == d.text
    return d


@pytest.mark.parametrize(("published", "expected"), [
    ("2026-01-16", "2026-01-16"),  # a Friday: "on Friday" is the same day
    ("2026-01-17", "2026-01-16"),  # a Saturday: the day before
    ("2026-01-22", "2026-01-16"),  # a Thursday: the Friday of the week before
])
def test_dates_weekday_is_latest_such_day_not_after_publication(published: str,
                                                                 expected: str) -> None:
    assert dt.date.fromisoformat("2026-01-16").strftime("%A") == "Friday"
    d = _one("Jets struck a depot on Friday, residents said.", published)
    assert (d.text, d.date, d.precision, d.status) == ("Friday", expected, 1, "relative")


def test_dates_last_weekday_on_that_weekday_is_a_week_back() -> None:
    d = _one("Jets struck a depot last Friday.", "2026-01-16")
    assert d.date == "2026-01-09"


def test_dates_yesterday_is_the_day_before_publication() -> None:
    d = _one("Rebels shelled the town yesterday.", "2026-03-01")
    assert (d.text, d.date, d.precision, d.status) == ("yesterday", "2026-02-28", 1, "relative")


def test_dates_mid_month_in_january_article_is_previous_year() -> None:
    d = _one("Soldiers burned granaries in mid-December, villagers said.", "2025-01-06")
    assert (d.text, d.date, d.precision) == ("mid-December", "2024-12-15", 2)


@pytest.mark.parametrize(("published", "expected"), [
    ("2025-05-10", "2025-03-03"),  # after 3 March: this year
    ("2025-01-10", "2024-03-03"),  # long before 3 March: last year
])
def test_dates_day_month_without_year_takes_year_from_publication(published: str,
                                                                  expected: str) -> None:
    d = _one("The convoy was ambushed on 3 March near the river.", published)
    assert (d.text, d.date, d.precision) == ("3 March", expected, 1)


def test_dates_month_day_year_is_explicit() -> None:
    d = _one("The convoy was ambushed on March 3, 2023, near the river.", "2025-05-10")
    assert (d.text, d.date, d.precision, d.status) == ("March 3, 2023", "2023-03-03", 1,
                                                        "explicit")


@pytest.mark.parametrize("text", [
    "Gunmen raided the market on Friday.",
    "Gunmen raided the market yesterday.",
])
def test_dates_relative_without_published_is_unresolved(text: str) -> None:
    d = _one(text, None)
    assert d.date is None and d.status == "unresolved"


def test_dates_explicit_date_needs_no_published() -> None:
    d = _one("Gunmen raided the market on 4 May 2024.", None)
    assert (d.date, d.status) == ("2024-05-04", "explicit")


@pytest.mark.parametrize("text", [
    "Officials said the raid happened on 31 February 2024.",
    "Officials said the raid happened on 31 February.",
])
def test_dates_impossible_date_is_not_a_date(text: str) -> None:
    assert find_dates(text, "2024-03-05") == []


def test_dates_impossible_iso_date_is_not_a_date() -> None:
    assert find_dates("Officials said the raid happened on 2024-02-30.", "2024-03-05") == []
