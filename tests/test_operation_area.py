"""An operation that holds one area of its theatre names the sides that fight under it
there (``data/operations.tsv``, ``actor_tables.area_operations``,
``coding/frontlines.operation_sides``): Turkey's forces and the Syrian National Army in the
north-east strip taken in October 2019 are "Operation Peace Spring" (Turkey's forces only
when told beside the factions); elsewhere in Syria, and before the operation, they keep
their own names. Texts written for these tests."""

from __future__ import annotations

from eventwire.actor_tables import area_operations, operation
from main_event import main_event

SPRING = "Operation Peace Spring"


def test_the_factions_under_the_operation_take_its_name_in_its_area() -> None:
    ev = main_event(
        "Fighters of the Syrian National Army stormed a village west of Tal Abyad on "
        "Thursday and battled SDF units for several hours.",
        "2020-06-12",
    )
    assert ev.admin1 == "Ar-Raqqah", ev.location
    assert (ev.actor1, ev.actor2) == (SPRING, "QSD: Syrian Democratic Forces")
    assert any("fights under in" in f for f in ev.flags)


def test_turkish_forces_beside_the_factions_are_one_side_with_them() -> None:
    """Read as two sides, Turkey's troops and the factions fighting beside them are the
    one operation."""
    ev = main_event(
        "Turkish troops and the Syrian National Army shelled the village of Umm Harmalah "
        "near Ras al-Ain on Thursday, a war monitor said; no casualties were reported.",
        "2020-06-12",
    )
    assert ev.admin1 == "Al-Hasakah", ev.location
    assert ev.actor1 == SPRING
    assert ev.actor2 not in ("Military Forces of Turkey (2016-)", "JWS: Syrian National Army")


def test_outside_its_area_alone_or_before_it_the_sides_keep_their_names() -> None:
    alone = main_event(
        "Turkish howitzers pounded the outskirts of Tal Tamr on Thursday, hitting positions of "
        "the Syrian Democratic Forces, a war monitor said.",
        "2020-06-12",
    )
    assert alone.admin1 == "Al-Hasakah"
    assert alone.actor1 == "Military Forces of Turkey (2016-)"
    afrin = main_event(
        "Fighters of the Syrian National Army stormed a village south of Afrin on Thursday "
        "and battled YPG units for several hours.",
        "2020-06-12",
    )
    assert afrin.admin1 == "Aleppo"
    assert afrin.actor1 == "JWS: Syrian National Army"
    before = main_event(
        "Fighters of the Syrian National Army stormed a village west of Tal Abyad on "
        "Thursday and battled SDF units for several hours.",
        "2018-06-12",
    )
    assert before.actor1 != SPRING


def test_an_area_row_never_names_a_state_forces_across_the_whole_theatre() -> None:
    """The Peace Spring row holds two governorates: the theatre-wide lookup, used for
    Saudi forces in Yemen, does not apply it to Turkish forces anywhere in Syria."""
    assert operation("military", "TR", "SY", 2020) is None
    assert operation("military", "SA", "YE", 2020) == "Operation Restoring Hope"
    assert [op.name for op in area_operations("SY", "Ar-Raqqah", 2020)] == [SPRING]
    assert area_operations("SY", "Idlib", 2020) == ()
