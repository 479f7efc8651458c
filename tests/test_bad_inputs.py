"""Issue 15, the bad-input audit: each input that stopped a batch or went unaccounted,
written again for the project. Nothing stops a run, every input is a row (stored,
skipped or failed with the reason ``eventwire errors`` lists), the good inputs of the
same run are stored, and evidence spans index the text they say they index.

Every text here is invented for the project.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO
from eventwire import extract
from eventwire.articles import read_article
from eventwire.ingestion import ingest
from eventwire.pipeline import extract_articles
from eventwire.records import Article
from eventwire.store import open_store
from fuzzing import spans, warc_bytes

GOOD = (
    "Gunmen attacked a police checkpoint near Maiduguri on 3 May 2024, killing three "
    "officers, a police spokesman said."
)
GOOD2 = "Police arrested five protesters in Nairobi on 2 March 2024 after a march on parliament."
GOOD3 = "Rebels ambushed an army convoy near Goma on 5 May 2024, killing four soldiers."
CLAIM = (
    "The army said on 6 May 2024 that it had killed 9223372036854775808 militants in "
    "Borno over the past year."
)


def inexact(result: dict[str, Any], text: str) -> list[dict[str, Any]]:
    """The spans of ``result`` that are not ``text[start:end]``."""
    return [s for s in spans(result) if text[s["start"] : s["end"]] != s["text"]]


def rows(db: str) -> dict[str, dict[str, Any]]:
    """Every input of a store, by source: status, reason, stage, article id."""
    with open_store(db) as store:
        found = store.db.query("SELECT source, status, reason, stage, article_id FROM inputs")
    return {r["source"]: r for r in found}


# -- extract --jsonl: one line never stops the run ---------------------------------------


def test_bad_inputs_jsonl_surrogate_or_huge_number_line_stops_nothing(
    run_cli: Any, tmp_path: Path
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": GOOD}) + "\n"
        # A lone surrogate, as JSON can write one: no UTF-8 text can hold it.
        + '{"id": "surrogate", "text": "\\udc80 killed, and ' + GOOD2 + '"}\n'
        + '{"id": "digits", "text": "' + GOOD3 + '", "n": ' + "9" * 5000 + "}\n"
        + '{"id": ' + "7" * 5000 + ', "text": "' + GOOD2 + '"}\n'
        + json.dumps({"id": "z", "text": GOOD2}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    proc = run_cli("extract", "--jsonl", str(path))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "surrogate", "digits", "4", "z"]
    assert all(o["error"] is None and o["events"] for o in out), out
    sur = out[1]
    assert sur["warnings"] == [
        "text: 1 lone surrogate (not a Unicode character) replaced by U+FFFD"
    ]
    # The spans index the text given back, where the surrogate is U+FFFD.
    assert sur["text"].startswith("\ufffd killed") and not inexact(sur, sur["text"])
    assert out[0]["text"] is None and not inexact(out[0], GOOD)
    assert "5 lines: 5 with events, 0 without, 0 errors" in proc.stderr


def test_bad_inputs_batch_whose_parse_raises_fails_one_article() -> None:
    # An Article made by hand skips read_article's cleaning: spaCy itself raises on the
    # surrogate. The batch is parsed again one by one; only that article fails.
    arts = [Article(text=t, id=str(n), published="2024-05-06")
            for n, t in enumerate([GOOD, "\udc80 killed", GOOD2])]  # fmt: skip
    first, bad, last = extract_articles(arts)
    assert first.error is None and first.events and last.error is None and last.events
    assert bad.error is not None and bad.error.startswith("parse: UnicodeEncodeError")


# -- numbers and dates: refused one by one, never the article -----------------------------


@pytest.mark.parametrize(
    ("text", "published", "refused"),
    [
        ("9" * 400, None, "999999999999... (400 characters)"),
        (f"Officials said 2\u2076\u2074 people were counted. {GOOD}", None, None),
        (f"Gunmen killed {'7' * 5000} soldiers near Kano. {GOOD}", None, "(5000 characters)"),
        (CLAIM + " " + GOOD, None, "9223372036854775808"),
        ("Gunmen killed two soldiers near Zaria on 2 January. " + GOOD2, "9999-12-31", None),
        ("Gunmen killed two soldiers near Zaria on Friday. " + GOOD2, "0001-01-01", None),
    ],
)
def test_bad_inputs_odd_numbers_and_edge_dates_keep_the_article(
    text: str, published: str | None, refused: str | None
) -> None:
    result = extract(text, published=published)
    assert result.error is None
    if len(text) > 400:
        assert result.events  # the rest of the article is coded as usual
    note = [w for w in result.warnings if w.startswith("numbers too large to be counts")]
    assert (refused is None and not note) or (note and refused in note[0])
    for ev in result.events:
        assert ev.fatalities < 10**13 and (ev.event_date is None or "0002" < ev.event_date)
    assert not inexact(result.as_dict(), text)


# -- evidence spans index the text the caller gave -----------------------------------------


def test_bad_inputs_byte_order_mark_keeps_spans_on_the_callers_text(
    run_cli: Any, tmp_path: Path
) -> None:
    text = "\ufeff" + GOOD
    result = extract(text)
    assert result.events and spans(result.as_dict())
    assert result.text is None and not inexact(result.as_dict(), text)
    # The same from a file with a UTF-8 byte-order mark: the spans index it as UTF-8.
    path = tmp_path / "bom.txt"
    path.write_bytes(text.encode("utf-8"))
    proc = run_cli("extract", str(path))
    assert proc.returncode == 0, proc.stderr
    assert not inexact(json.loads(proc.stdout), path.read_text(encoding="utf-8"))


def test_bad_inputs_html_output_carries_the_text_its_spans_index(
    run_cli: Any, tmp_path: Path
) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Checkpoint attack</title></head><body>"
        f"<nav>Home | World</nav><article><p>{GOOD}</p><p>{GOOD3}</p></article></body></html>"
    )
    result = extract(page).as_dict()
    assert result["text"] and GOOD in result["text"] and "<p>" not in result["text"]
    assert spans(result) and not inexact(result, result["text"])
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "page", "text": page}) + "\n", encoding="utf-8")
    proc = run_cli("extract", "--jsonl", str(path))
    line = json.loads(proc.stdout)
    assert line["text"] == result["text"] and not inexact(line, line["text"])


# -- ingest: five poison inputs, each a row, the good ones stored --------------------------


def _poison(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "claim.txt").write_text(CLAIM, encoding="utf-8")
    # A file name in Latin-1, not UTF-8: Python holds it with a lone surrogate.
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(GOOD2, encoding="utf-8")
    (folder / "title.jsonl").write_text(
        '{"text": "' + GOOD3 + '", "title": "\\udc80 Convoy ambushed"}\n', encoding="utf-8"
    )
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (folder / "digits.json").write_text(
        '{"text": "Troops shelled Kalvora on 4 May 2024, killing three people.", "n": '
        + "9" * 5000 + "}",
        encoding="utf-8",
    )  # fmt: skip


def test_bad_inputs_poison_inputs_are_rows_and_stop_nothing(run_cli: Any, tmp_path: Path) -> None:
    _poison(tmp_path / "in")
    db = str(tmp_path / "e.db")
    proc = run_cli("ingest", str(tmp_path / "in"), "--db", db, "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "6 inputs: 5 stored, 0 updated, 0 unchanged, 0 skipped, 1 failed" in proc.stderr
    found = {source.rsplit("/", 1)[1]: r for source, r in rows(db).items()}
    assert set(found) == {"good.txt", "claim.txt", "caf\\xe9.txt", "title.jsonl#L1",
                          "deep.json", "digits.json"}  # fmt: skip
    assert found["deep.json"]["status"] == "failed"
    assert found["deep.json"]["reason"] == "not JSON: nested too deeply"
    assert "numbers too large to be counts were left out" in found["claim.txt"]["reason"]
    assert "title: 1 lone surrogate" in found["title.jsonl#L1"]["reason"]
    with open_store(db) as store:
        titles = store.db.query("SELECT title FROM articles WHERE title IS NOT NULL")
        assert titles == [{"title": "\ufffd Convoy ambushed"}]
        assert store.counts()["articles"] == 5
    # They stop nothing the next time either: all unchanged, the failure failed again.
    again = run_cli("ingest", str(tmp_path / "in"), "--db", db, "--workers", "1")
    assert again.returncode == 0, again.stderr
    assert "6 inputs: 0 stored, 0 updated, 5 unchanged, 0 skipped, 1 failed" in again.stderr


def test_bad_inputs_value_the_store_refuses_fails_that_input_only(tmp_path: Path) -> None:
    # An extractor (any, as ``ingest(extractor=...)`` allows) returns a claim whose value
    # no 64-bit column holds: that input fails at stage store, the next is stored.
    from eventwire.readers import read_object

    def extractor(batches: Any) -> Any:
        for batch in batches:
            results = [extract_articles([a])[0] for a in batch]
            for r in results:
                if r.claims:
                    r.claims[0].value = 2**64
            yield results

    items = [read_object({"text": t}, f"api:{n}") for n, t in enumerate([CLAIM.replace(
        "9223372036854775808", "310"), GOOD])]  # fmt: skip
    db = str(tmp_path / "e.db")
    report = ingest(db=db, items=items, extractor=extractor)
    assert (report.stored, report.failed) == (1, 1)
    found = rows(db)
    assert found["api:0"]["status"] == "failed" and found["api:0"]["stage"] == "store"
    assert found["api:0"]["reason"].startswith("cannot be stored: SQLite: ")
    assert found["api:1"]["status"] == "stored"


def test_bad_inputs_claim_past_64_bits_is_stored_not_a_500(
    start_server: Any, tmp_path: Path
) -> None:
    token = "issue-15-token-0123456789"
    db = str(tmp_path / "posted.db")
    server = start_server(db, token)
    status, _, body = server.request(
        "POST", "/api/articles", body=json.dumps({"text": CLAIM + " " + GOOD}).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )  # fmt: skip
    assert status == 201, body
    answer = json.loads(body)
    assert answer["ok"] and answer["status"] == "stored" and answer["events"]


# -- every input is a row ------------------------------------------------------------------


def _unprivileged() -> list[str]:
    """A command prefix under which permission bits hold: as root they do not (root
    reads a folder of mode 000), so root runs the command without the capabilities
    that override them (CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH), as its own user."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv (util-linux): cannot make a folder "
                    "unreadable")  # fmt: skip
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def _run_as(prefix: list[str], *args: str, env: dict[str, str] | None = None) -> Any:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run([*prefix, sys.executable, "-m", "eventwire", *args], cwd=REPO,
                          capture_output=True, text=True, encoding="utf-8", timeout=600,
                          env=env)  # fmt: skip


