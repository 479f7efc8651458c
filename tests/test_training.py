"""`eventwire train` and `eventwire evaluate` end to end, on small files the tests write.

Every text here was written for the project; places are real, incidents invented.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from eventwire.coding.model import load_model_dir
from eventwire.errors import ConfigError, InputError
from eventwire.labelled import check_labels, read_labelled

# Three kinds of report and texts with no event, enough of each for a model to tell them
# apart: airstrikes, peaceful marches, kidnappings, and weather or sport.
STRIKES = [
    "Warplanes bombed a village outside Idlib on Monday, killing four people.",
    "A drone strike hit a car near Jilib, killing two militants, officials said.",
    "Fighter jets pounded rebel positions in the hills above Bambari overnight.",
    "An air raid destroyed a depot in Marib; the coalition said it hit weapons.",
    "Military aircraft struck a training camp in Sambisa forest on Friday.",
    "A helicopter gunship fired on fighters gathered near Kidal, a source said.",
    "Two airstrikes hit the outskirts of Saada late on Tuesday night.",
    "An unmanned aircraft targeted a pickup truck east of Bosaso, killing three.",
    "Jets carried out strikes on tunnels in the mountains near Sinjar.",
    "A drone attack on a convoy near Tessalit killed five fighters.",
]
MARCHES = [
    "Hundreds of teachers marched through Nairobi on Monday demanding higher pay.",
    "Students held a sit-in outside the ministry in Dhaka to protest exam fees.",
    "Farmers rallied peacefully in Lahore against the price of fertiliser.",
    "Nurses staged a quiet demonstration at the gates of the hospital in Accra.",
    "About 200 traders protested in Kampala over new market taxes on Friday.",
    "Residents of Tunis gathered in a square to demand clean water, without incident.",
    "Women's groups marched in Lima to denounce violence, and dispersed peacefully.",
    "Workers held a rally in Colombo calling for the reopening of the port.",
    "Opposition supporters demonstrated in Harare, chanting slogans, police watched.",
    "A crowd of pensioners protested outside parliament in Kyiv over pensions.",
]
KIDNAPS = [
    "Gunmen abducted six travellers on the highway near Kaduna on Sunday.",
    "Armed men kidnapped a priest from his parish house in Enugu state.",
    "Bandits seized twelve schoolgirls from a dormitory in Zamfara overnight.",
    "Unknown men took a local aid worker at gunpoint near Goma, colleagues said.",
    "Militants abducted three fishermen on the lake near Kousseri.",
    "A businessman was kidnapped by armed men outside his home in Port Harcourt.",
    "Insurgents kidnapped a village chief and his son near Diffa.",
    "Gunmen snatched two engineers working on a road near Mopti.",
    "Kidnappers seized a doctor in Mogadishu and demanded a ransom.",
    "Armed men abducted four farmers from their fields outside Katsina.",
]
QUIET = [
    "Heavy rain flooded streets in Lagos on Monday, and traffic came to a halt.",
    "The national team crushed its rivals 4-0 in a qualifier in Cairo.",
    "Shares in the mining company plunged after it cut its forecast.",
    "The ministry said the new school year would start in September.",
    "A bus overturned on the highway near Mombasa, injuring nine passengers.",
    "Officials opened a new bridge over the river in Phnom Penh.",
    "The central bank kept interest rates unchanged on Thursday.",
    "A heatwave pushed temperatures above 45 degrees in Jacobabad.",
    "The festival drew thousands of visitors to the old city of Fez.",
    "Farmers expect a good harvest after the rains in Malawi.",
]


def _rows() -> list[dict[str, str]]:
    rows = []
    for texts, et, sub in (
        (STRIKES, "Explosions/Remote violence", "Air/drone strike"),
        (MARCHES, "Protests", "Peaceful protest"),
        (KIDNAPS, "Violence against civilians", "Abduction/forced disappearance"),
        (QUIET, "", ""),
    ):
        rows += [{"text": t, "event_type": et, "sub_event_type": sub} for t in texts]
    return rows


@pytest.fixture
def coded_jsonl(tmp_path: Path) -> Path:
    """A JSONL file of 40 coded texts: three sub-event types and texts with no event."""
    path = tmp_path / "coded.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _rows()), encoding="utf-8")
    return path


@pytest.fixture
def coded_csv(tmp_path: Path) -> Path:
    """The same texts as an ACLED-style export (notes, event_type, sub_event_type, ...)."""
    path = tmp_path / "coded.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["event_id_cnty", "event_date", "event_type", "sub_event_type", "country",
                    "fatalities", "notes"])  # fmt: skip
        for k, r in enumerate(_rows()):
            if r["sub_event_type"]:
                w.writerow([f"XX{k}", "2024-05-03", r["event_type"], r["sub_event_type"], "", 0,
                            r["text"]])  # fmt: skip
    return path


def test_labelled_reads_jsonl_and_acled_csv(coded_jsonl: Path, coded_csv: Path) -> None:
    rows = read_labelled([coded_jsonl])
    assert len(rows) == 40
    assert rows[0].sub_event_type == "Air/drone strike"
    assert rows[-1].is_event is False
    csv_rows = read_labelled([coded_csv])
    assert len(csv_rows) == 30
    assert csv_rows[0].gold["event_date"] == "2024-05-03"
    assert csv_rows[0].published == "2024-05-04"  # the day after stands for publication


def test_labelled_spelling_is_acleds_and_wrong_pairs_are_refused() -> None:
    assert check_labels("", "peaceful PROTEST", "x:1") == ("Protests", "Peaceful protest")
    with pytest.raises(InputError, match="x:2: sub-event type 'Attack' belongs to"):
        check_labels("Battles", "Attack", "x:2")
    with pytest.raises(InputError, match="x:3: unknown sub-event type 'Armed clashes'"):
        check_labels("Battles", "Armed clashes", "x:3")


def test_labelled_bad_files_name_the_problem(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        read_labelled([empty])
    nolabel = tmp_path / "nolabel.jsonl"
    nolabel.write_text(json.dumps({"text": "Gunmen killed two men."}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"nolabel.jsonl:1: no label"):
        read_labelled([nolabel])
    nocol = tmp_path / "nocol.csv"
    nocol.write_text("notes,event_type\nGunmen killed two men.,Battles\n", encoding="utf-8")
    with pytest.raises(InputError, match="no 'sub_event_type' column"):
        read_labelled([nocol])
    typo = tmp_path / "typo.jsonl"
    typo.write_text(
        json.dumps({"text": "a", "event_type": "Riots", "sub_event_type": "Mob violance"}) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="typo.jsonl:1: unknown sub-event type 'Mob violance'"):
        read_labelled([typo])


def test_training_learns_and_scores_its_held_back_share(coded_jsonl: Path, tmp_path: Path) -> None:
    from eventwire.training import TrainOptions, train

    out = tmp_path / "model"
    report = train([coded_jsonl], out, TrainOptions(held_back=0.25, name="tiny"))
    assert report.trained + report.held_back == 40
    assert report.held_back > 0
    model = load_model_dir(out)
    assert model.name == "tiny"
    assert set(model.labels) == {"", "Air/drone strike", "Peaceful protest",
                                 "Abduction/forced disappearance"}  # fmt: skip
    card = json.loads((out / "model.json").read_text())
    assert card["counts"]["(no event)"] == 10
    assert card["held_back_scores"]["n"] == report.held_back
    # The same files and seed give the same model.
    again = train([coded_jsonl], tmp_path / "again", TrainOptions(held_back=0.25, name="tiny"))
    assert again.scores == report.scores
    assert (out / "weights.npz").read_bytes() == (tmp_path / "again" / "weights.npz").read_bytes()


def test_train_and_evaluate_commands_end_to_end(run_cli, coded_jsonl: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    out = tmp_path / "m"
    done = run_cli("train", str(coded_jsonl), "--out", str(out), "--held-back", "0.2")
    assert done.returncode == 0, done.stderr
    assert "model written to" in done.stderr
    assert (out / "model.json").is_file()
    # A new text of a learned kind is coded by the new model, and says so.
    text = "Fighter jets bombed a market town near Sirte on Sunday, killing six people."
    got = run_cli("extract", "-", "--model-dir", str(out), input=text)
    assert got.returncode == 0, got.stderr
    event = json.loads(got.stdout)["events"][0]
    assert event["sub_event_type"] == "Air/drone strike"
    assert event["classified_by"].startswith("model:m ") or event["classified_by"].startswith(
        "rule:"
    )
    scored = run_cli("evaluate", str(coded_jsonl), "--model-dir", str(out), "--json")
    assert scored.returncode == 0, scored.stderr
    report = json.loads(scored.stdout)
    assert report["texts"] == 40
    assert report["sub_event_weighted_f1"] > 0.5
    assert set(report["confusion"]) >= {"Air/drone strike", "(no event)"}


def test_model_dir_from_elsewhere_is_refused_with_a_reason(run_cli, tmp_path: Path):  # type: ignore[no-untyped-def]
    stray = tmp_path / "stray"
    stray.mkdir()
    (stray / "model.json").write_text(json.dumps({"format": "something-else/3"}))
    (stray / "weights.npz").write_bytes(b"not numpy")
    with pytest.raises(ConfigError, match="model format 'something-else/3'"):
        load_model_dir(stray)
    got = run_cli("extract", "-", "--model-dir", str(stray), input="Gunmen killed two men.")
    assert got.returncode == 2
    assert "something-else/3" in got.stderr
    missing = run_cli("evaluate", str(tmp_path / "none.jsonl"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    bare = run_cli("train", "--out", str(tmp_path / "x"))
    assert bare.returncode == 2 and "at least one FILE" in bare.stderr
