"""The analyst's workbench from the command line (issue 14): ``eventwire edit`` and the
CLI around it, run for real (``python -m eventwire``) on stores filled by ``eventwire
ingest`` from the invented folder of ``workbench_data``.

One store is ingested per module; each test works on a copy of it, so that one test's
corrections never reach another.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from eventwire.store import open_store
from workbench_data import write_courier, write_folder

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The folder ingested by the real command once: its paths, the store and stderr."""
    base = tmp_path_factory.mktemp("workbench")
    folder = write_folder(base / "news")
    db = base / "w.db"
    proc = subprocess.run(
        [sys.executable, "-m", "eventwire", "ingest", str(folder), "--db", str(db),
         "--published", "2024-03-20", "--workers", "1"],
        capture_output=True, text=True, timeout=300, cwd=REPO,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return {"folder": folder, "db": db, "stderr": proc.stderr, "base": base}


@pytest.fixture
def db(ingested: dict[str, Any], tmp_path: Path) -> str:
    """A copy of the ingested store for one test to change."""
    copy = tmp_path / "copy.db"
    shutil.copy(ingested["db"], copy)
    return str(copy)


def _events(run_cli: Any, db: str, *args: str) -> list[dict[str, Any]]:
    proc = run_cli("events", "--db", db, "--json", "--limit", "0", *args)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def _one(run_cli: Any, db: str, **want: Any) -> dict[str, Any]:
    (ev,) = [e for e in _events(run_cli, db, "--status", "all")
             if all(e[k] == v for k, v in want.items())]  # fmt: skip
    return ev


def _dump(db: str) -> list[Any]:
    """Every row of the tables a correction writes, for "nothing changed"."""
    with sqlite3.connect(db) as conn:
        return [conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                for t in ("events", "event_versions", "corrections", "article_events")]  # fmt: skip


def test_editing_ingest_says_what_it_did_and_skips_what_is_not_news(ingested, run_cli) -> None:
    err = ingested["stderr"]
    assert "7 inputs: 4 stored, 0 updated, 0 unchanged, 3 skipped, 0 failed" in err
    # Files are read in name order: Kaduna, El Fasher, Baidoa (two events), Nairobi.
    assert ("events: 5 created (NGA1, SDN1, SOM1, SOM2, KEN1), 0 merged with new reports, "
            "0 updated by re-coding") in err  # fmt: skip
    proc = run_cli("errors", "--db", str(ingested["db"]))
    reasons = {line.split("\t")[1].rsplit("/", 1)[1]: line.split("\t")[2]
               for line in proc.stdout.splitlines()}  # fmt: skip
    assert reasons == {
        "README.md": "not an article: README",
        "fasher.json": "metadata of fasher.txt (a sidecar .json), read with it",
        "tolls.csv": "not an article: a data file (.csv)",
    }
    # Nothing from the README's "1000 killed" reached an event.
    assert max(e["fatalities"] for e in _events(run_cli, str(ingested["db"]))) == 23
    with open_store(str(ingested["db"])) as store:
        arts = {Path(r["source"]).name: r for r in store.db.query(
            "SELECT source, title, published, url FROM articles")}  # fmt: skip
    assert arts["herald-baidoa.txt"]["title"] == "Army base raided near Baidoa"
    assert arts["herald-baidoa.txt"]["published"] == "2024-03-13"  # its own dated line
    assert arts["2024-05-04-kaduna.txt"]["published"] == "2024-05-04"  # its file's name
    assert (arts["fasher.txt"]["published"], arts["fasher.txt"]["url"]) == (
        "2024-03-16", "https://darfur.example/fasher")  # its sidecar  # fmt: skip
    assert arts["nairobi.txt"]["published"] == "2024-03-20"  # --published: it has none
    assert arts["nairobi.txt"]["title"] is None  # its first line is a sentence


def test_editing_correction_survives_reingest_and_a_new_report(ingested, db, run_cli) -> None:
    raid = _one(run_cli, db, location="Baidoa", sub_event_type="Armed clash")
    rid = raid["event_id"]
    proc = run_cli("edit", rid.lower(), "--set", "fatalities=25", "--set", "assoc_actor_1=",
                   "--why", "the army's later statement", "--who", "amina", "--db", db)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"{rid} v2 active: corrected: fatalities 23 -> 25")
    # The same folder again: nothing to do, and the correction stays.
    again = run_cli("ingest", str(ingested["folder"]), "--db", db, "--workers", "1")
    assert "4 unchanged" in again.stderr and _one(run_cli, db, event_id=rid)["fatalities"] == 25
    # A second outlet's report joins the event; its early count (1) changes nothing.
    courier = write_courier(ingested["base"] / "later")
    new = run_cli("ingest", str(courier.parent), "--db", db, "--workers", "1")
    assert new.returncode == 0, new.stderr
    assert f"1 merged with new reports ({rid})" in new.stderr
    ev = _one(run_cli, db, event_id=rid)
    assert (ev["fatalities"], len(ev["sources"]), ev["corrected"]) == (
        25, 2, ["assoc_actor_1", "fatalities"])  # fmt: skip
    # A newer eventwire re-codes every article (here: by the rule cards alone, so that its
    # coding differs): the event keeps its id and its correction.
    from dataclasses import replace

    import eventwire

    report = eventwire.ingest([str(ingested["folder"]), str(courier.parent)], db=db,
                              version="99.0.0", workers=1,
                              options=replace(eventwire.Options(), use_model=False))  # fmt: skip
    assert report.updated == 5 and rid in report.recoded
    ev = _one(run_cli, db, event_id=rid)
    assert (ev["fatalities"], len(ev["sources"])) == (25, 2)
    why = run_cli("why", rid, "--db", db)
    assert "corrected: fatalities 23 -> 25" in why.stdout and "(amina, " in why.stdout
    assert "the army's later statement" in why.stdout


