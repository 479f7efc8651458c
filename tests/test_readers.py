"""Readers: every kind of input becomes an article or a reason, and nothing stops the run.

All texts are invented for the project.
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from eventwire.readers import expand_paths, read_feed, read_sources

REPORT = (
    "Gunmen attacked a police post on the edge of Kano on Monday and killed three officers, "
    "a police spokesman said. The attackers fled on motorcycles before the army arrived."
)
PAGE = f"""<!DOCTYPE html><html><head><title>Kano attack | The Invented Herald</title>
<meta property="article:published_time" content="2024-05-07T08:00:00Z">
<link rel="canonical" href="https://herald.example/kano-attack"></head>
<body><nav>Home | World</nav><article><h1>Police post attacked in Kano</h1>
<p>{REPORT}</p><p>Residents said the town was calm by the evening and that shops had
opened again, while officials promised to reinforce the posts around the city.</p>
</article><footer>Copyright</footer></body></html>"""
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Invented Wire</title>
<item><title>Clash near Baidoa</title><link>https://wire.example/1</link>
<pubDate>Tue, 12 Mar 2024 10:00:00 GMT</pubDate>
<description>Government troops clashed with Al Shabaab fighters near Baidoa on Tuesday,
leaving four soldiers dead, officials said.</description></item>
<item><title>Empty item</title><link>https://wire.example/2</link>
<description> </description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Invented Atom</title><entry><title>Protest in Lahore</title>
<link href="https://atom.example/a"/><updated>2024-04-12T09:00:00Z</updated>
<content type="html">&lt;p&gt;Thousands of people marched peacefully in Lahore on Friday to
demand higher wages, the organisers said.&lt;/p&gt;</content></entry></feed>"""


def _by_source(items):  # type: ignore[no-untyped-def]
    return {Path(i.source).name if "#" not in i.source else i.source.rsplit("/", 1)[1]: i
            for i in items}  # fmt: skip


def test_readers_text_and_html_take_title_date_and_url(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    items = _by_source(read_sources([str(tmp_path)], published="2024-05-08"))
    txt, html = items["a.txt"].article, items["page.html"].article
    assert txt.text == REPORT and txt.published == "2024-05-08" and txt.title is None
    assert "killed three officers" in html.text and "Copyright" not in html.text
    # The page's own date and title win over the default; the URL is its canonical link.
    assert html.published == "2024-05-07"
    assert html.title == "Police post attacked in Kano"
    assert html.url == "https://herald.example/kano-attack"
    assert len(txt.id) == 32 and txt.id != html.id


def test_readers_folders_globs_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    for name in ("sub/b.txt", "sub/deeper/c.txt", "a.txt"):
        (tmp_path / name).write_text(REPORT + name, encoding="utf-8")
    files, missing = expand_paths([str(tmp_path), str(tmp_path / "*.txt"), "/no/such/*.txt"])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "a.txt",
        "sub/b.txt",
        "sub/deeper/c.txt",
    ]  # fmt: skip  (the glob's a.txt was already listed: read once)
    (bad,) = missing
    assert bad.status == "failed" and bad.reason == "no such file: /no/such/*.txt"


