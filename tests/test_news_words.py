"""News words the coder had misread (first seen among the errors of news batch 9, after
its blind scoring): a gang coalition is no anti-IS coalition, a "flash strike" is a
protest and no air strike, a controlled explosion disrupts a device, a crowd that
overturns a police car riots, police who "cite" a motive are no side, "beat up" is an
attack, and weather does not storm. Texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire import extract
from main_event import main_event


def test_a_gang_coalition_is_a_gang() -> None:
    ev = main_event("A gang coalition took over the hillside district of Carrefour-Feuilles on "
                    "Tuesday as police units pulled back.", "2024-08-13")  # fmt: skip
    assert ev.actor1 == "Unidentified Gang (Haiti)"
    assert ev.sub_event_type == "Non-state actor overtakes territory"


def test_a_flash_strike_is_a_protest_not_an_air_strike() -> None:
    ev = main_event("Troops opened fire on a flash strike by some thirty students in Sagaing "
                    "town on Monday morning, killing one of them.", "2021-05-10")  # fmt: skip
    assert ev.sub_event_type == "Excessive force against protesters"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Army bomb experts carried out a controlled explosion on a suspect package left "
         "at a bus shelter in Newry on Sunday.", "Disrupted weapons use"),
        ("Angry villagers stoned the district office and overturned a police car after "
         "officials refused to meet them in Osh on Friday.", "Violent demonstration"),
        ("Four men beat up a ward councillor outside his home in Thane on Sunday night.",
         "Attack"),
        # police who cite a motive speak of the shooting: they are no side of a battle
        ("Gunman wounds two canvassers in Tucson suburb; police cite political motive",
         "Attack"),
    ],
)  # fmt: skip
def test_news_words(text: str, expected: str) -> None:
    assert main_event(text, "2024-05-06").sub_event_type == expected


def test_weather_does_not_storm() -> None:
    assert extract("A storm tore roofs off houses across the town on Friday night.",
                   published="2024-05-06").events == []  # fmt: skip
