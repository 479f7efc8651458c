"""Two writers creating one new SQLite store at once (issue 15): both succeed, the schema
is applied once, and two ingests into a new file leave what one ingest leaves.

Real processes on a real SQLite file; the texts are invented for the project.
"""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import REPO
from eventwire.store import open_store
from eventwire.store.schema import MIGRATIONS
from test_store import _snapshot

TEXTS = (
    "Gunmen attacked a police checkpoint near Maiduguri on 3 May 2024, killing three officers.",
    "Police arrested five protesters in Nairobi on 2 March 2024 after a march on parliament.",
    "Rebels ambushed an army convoy near Goma on 5 May 2024, killing four soldiers.",
    "Troops shelled the village of Kalvora on 4 May 2024, killing three people.",
)


def _open(path: str, start: Any, answers: Any) -> None:
    start.wait()  # both processes open the new file at the same moment
    try:
        with open_store(path) as store:
            answers.put(("ok", store.schema_version()))
    except Exception as exc:  # noqa: BLE001 - the answer the test checks
        answers.put((type(exc).__name__, str(exc)))


def test_store_two_processes_create_one_sqlite_store_at_once(tmp_path: Path) -> None:
    # Before issue 15, about one trial in six failed: "database is locked" while the
    # other process switched the new file to WAL.
    ctx = multiprocessing.get_context("fork")
    for trial in range(20):
        path = str(tmp_path / f"new{trial}.db")
        start, answers = ctx.Barrier(2), ctx.Queue()
        procs = [ctx.Process(target=_open, args=(path, start, answers)) for _ in range(2)]
        for p in procs:
            p.start()
        got = [answers.get(timeout=60) for _ in procs]
        for p in procs:
            p.join(timeout=60)
        assert got == [("ok", MIGRATIONS[-1].version)] * 2, (trial, got)
        with open_store(path) as store:
            applied = store.db.query("SELECT version FROM schema_migrations ORDER BY version")
            mode = store.db.query("PRAGMA journal_mode")[0]["journal_mode"]
        assert [r["version"] for r in applied] == [m.version for m in MIGRATIONS]
        assert mode == "wal"


def _ingest(folder: Path, db: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "eventwire", "ingest", str(folder), "--db", db, "--workers", "1"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_store_two_ingests_into_a_new_file_store_what_one_does(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n, text in enumerate(TEXTS):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    alone = str(tmp_path / "alone.db")
    proc = _ingest(folder, alone)
    assert proc.wait(timeout=600) == 0, proc.communicate()[1]
    together = str(tmp_path / "together.db")
    procs = [_ingest(folder, together), _ingest(folder, together)]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0 and "Traceback" not in err, err
    with open_store(alone) as a, open_store(together) as b:
        assert a.counts()["articles"] == len(TEXTS)
        assert _snapshot(b) == _snapshot(a)