def test_editing_far_lower_toll_is_flagged_not_taken(ingested, db, run_cli) -> None:
    courier = write_courier(ingested["base"] / "flagged")
    assert run_cli("ingest", str(courier.parent), "--db", db, "--workers", "1").returncode == 0
    raid = _one(run_cli, db, location="Baidoa", sub_event_type="Armed clash")
    assert (raid["fatalities"], raid["fatalities_high"], len(raid["sources"])) == (23, None, 2)
    (flag,) = raid["flags"]
    assert " gives 1, far below the others (23)" in flag
    flagged = _events(run_cli, db, "--status", "flagged")
    assert [e["event_id"] for e in flagged] == [raid["event_id"]]
    table = run_cli("events", "--db", db, "--country", "som")
    assert "23 !" in table.stdout
    why = run_cli("why", raid["event_id"], "--db", db)
    assert "Armed clash (rule:" in why.stdout or "Armed clash (model:" in why.stdout
    assert why.stdout.count("killed") >= 2  # each source's own toll
    assert ", 1 killed" in why.stdout and ", 23 killed" in why.stdout


def test_editing_rejected_event_is_absent_from_every_export(db, run_cli, tmp_path) -> None:
    kaduna = _one(run_cli, db, location="Kaduna")
    kid = kaduna["event_id"]
    proc = run_cli("edit", kid, "--reject", "--why", "a drill reported as an attack", "--db", db)
    assert proc.returncode == 0 and f"{kid} v2 rejected: rejected" in proc.stdout
    assert kid not in {e["event_id"] for e in _events(run_cli, db)}
    assert kid in {e["event_id"] for e in _events(run_cli, db, "--status", "all")}
    assert [e["event_id"] for e in _events(run_cli, db, "--status", "rejected")] == [kid]
    for fmt in ("acled-csv", "csv", "geojson", "jsonl"):
        out = run_cli("export", "--db", db, "--format", fmt)
        assert out.returncode == 0, out.stderr
        assert kid not in out.stdout and "Kaduna" not in out.stdout, fmt
        assert "4 events exported" in out.stderr
    import pyarrow.parquet as pq

    path = tmp_path / "e.parquet"
    assert run_cli("export", "--db", db, "--format", "parquet", "-o", str(path)).returncode == 0
    assert kid not in pq.read_table(path).column("event_id_cnty").to_pylist()
    everything = run_cli("export", "--db", db, "--format", "jsonl", "--status", "all")
    assert kid in everything.stdout
    # The rejection teaches the classifier: the text holds no event.
    lines = run_cli("export", "--db", db, "--format", "training").stdout.splitlines()
    (line,) = [json.loads(x) for x in lines]
    assert (line["event_type"], line["sub_event_type"], line["event_id"]) == ("", "", kid)
    assert "Gunmen killed five villagers" in line["text"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--set", "colour=red"], "colour: not a field that can be corrected"),
        (["--set", "fatalities=ten"], "fatalities: must be a whole number"),
        (["--set", "fatalities"], "--set takes FIELD=VALUE"),
        (["--set", "latitude=north"], "latitude: must be a number from -90 to 90"),
        (["--set", "sub_event_type=Skirmish"], "not one of ACLED's 25 sub-event types"),
        (["--set", "fatalities=3"], "why: say why"),
        (["--reject", "--accept", "--why", "x"], "opposite things"),
        (["--reject", "--why", "again"], "already rejected"),
        ([], "nothing to correct"),
    ],
)  # fmt: skip
def test_editing_bad_input_exits_2_and_changes_nothing(db, run_cli, args, message) -> None:
    kid = _one(run_cli, db, location="Kaduna")["event_id"]
    assert run_cli("edit", kid, "--reject", "--why", "a drill", "--db", db).returncode == 0
    before = _dump(db)
    why = [] if "--why" in args or message == "why: say why" else ["--why", "because"]
    proc = run_cli("edit", kid, *args, *why, "--db", db)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("error: ") and message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert _dump(db) == before


