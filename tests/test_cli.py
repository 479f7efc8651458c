"""The ``eventwire`` command, run for real in a subprocess (see ``run_cli`` in conftest)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from eventwire.records import ACLED_COLUMNS


def _one_error_line(stderr: str, expected: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error: ") and expected in lines[0], stderr
    assert "Traceback" not in stderr


def test_cli_missing_file_exits_2_with_one_line(run_cli, tmp_path: Path) -> None:
    proc = run_cli("extract", str(tmp_path / "nope.txt"))
    assert proc.returncode == 2
    assert proc.stdout == ""
    _one_error_line(proc.stderr, "no such file")


def test_cli_binary_file_exits_2_with_one_line(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00" * 10)
    proc = run_cli("extract", str(path))
    assert proc.returncode == 2
    _one_error_line(proc.stderr, "binary input, not text")


def test_cli_empty_stdin_exits_2(run_cli) -> None:
    proc = run_cli("extract", "-", input="  \n")
    assert proc.returncode == 2
    _one_error_line(proc.stderr, "empty input")


def test_cli_bad_published_date_is_a_clear_error(run_cli, tmp_path: Path, english_article) -> None:
    path = tmp_path / "a.txt"
    path.write_text(english_article, encoding="utf-8")
    proc = run_cli("extract", str(path), "--published", "2026-13-40")
    assert proc.returncode == 2
    _one_error_line(proc.stderr, "published must be YYYY-MM-DD, got '2026-13-40'")


def test_cli_jsonl_refuses_single_article_options(run_cli, tmp_path: Path) -> None:
    proc = run_cli("extract", "--jsonl", str(tmp_path / "x.jsonl"), "--published", "2026-02-14")
    assert proc.returncode == 2
    _one_error_line(proc.stderr, "--published and --title are for one article")


def test_cli_version(run_cli) -> None:
    proc = run_cli("version")
    assert proc.returncode == 0
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*|0\+unknown", proc.stdout.strip())


def test_cli_extract_json_from_stdin(run_cli, english_article) -> None:
    proc = run_cli("extract", "-", "--published", "2026-02-17", input=english_article)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert {"id", "events", "claims", "quotes", "relations"} <= set(result)
    assert result["error"] is None


def test_cli_csv_header_is_acled_columns(run_cli, tmp_path: Path, english_article) -> None:
    path = tmp_path / "a.txt"
    path.write_text(english_article, encoding="utf-8")
    proc = run_cli("extract", str(path), "--published", "2026-02-17", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.reader(io.StringIO(proc.stdout)))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert all(len(row) == len(ACLED_COLUMNS) for row in rows)


def test_cli_jsonl_keeps_ids_and_order_and_reports_bad_lines(
    run_cli, tmp_path: Path, english_article
) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "first", "text": english_article, "published": "2026-02-17"}),
        json.dumps({"id": "second", "text": "The weather was mild and the market was busy."}),
        '{"id": "broken", "text": "unterminated',
        json.dumps({"id": "no-text", "title": "Only a title"}),
        "",
        json.dumps({"id": "bad-date", "text": english_article, "published": "17/02/2026"}),
        json.dumps({"text": "A line without an id. Troops entered the town."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run_cli("extract", "--jsonl", str(path))
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in out] == ["first", "second", "broken", "no-text", "bad-date", "7"]
    errors = {r["id"]: r["error"] for r in out}
    assert errors["first"] is None and errors["second"] is None and errors["7"] is None
    assert errors["broken"].startswith("not JSON")
    assert errors["no-text"] == 'no "text" field'
    assert "published must be YYYY-MM-DD" in errors["bad-date"]
    for r in out:
        assert {"id", "events", "claims", "quotes", "relations"} <= set(r)
    # One compact line per result, a summary on stderr, and no progress bar in a pipe.
    assert len(proc.stdout.splitlines()) == 6
    summary = proc.stderr.strip().splitlines()[-1]
    m = re.fullmatch(r"6 lines: (\d+) with events, (\d+) without, 3 errors", summary)
    assert m and int(m[1]) + int(m[2]) == 3, proc.stderr
    assert "\x1b[" not in proc.stderr


def test_cli_python_dash_m_eventwire_cli(tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "extract", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 2
    _one_error_line(proc.stderr, "no such file")


def test_cli_country_hint_on_extract_and_jsonl_lines(run_cli, tmp_path: Path) -> None:
    text = "On 3 May 2021, suspected JNIM militants attacked the market in Tiambelgou."
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": text}) + "\n"
                    + json.dumps({"id": "b", "text": text, "country": "BF"}) + "\n",
                    encoding="utf-8")  # fmt: skip
    proc = run_cli("extract", "--jsonl", str(path))
    assert proc.returncode == 0, proc.stderr
    out = {r["id"]: r for r in map(json.loads, proc.stdout.splitlines())}
    assert out["a"]["events"][0]["country"] is None  # no clue, no guess
    assert out["b"]["events"][0]["country"] == "Burkina Faso"
    proc = run_cli("extract", "-", "--country", "Burkinabe", input=text)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["events"][0]["country"] == "Burkina Faso"
    proc = run_cli("extract", "-", "--country", "Atlantis", input=text)
    assert proc.returncode == 2
    _one_error_line(proc.stderr, "unknown country: 'Atlantis'")


def test_cli_country_hint_from_the_environment(run_cli, tmp_path: Path, monkeypatch) -> None:
    """EVENTWIRE_COUNTRY stands for --country (a session's sources all from one country);
    a JSONL line's own country still wins, and the option given wins over the variable."""
    text = "On 3 May 2021, suspected JNIM militants attacked the market in Tiambelgou."
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": text}) + "\n"
                    + json.dumps({"id": "b", "text": text, "country": "Mali"}) + "\n",
                    encoding="utf-8")  # fmt: skip
    monkeypatch.setenv("EVENTWIRE_COUNTRY", "Burkina Faso")
    proc = run_cli("extract", "--jsonl", str(path))
    assert proc.returncode == 0, proc.stderr
    out = {r["id"]: r["events"][0]["country"] for r in map(json.loads, proc.stdout.splitlines())}
    assert out == {"a": "Burkina Faso", "b": "Mali"}
    proc = run_cli("extract", "-", "--country", "Niger", input=text)
    assert json.loads(proc.stdout)["events"][0]["country"] == "Niger"
    monkeypatch.setenv("EVENTWIRE_COUNTRY", "Atlantis")
    proc = run_cli("extract", "-", input=text)
    assert proc.returncode == 2
    _one_error_line(proc.stderr, "unknown country: 'Atlantis'")
