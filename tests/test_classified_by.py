"""Every event says what decided its sub-event type (``classified_by``), in the JSON and
JSONL output, in the store, and in ``eventwire why``. Texts invented for the project,
except the shared example report, which is read and never copied.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire import extract, ingest, open_store
from eventwire.coding.classification import CARDS

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "000_07e8f31817e7cca1.txt"
CARD_NAMES = {c.name for c in CARDS}
REPORT = (
    "Gunmen killed three villagers in Zamfara, Nigeria, on 6 May 2024, police said. "
    "The attackers fled on motorcycles."
)


def _card(classified_by: str | None) -> str:
    """The card named in ``classified_by``: "rule:weapon", or after the classifier's
    verdict, "model:default 0.91 rule:weapon"."""
    assert classified_by is not None, classified_by
    rule = [part for part in classified_by.split(" ") if part.startswith("rule:")]
    assert rule, classified_by
    return rule[0].removeprefix("rule:")


@pytest.mark.skipif(not EXAMPLE.exists(), reason="the shared example report is not here")
def test_classified_by_example_report_strike_names_its_card() -> None:
    events = extract(EXAMPLE.read_text(encoding="utf-8")).events
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert _card(strike.classified_by) == "weapon"
    assert all(_card(e.classified_by) in CARD_NAMES for e in events)


def test_classified_by_in_json_and_jsonl_output(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "report.txt"
    article.write_text(REPORT, encoding="utf-8")
    one = run_cli("extract", str(article))
    assert one.returncode == 0, one.stderr
    assert [_card(e["classified_by"]) for e in json.loads(one.stdout)["events"]] == ["attack"]
    lines = tmp_path / "reports.jsonl"
    lines.write_text(json.dumps({"id": "a1", "text": REPORT}) + "\n", encoding="utf-8")
    many = run_cli("extract", "--jsonl", str(lines))
    assert many.returncode == 0, many.stderr
    (row,) = [json.loads(line) for line in many.stdout.splitlines()]
    assert [_card(e["classified_by"]) for e in row["events"]] == ["attack"]


def test_classified_by_in_the_store_and_why(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "report.txt"
    article.write_text(REPORT, encoding="utf-8")
    db = str(tmp_path / "events.db")
    ingest([str(article)], db=db)
    with open_store(db) as store:
        rows = store.db.query("SELECT id, classified_by FROM events")
        assert [_card(r["classified_by"]) for r in rows] == ["attack"]
        (event,), _ = store.query_events()
        assert _card(event.classified_by) == "attack"
    why = run_cli("why", rows[0]["id"], "--db", db)
    assert why.returncode == 0, why.stderr
    assert "decided by " in why.stdout and "rule:attack" in why.stdout


def test_classified_by_migration_fills_a_store_made_before_it(tmp_path: Path) -> None:
    """A store from before migration 4 gains the column, filled from each event's data."""
    db = str(tmp_path / "old.db")
    article = tmp_path / "report.txt"
    article.write_text(REPORT, encoding="utf-8")
    ingest([str(article)], db=db)
    with open_store(db) as store:  # undo migration 4, as an older eventwire left it
        with store.db.transaction():
            store.db.execute("ALTER TABLE events DROP COLUMN classified_by")
            store.db.execute("DELETE FROM schema_migrations WHERE version = 4")
    with open_store(db) as store:
        assert store.schema_version() == 4
        rows = store.db.query("SELECT classified_by FROM events")
        assert [_card(r["classified_by"]) for r in rows] == ["attack"]
