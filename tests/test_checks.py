"""Checks on where events were placed (``checks.py``): a point outside its country, and a
place far from every other place of the article, are reported in ``warnings``. Texts
written for these tests."""

from __future__ import annotations

from eventwire.checks import inside_country, place_warnings
from eventwire.pipeline import extract
from eventwire.records import Event


def test_checks_inside_country_by_natural_earth_borders() -> None:
    assert inside_country(36.20, 37.15, 760) is True  # Aleppo, Syria
    assert inside_country(33.89, 35.50, 760) is False  # Beirut is in Lebanon
    assert inside_country(33.89, 35.50, 422) is True
    assert inside_country(-0.36, 42.54, 706) is True  # Kismayo, on the coast
    assert inside_country(10.0, 10.0, 999) is None  # no such country


def test_checks_a_point_outside_its_country_is_reported() -> None:
    wrong = Event(country="Mauritania", iso=478, location="Mal", latitude=50.77, longitude=5.52)
    right = Event(country="Mauritania", iso=478, location="Nouakchott", latitude=18.09,
                  longitude=-15.98)
    warnings = place_warnings([right, wrong], [])
    assert warnings == ["event 2: its point (50.77, 5.52) lies outside Mauritania"]


def test_checks_a_place_far_from_the_article_s_others_is_flagged() -> None:
    from eventwire.place_lexicon import PlaceMention
    from eventwire.records import Place

    def town(name: str, country: str, lat: float, lon: float) -> PlaceMention:
        return PlaceMention(0, len(name), name, Place(name, country, latitude=lat,
                                                      longitude=lon))  # fmt: skip

    places = [town("Idlib", "Syria", 35.93, 36.63), town("Aleppo", "Syria", 36.20, 37.15),
              town("Kandahar", "Afghanistan", 31.61, 65.71)]
    far = Event(country="Afghanistan", iso=4, location="Kandahar", latitude=31.61,
                longitude=65.71)
    near = Event(country="Syria", iso=760, location="Idlib", latitude=35.93, longitude=36.63)
    warnings = place_warnings([near, far], places)
    assert len(warnings) == 1 and warnings[0].startswith("event 2: Kandahar (Afghanistan) lies")
    assert "km from every other place the article names" in warnings[0]
    # An article whose places lie together raises nothing.
    result = extract("Syrian troops shelled rebel positions in Idlib and Aleppo on 3 May 2021, "
                     "killing four fighters.")
    assert result.events
    assert not any("km from every other place" in w for w in result.warnings)