def test_editing_unknown_event_and_missing_store(db, run_cli, tmp_path) -> None:
    before = _dump(db)
    proc = run_cli("edit", "SOM999", "--set", "fatalities=3", "--why", "x", "--db", db)
    assert proc.returncode == 2 and "no event 'SOM999'" in proc.stderr
    assert _dump(db) == before
    typo = tmp_path / "typo.db"
    for args in (["events"], ["export"], ["why", "SOM1"], ["errors"], ["claims"], ["quotes"],
                 ["relations"], ["edit", "SOM1", "--reject", "--why", "x"],
                 ["watch", "--status"]):  # fmt: skip
        proc = run_cli(*args, "--db", str(typo))
        assert proc.returncode == 2, (args, proc.stderr)
        assert proc.stderr == f"error: no store at {typo} (eventwire ingest ... --db {typo} " \
                              "makes one)\n", args  # fmt: skip
        assert not typo.exists(), args


def test_editing_merge_and_split_by_hand(db, run_cli) -> None:
    raid = _one(run_cli, db, location="Baidoa", sub_event_type="Armed clash")["event_id"]
    # The article's second event (the attackers' withdrawal): whatever the coder calls it.
    (second,) = [e for e in _events(run_cli, db, "--status", "all")
                 if e["location"] == "Baidoa" and e["event_id"] != raid]  # fmt: skip
    taken = second["event_id"]
    proc = run_cli("edit", "merge", raid, taken, "--why", "one raid told twice", "--db", db)
    assert proc.returncode == 0 and f"{taken} merged into {raid}" in proc.stderr
    assert taken not in {e["event_id"] for e in _events(run_cli, db, "--status", "all")}
    history = run_cli("why", taken, "--db", db).stdout
    assert f"deleted: merged by hand into {raid}" in history and "one raid told twice" in history
    # Both were coded from one article: split, the second of its events leaves again.
    split = run_cli("edit", "split", raid, "--why", "the raid and the capture differ", "--db", db)
    assert split.returncode == 0, split.stderr
    made = split.stderr.split(": ")[1].split(" made")[0]
    assert made == "SOM3"
    taken_again = _one(run_cli, db, event_id=made)
    assert taken_again["sub_event_type"] == second["sub_event_type"]
    assert _one(run_cli, db, event_id=raid)["sub_event_type"] == "Armed clash"
    again = run_cli("edit", "split", raid, "--why", "again", "--db", db)
    assert again.returncode == 2 and "has one source: nothing to split" in again.stderr