def test_bad_inputs_unreadable_folder_is_a_row(tmp_path: Path) -> None:
    prefix = _unprivileged()
    top = tmp_path / "in"
    (top / "locked").mkdir(parents=True)
    (top / "good.txt").write_text(GOOD, encoding="utf-8")
    (top / "locked" / "hidden.txt").write_text(GOOD2, encoding="utf-8")
    (top / "locked").chmod(0o000)
    db = str(tmp_path / "e.db")
    hidden = str(top / "locked" / "hidden.txt")
    try:  # the folder, and a file in it named on its own
        proc = _run_as(prefix, "ingest", str(top), hidden, "--db", db, "--workers", "1")
    finally:
        (top / "locked").chmod(0o755)
    assert proc.returncode == 0, proc.stderr
    found = rows(db)
    locked = found[str(top / "locked")]
    assert locked["status"] == "failed" and "cannot read folder" in locked["reason"]
    assert "Permission denied" in locked["reason"]
    assert found[hidden] == {**found[hidden], "status": "failed",
                             "reason": f"cannot read {hidden}: Permission denied"}  # fmt: skip
    assert found[str(top / "good.txt")]["status"] == "stored" and len(found) == 3


def test_bad_inputs_links_fifos_and_loops_are_rows(tmp_path: Path) -> None:
    top = tmp_path / "in"
    (top / "sub").mkdir(parents=True)
    (top / "good.txt").write_text(GOOD, encoding="utf-8")
    (top / "sub" / "other.txt").write_text(GOOD2, encoding="utf-8")
    (top / "link-to-good.txt").symlink_to(top / "good.txt")
    (top / "linked-folder").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "third.txt").write_text(GOOD3, encoding="utf-8")
    (top / "sub" / "loop").symlink_to(top)
    (top / "broken.txt").symlink_to(tmp_path / "nothing-here.txt")
    os.mkfifo(top / "pipe")
    db = str(tmp_path / "e.db")
    report = ingest([str(top)], db=db)  # a FIFO in a folder is never opened: no hang
    found = {s.removeprefix(str(top) + "/"): r for s, r in rows(db).items()}
    assert found["broken.txt"]["status"] == "failed"
    assert found["broken.txt"]["reason"].startswith("broken link (to ")
    assert found["pipe"] == {**found["pipe"], "status": "skipped",
                             "reason": "not a regular file (a FIFO): not read"}  # fmt: skip
    loop = found["sub/loop"]
    assert loop["status"] == "skipped" and "link to a folder already read" in loop["reason"]
    assert found["linked-folder/third.txt"]["status"] == "stored"
    assert found["sub/other.txt"]["status"] == "stored"
    # good.txt is read (first, in name order); the link to it is a row saying so.
    link = found["link-to-good.txt"]
    assert found["good.txt"]["status"] == "stored" and link["status"] == "skipped"
    assert link["reason"] == f"same file as {top / 'good.txt'}: read once, under that name"
    assert report.inputs == len(found) == 7


