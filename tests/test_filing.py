"""What a file tells besides its text (filing.py): not an article, its headline, its date.

The lines and file names are invented for the project.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.filing import dateline_date, file_date, headline, not_an_article, sidecar
from eventwire.readers import read_sources


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("README.md", "not an article: README"),
        ("readme", "not an article: README"),
        ("LICENSE.txt", "not an article: LICENSE"),
        ("CHANGELOG.md", "not an article: CHANGELOG"),
        ("tolls.csv", "not an article: a data file (.csv)"),
        ("events.db-wal", "not an article: a database file (.db-wal)"),
        ("map.png", None),  # binary: the reader fails it, and says why
        ("report.pdf", None),
        (".DS_Store", "not an article: a hidden file"),
        ("kidal-2024.txt", None),
        ("page.html", None),
        ("feed.xml", None),
    ],
)  # fmt: skip
def test_filing_files_that_are_not_articles(name: str, reason: str | None) -> None:
    assert not_an_article(Path("news") / name) == reason


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Clashes near Kidal leave three dead\n\nGovernment forces clashed with rebels.",
         "Clashes near Kidal leave three dead"),
        ("Who shelled the market?\nNo group has said it fired the shells.",
         "Who shelled the market?"),
        ("Government forces clashed with rebels near Kidal on Tuesday.\nThree died.", None),
        ("KIDAL, Mali, 2 April 2024 (Wire) - Government forces clashed\nwith rebels.", None),
        ("By Aminata Diallo\n\nGovernment forces clashed with rebels.", None),
        ("Published: 2 April 2024\n\nGovernment forces clashed with rebels.", None),
        ("Clashes near Kidal", None),  # nothing after it: the whole text, not a headline
        ("the army said\n\nGovernment forces clashed with rebels.", None),
    ],
)  # fmt: skip
def test_filing_first_line_is_the_title_when_it_reads_as_a_headline(text, title) -> None:
    assert headline(text) == title


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("KIDAL, Mali, 2 April 2024 (Wire) - Government forces clashed with rebels.",
         "2024-04-02"),
        ("April 2, 2024 -- Government forces clashed with rebels.", "2024-04-02"),
        ("NAIROBI, Kenya — 8 March 2024: Thousands of traders marched.", "2024-03-08"),
        ("Published: 2 Apr. 2024\n\nGovernment forces clashed with rebels.", "2024-04-02"),
        ("Clashes near Kidal\n\nTuesday, 2 April 2024\n\nGovernment forces clashed.",
         "2024-04-02"),
        ("Clashes near Kidal\n\n2024-04-02\n\nGovernment forces clashed.", "2024-04-02"),
        # Dates further down, or in the report's own sentence, say when things happened.
        ("Government forces clashed with rebels near Kidal on 2 April 2024 - three died.", None),
        ("Clashes near Kidal\n\nGovernment forces clashed.\n\n2 April 2024", None),
        ("MOGADISHU, March 4 (Wire) - A bomb exploded.", None),  # no year: no date
        ("KIDAL, 31 February 2024 (Wire) - Clashes.", None),
    ],
)  # fmt: skip
def test_filing_date_at_the_top_of_the_text(text: str, date: str | None) -> None:
    assert dateline_date(text, headline(text)) == date


def test_filing_date_in_the_file_name() -> None:
    assert file_date(Path("2024-04-02-kidal.txt")) == "2024-04-02"
    assert file_date(Path("kidal_20240402.html")) == "2024-04-02"
    assert file_date(Path("kidal.2024.04.02.txt")) == "2024-04-02"
    assert file_date(Path("story-20241302.txt")) is None  # no 13th month
    assert file_date(Path("story-123456789.txt")) is None


def test_filing_sidecar_gives_date_title_and_url(tmp_path: Path) -> None:
    text = tmp_path / "kidal.txt"
    text.write_text("Government forces clashed with rebels near Kidal on Tuesday.\n")
    assert sidecar(text) == ({}, None)
    facts = {"published": "2024-04-03", "title": "Clashes near Kidal", "url": "https://x.example/k"}
    (tmp_path / "kidal.json").write_text(json.dumps(facts))
    facts, warning = sidecar(text)
    assert warning is None and facts["published"] == "2024-04-03"
    (tmp_path / "kidal.json").write_text('{"published": "3 April"}')
    facts, warning = sidecar(text)
    assert facts == {} and warning.startswith("sidecar kidal.json not used: ")


def test_filing_ingested_folder_gets_titles_and_dates_per_file(tmp_path: Path) -> None:
    body = "Government forces clashed with rebels near Kidal on Tuesday, killing three."
    (tmp_path / "a.txt").write_text(f"Clashes near Kidal\n\n{body}\n")
    (tmp_path / "2024-04-03-b.txt").write_text(f"{body} Residents fled.\n")
    (tmp_path / "c.txt").write_text(f"KIDAL, Mali, 3 April 2024 (Wire) - {body} Shops shut.\n")
    (tmp_path / "d.html").write_text(f"<html><head><title>Kidal</title></head><body><p>{body} "
                                     "A market closed.</p></body></html>")  # fmt: skip
    (tmp_path / "d.json").write_text('{"published": "2024-04-04"}')
    (tmp_path / "e.txt").write_text(f"{body} Roads closed.\n")
    (tmp_path / "e.txt.json").write_text('{"published": "not a date"}')
    (tmp_path / "README").write_text("Reports from Kidal, 1000 killed (a test).\n")
    items = {Path(i.source).name: i for i in read_sources([str(tmp_path)], published="2024-04-10")}
    got = {name: (i.article.title, i.article.published) if i.article else (i.status, i.reason)
           for name, i in items.items()}  # fmt: skip
    assert got == {
        "a.txt": ("Clashes near Kidal", "2024-04-10"),
        "2024-04-03-b.txt": (None, "2024-04-03"),
        "c.txt": (None, "2024-04-03"),
        "d.html": ("Kidal", "2024-04-04"),
        "d.json": ("skipped", "metadata of d.html (a sidecar .json), read with it"),
        "e.txt": (None, "2024-04-10"),
        "e.txt.json": ("skipped", "metadata of e.txt (a sidecar .json), read with it"),
        "README": ("skipped", "not an article: README"),
    }
    assert items["e.txt"].article.warnings[0].startswith("sidecar e.txt.json not used:")