def test_readers_json_and_jsonl_with_bad_lines(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"text": REPORT, "title": "T"}), "utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"text": REPORT + " Two."}, 5]), "utf-8")
    lines = [
        json.dumps({"text": REPORT + " Three.", "published": "2024-05-06"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": REPORT, "published": "May"}),
    ]
    (tmp_path / "d.jsonl").write_text("\n".join(lines) + "\n", "utf-8")  # fmt: skip
    items = {i.source.rsplit("/", 1)[1]: i for i in read_sources([str(tmp_path)])}
    assert items["one.json"].article.title == "T"
    assert items["many.json#0"].article is not None
    assert items["many.json#1"].reason == "not a JSON object"
    assert items["d.jsonl#L1"].article.published == "2024-05-06"
    assert items["d.jsonl#L2"].status == "failed" and items["d.jsonl#L2"].reason.startswith(
        "not JSON"
    )
    assert items["d.jsonl#L3"].reason == 'no "text" field'
    assert "published must be YYYY-MM-DD" in items["d.jsonl#L4"].reason


def test_readers_bad_files_are_reported_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" * 50)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scripts.html").write_text("<html><body><script>var a=1;</script></body></html>")
    (tmp_path / "broken.html").write_text(
        "<html><body><div><p>" + REPORT + "<b>unclosed <i>tags</p></span><div", encoding="utf-8"
    )
    (tmp_path / "legacy.txt").write_bytes(("Caf\u00e9 owners said: " + REPORT).encode("cp1252"))
    (tmp_path / "fr.txt").write_text(
        "Des hommes armés ont attaqué un poste de police dans la ville de Kano lundi et ont tué "
        "trois policiers, selon un porte-parole de la police. Les assaillants ont pris la fuite.",
        encoding="utf-8",
    )
    (tmp_path / "ok.txt").write_text(REPORT, encoding="utf-8")
    items = _by_source(read_sources([str(tmp_path)]))
    assert (items["photo.jpg"].status, items["photo.jpg"].reason) == (
        "failed", "binary input, not text"
    )  # fmt: skip
    assert (items["empty.txt"].status, items["empty.txt"].reason) == ("skipped", "no text")
    assert (items["scripts.html"].status, items["scripts.html"].reason) == ("skipped", "no text")
    assert "killed three officers" in items["broken.html"].article.text
    legacy = items["legacy.txt"].article
    assert (
        legacy.text.startswith("Café") and "not valid UTF-8; decoded as cp1252" in legacy.warnings
    )
    assert items["fr.txt"].reason == "not English (language: fr)"
    assert items["ok.txt"].article is not None


def _warc(path: Path, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz)
        for uri, status, ctype, body in (
            ("https://herald.example/kano", "200 OK", "text/html; charset=utf-8", PAGE.encode()),
            ("https://herald.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" * 9),
            ("https://herald.example/gone", "404 Not Found", "text/html", b"<p>missing</p>"),
            ("https://herald.example/two", "200 OK", "text/plain", (REPORT + " Again.").encode()),
        ):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                               http_headers=headers)  # fmt: skip
            writer.write_record(record)


@pytest.mark.parametrize("gz", [False, True])
def test_readers_warc_records(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _warc(path, gz)
    items = list(read_sources([str(path)], published="2024-05-09"))
    assert [i.status for i in items] == [None, "skipped", "skipped", None]
    page, png, gone, two = items
    assert (
        page.article.url == "https://herald.example/kano" and page.article.published == "2024-05-07"
    )
    assert png.reason == "not text (image/png)" and gone.reason == "HTTP status 404"
    assert two.article.published == "2024-05-09" and "#offset=" in two.source


def test_readers_truncated_warc_gz_keeps_what_came_before(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    _warc(whole, gz=True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    items = list(read_sources([str(cut)]))
    assert items[0].article is not None  # the first record survived
    last = items[-1]
    assert last.status == "failed" and "damaged or truncated WARC" in last.reason
    assert "#offset=" in last.source
    assert gzip.decompress(data)  # the intact file is valid: the damage is the cut


def test_readers_rss_and_atom_files(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "atom.xml").write_text(ATOM, encoding="utf-8")
    (tmp_path / "notafeed.rss").write_text("<rss><channel>", encoding="utf-8")
    items = {i.source[len(str(tmp_path)) + 1 :]: i for i in read_sources([str(tmp_path)])}
    clash = items["wire.rss#https://wire.example/1"].article
    assert clash.title == "Clash near Baidoa" and clash.published == "2024-03-12"
    assert clash.url == "https://wire.example/1" and "four soldiers dead" in clash.text
    assert items["wire.rss#https://wire.example/2"].reason == "no text"
    lahore = items["atom.xml#https://atom.example/a"].article
    assert lahore.published == "2024-04-12" and lahore.text.startswith("Thousands")
    assert items["notafeed.rss"].status == "failed"


def test_readers_feed_item_without_date_takes_default() -> None:
    feed = RSS.replace("<pubDate>Tue, 12 Mar 2024 10:00:00 GMT</pubDate>", "")
    (item, _) = list(read_feed(feed.encode(), "wire", published="2024-03-13"))
    assert item.article.published == "2024-03-13"