RSS_ITEM = """<item><title>{title}</title><link>{link}</link>{guid}
<description>{text}</description><pubDate>Mon, 06 May 2024 08:00:00 GMT</pubDate></item>"""


def test_bad_inputs_feed_items_sharing_a_link_are_each_a_row(tmp_path: Path) -> None:
    texts = [GOOD, GOOD2, GOOD3, CLAIM, GOOD.replace("three", "five"),
             GOOD2.replace("five", "nine"), GOOD3.replace("four", "six")]  # fmt: skip
    live = "https://wire.example/live"
    items = [RSS_ITEM.format(title=f"Update {n}", link=live, guid="", text=t)
             for n, t in enumerate(texts[:4])]  # fmt: skip
    items += [RSS_ITEM.format(title=f"Story {n}", link="https://wire.example/front",
                              guid=f"<guid>story-{n}</guid>", text=t)
              for n, t in enumerate(texts[4:])]  # fmt: skip
    items.append(items[0])  # the very same entry twice
    feed = tmp_path / "wire.rss"
    feed.write_text("<rss><channel><title>Wire</title>" + "".join(items) + "</channel></rss>",
                    encoding="utf-8")  # fmt: skip
    db = str(tmp_path / "e.db")
    report = ingest([str(feed)], db=db)
    found = rows(db)
    assert report.inputs == len(found) == 8 and report.stored == 7
    dup = [r for r in found.values() if r["status"] == "skipped"]
    assert len(dup) == 1 and dup[0]["source"].endswith("#copy2")
    first = dup[0]["reason"].split("first read from ")[1].rstrip(")")
    assert first != dup[0]["source"] and found[first]["status"] == "stored"
    assert len({r["article_id"] for r in found.values()}) == 7


