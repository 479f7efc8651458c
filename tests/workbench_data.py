"""Invented reports for the analyst's workbench tests (issue 14), written for the project.

The places are real, the events are not. Two outlets report one raid on an army base
near Baidoa; the second quotes an early count of one dead, far below the first outlet's
23: the case of the issue, where a second outlet's toll (misread, there) pulled a merged
event from 23 to 1. A README and a data file lie in the same folder, as in a real
download, and must not become events. The plain-text files open with a headline; their
dates come from a line of their own, a file name and a sidecar .json.
"""

from __future__ import annotations

import json
from pathlib import Path

RAID_HERALD = (
    "Al Shabaab fighters stormed an army base outside Baidoa on 12 March 2024, and 23 "
    "soldiers were killed in the fighting that followed, a military commander said. The "
    "attackers withdrew after several hours."
)
RAID_COURIER = (
    "An army spokesman said one soldier was killed when Al Shabaab fighters attacked a base "
    "near Baidoa on 12 March 2024. He gave no further details."
)
KADUNA = (
    "Gunmen killed five villagers in an attack on a farming village near Kaduna on 3 May "
    "2024, residents said. The attackers escaped on motorcycles."
)
FASHER = (
    "The Rapid Support Forces shelled residential areas of El Fasher on 15 March 2024, "
    "killing seven civilians, local medics said. Several houses were destroyed."
)
NAIROBI = (
    "Thousands of traders marched peacefully through Nairobi on 8 March 2024 to protest "
    "against rising fuel prices. The demonstrators dispersed in the afternoon without "
    "incident, police said."
)
README = (
    "# Field reports\n\nThis folder holds the reports collected in March. A test line: "
    "1000 killed in Baidoa on 12 March 2024 is not a real figure.\n"
)


def write_folder(folder: Path) -> Path:
    """A download of news as a person might have it: texts with headlines, dates in a
    dateline, a file name and a sidecar, and files that are not news. The courier's report
    of the raid is left out (``write_courier``), to come later as a new report."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "herald-baidoa.txt").write_text(
        "Army base raided near Baidoa\n\nPublished: 13 March 2024\n\n" + RAID_HERALD + "\n",
        encoding="utf-8",
    )
    (folder / "2024-05-04-kaduna.txt").write_text(
        "Gunmen kill five villagers near Kaduna\n\n" + KADUNA + "\n", encoding="utf-8"
    )
    (folder / "fasher.txt").write_text(
        "Shelling in El Fasher\n\n" + FASHER + "\n", encoding="utf-8"
    )
    (folder / "fasher.json").write_text(
        json.dumps({"published": "2024-03-16", "url": "https://darfur.example/fasher"}),
        encoding="utf-8",
    )
    (folder / "nairobi.txt").write_text(NAIROBI + "\n", encoding="utf-8")
    (folder / "README.md").write_text(README, encoding="utf-8")
    (folder / "tolls.csv").write_text("place,killed\nBaidoa,1000\n", encoding="utf-8")
    return folder


def write_courier(folder: Path) -> Path:
    """The second outlet's report of the Baidoa raid (the low count), in a folder of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "courier-baidoa.txt"
    path.write_text(
        "Soldiers die in Baidoa base attack\n\n" + RAID_COURIER + "\n", encoding="utf-8"
    )
    (folder / "courier-baidoa.json").write_text(
        json.dumps({"published": "2024-03-13", "url": "https://courier.example/baidoa"}),
        encoding="utf-8",
    )
    return path