def test_editing_events_and_export_share_every_filter(db, run_cli) -> None:
    for args in (["--actor", "RSF"], ["--country", "sdn"], ["--country", "KE"],
                 ["--type", "Protests"], ["--text", "baidoa"], ["--since", "2024-03-14"],
                 ["--bbox", "40,-2,48,5"], ["--sub-type", "Armed clash"],
                 ["--status", "all"]):  # fmt: skip
        listed = [e["event_id"] for e in _events(run_cli, db, *args)]
        out = run_cli("export", "--db", db, "--format", "jsonl", *args)
        exported = [json.loads(line)["event_id"] for line in out.stdout.splitlines()]
        assert listed == exported and listed, args
    assert [e["location"] for e in _events(run_cli, db, "--actor", "RSF")] == ["El Fasher"]
    for args in (["--since", "2024-13-01"], ["--bbox", "1,2"], ["--type", "Battle"],
                 ["--status", "maybe"]):  # fmt: skip
        for command in ("events", "export"):
            proc = run_cli(command, "--db", db, *args)
            assert proc.returncode == 2 and proc.stderr.startswith(f"error: {args[0]}: "), args


def test_editing_acled_csv_is_one_name_everywhere(db, run_cli, english_article) -> None:
    new, old = (run_cli("export", "--db", db, "--format", f) for f in ("acled-csv", "csv"))
    assert new.returncode == old.returncode == 0 and new.stdout == old.stdout
    a, b = (run_cli("extract", "-", "--format", f, "--published", "2024-03-05",
                    input=english_article) for f in ("acled-csv", "csv"))  # fmt: skip
    assert a.returncode == 0 and a.stdout == b.stdout and a.stdout.startswith("event_id_cnty,")


def _on_a_terminal(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    """Run the command with its stderr on a pseudo-terminal and its stdout to a file; its
    exit status, what the terminal showed and what went to the file."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CI")}
    import tempfile

    out = tempfile.TemporaryFile()
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", *args], cwd=REPO, env=env,
                            stdin=subprocess.PIPE, stdout=out, stderr=slave)  # fmt: skip
    os.close(slave)
    proc.stdin.write((stdin or "").encode())  # type: ignore[union-attr]
    proc.stdin.close()  # type: ignore[union-attr]
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the command ended and closed its side
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    code = proc.wait(timeout=300)
    out.seek(0)
    return code, shown.decode("utf-8", "replace"), out.read().decode("utf-8")


def test_editing_progress_bars_when_writing_to_a_terminal(ingested, db, tmp_path) -> None:
    code, shown, _ = _on_a_terminal("ingest", str(ingested["folder"]), "--db",
                                    str(tmp_path / "t.db"), "--workers", "1")  # fmt: skip
    # rich's live display hides the cursor while it draws, then shows the bar.
    assert code == 0 and "\x1b[?25l" in shown and "inputs/s" in shown
    code, shown, out = _on_a_terminal("export", "--db", db, "--format", "jsonl")
    assert code == 0 and "\x1b[?25l" in shown and "5 events" in shown
    # The export itself went to standard output, whole, and none of it to the terminal.
    assert len(out.splitlines()) == 5 and '"event_id"' not in shown
    lines = "".join(json.dumps({"id": str(n), "text": t}) + "\n" for n, t in
                    enumerate(["Gunmen killed two men in Kano on 3 May 2024."] * 3))  # fmt: skip
    code, shown, out = _on_a_terminal("extract", "--jsonl", "-", stdin=lines)
    assert code == 0 and "\x1b[?25l" in shown and " articles" in shown
    assert len(out.splitlines()) == 3 and '"events"' not in shown