def test_bad_inputs_damaged_warcs_keep_what_can_be_read(run_cli: Any, tmp_path: Path) -> None:
    top = tmp_path / "in"
    top.mkdir()
    data = warc_bytes(9, gz=False)
    at = data.index(b"Content-Length: ")
    end = data.index(b"\r\n", at)
    (top / "corrupt.warc").write_bytes(data[:at] + b"Content-Length: 4x1" + data[end:])
    (top / "empty.warc").write_bytes(b"")
    (top / "cut.warc").write_bytes(warc_bytes(2, gz=False)[:-40])  # the second record's payload cut
    # A file name with a line break and a tab: errors still prints one line per input.
    (top / "two\nlines\t.warc").write_bytes(b"garbage\x00\x1b[31m\r\nWARC/0.1\r\n\r\n")
    db = str(tmp_path / "e.db")
    report = ingest([str(top)], db=db)
    found = {s.removeprefix(str(top) + "/"): r for s, r in rows(db).items()}
    corrupt = {s: r for s, r in found.items() if s.startswith("corrupt.warc#")}
    assert len(corrupt) == 9 and [r["status"] for r in corrupt.values()].count("stored") == 8
    assert corrupt["corrupt.warc#offset=0"]["status"] == "failed"
    assert "Content-Length" in corrupt["corrupt.warc#offset=0"]["reason"]
    assert found["empty.warc"]["status"] == "skipped" and "an empty file" in found[
        "empty.warc"]["reason"]  # fmt: skip
    cut = [r for s, r in found.items() if s.startswith("cut.warc#")]
    assert [r["status"] for r in cut] == ["stored", "stored"]
    assert "WARC record cut short" in cut[1]["reason"]
    assert report.inputs == len(found) == 9 + 1 + 2 + 1
    listed = run_cli("errors", "--db", db, "--warnings")
    lines = listed.stdout.splitlines()
    # Every input is listed (each failed, skipped, or stored with a warning: "HTML: main
    # text extracted"), each on one line of three fields.
    assert len(lines) == report.inputs
    assert all(len(line.split("\t")) == 3 for line in lines), lines
    assert any("two\\nlines\\t.warc" in line for line in lines)


def test_bad_inputs_endless_file_is_refused_within_the_limit(run_cli: Any) -> None:
    proc = run_cli("extract", "/dev/zero", timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1] == (
        "error: input is over 80 MB, over the limit of 20 MB"
    )
    watched = run_cli("watch", "/dev/zero", "--once", timeout=120)
    assert watched.returncode == 2
    assert "the feeds file /dev/zero is over 10 MB" in watched.stderr
    from eventwire.api import read_token
    from eventwire.errors import ConfigError

    with pytest.raises(ConfigError, match="not printable"):
        read_token("/dev/zero")


# -- the data folder, the Host header --------------------------------------------------------


def test_bad_inputs_unreadable_data_folder_is_said_and_loaded_once(tmp_path: Path) -> None:
    prefix = _unprivileged()
    data = tmp_path / "data"
    (data / "geonames").mkdir(parents=True)
    lines = tmp_path / "in.jsonl"
    lines.write_text("".join(json.dumps({"text": t}) + "\n" for t in (GOOD, GOOD2, GOOD3)),
                     encoding="utf-8")  # fmt: skip
    data.chmod(0o000)
    try:
        proc = _run_as(prefix, "extract", "--jsonl", str(lines), env={"EVENTWIRE_DATA": str(data)})
    finally:
        data.chmod(0o755)
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    said = f"cannot read the gazetteer's data folder {data / 'geonames'} (Permission denied)"
    assert all(o["error"] is None and o["events"] for o in out)
    assert all(any(w.startswith(said) for w in o["warnings"]) for o in out)
    # Loaded once for the run (logged once), not once per article.
    assert proc.stderr.count(said) == 1, proc.stderr


def test_bad_inputs_damaged_imported_country_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.gazetteer import Gazetteer

    (tmp_path / "geonames").mkdir()
    (tmp_path / "geonames" / "NG.pickle").write_bytes(b"not a pickle at all")
    monkeypatch.setenv("EVENTWIRE_DATA", str(tmp_path))
    Gazetteer.reset()
    try:
        result = extract(GOOD)
    finally:
        monkeypatch.undo()
        Gazetteer.reset()
    assert result.error is None and result.events
    assert any("NG.pickle cannot be read (UnpicklingError)" in w for w in result.warnings)


def test_bad_inputs_server_answers_only_to_its_own_host_names(
    web_server: Any, web_store: str, start_server: Any
) -> None:
    port = web_server.url.rsplit(":", 1)[1]
    for host, expected in ((f"localhost:{port}", 200), (f"127.0.0.1:{port}", 200),
                           ("rebound.example", 400), (f"rebound.example:{port}", 400)):  # fmt: skip
        status, headers, body = web_server.request("GET", "/api/meta", headers={"Host": host})
        assert status == expected, (host, body)
        # Refused or not, every answer carries the security headers.
        assert "default-src 'self'" in headers["content-security-policy"]
        if expected == 400:
            answer = json.loads(body)
            assert answer["ok"] is False and "rebound.example" in answer["error"]
    allowing = start_server(web_store, None, "--allowed-host", "events.example")
    status, _, _ = allowing.request("GET", "/api/meta", headers={"Host": "events.example"})
    assert status == 200


def test_bad_inputs_read_article_raises_only_input_errors() -> None:
    from eventwire.errors import InputError

    for bad in (b"\x00" * 50, "", 12, None):
        with pytest.raises(InputError):
            read_article(bad)  # type: ignore[arg-type]
