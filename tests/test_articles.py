"""Reading input into articles (eventwire.articles). All texts are invented."""

from __future__ import annotations

import codecs
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.articles import (
    ENGLISH_THRESHOLD,
    english_score,
    guess_language,
    iter_jsonl,
    parse_published,
    read_article,
    read_bytes,
)
from eventwire.errors import EventwireError, InputError
from eventwire.options import Options

# The same invented report in five languages, for the language check.
FRENCH = (
    "Des hommes armés à moto ont attaqué un marché dans le district nord de Kalvora mardi "
    "matin, tuant au moins sept commerçants et en blessant douze autres, selon les "
    "autorités locales. Les assaillants ont mis le feu à plusieurs étals avant de s'enfuir "
    "dans la forêt, d'après un porte-parole de la police qui a requis l'anonymat. Aucun "
    "groupe n'a revendiqué l'attaque, survenue deux jours après que l'armée a annoncé "
    "avoir repris le contrôle de la zone."
)
SPANISH = (
    "Hombres armados en motocicletas atacaron un mercado en el distrito norte de Kalvora el "
    "martes por la mañana, matando al menos a siete comerciantes e hiriendo a otros doce, "
    "según dijeron las autoridades locales. Los atacantes prendieron fuego a varios puestos "
    "antes de huir hacia el bosque, de acuerdo con un portavoz de la policía que pidió no "
    "ser identificado. Ningún grupo se ha atribuido el ataque, que se produjo dos días "
    "después de que el ejército anunciara que había recuperado el control de la zona."
)
GERMAN = (
    "Bewaffnete Männer auf Motorrädern haben am Dienstagmorgen einen Markt im nördlichen "
    "Bezirk Kalvora angegriffen und dabei mindestens sieben Händler getötet und zwölf "
    "weitere verletzt, wie die örtlichen Behörden mitteilten. Die Angreifer setzten mehrere "
    "Stände in Brand, bevor sie in den Wald flohen, sagte ein Polizeisprecher, der nicht "
    "genannt werden wollte."
)
ARABIC = (
    "هاجم مسلحون على دراجات نارية سوقا في المنطقة الشمالية من كالفورا صباح الثلاثاء، "
    "ما أسفر عن مقتل سبعة تجار على الأقل وإصابة اثني عشر آخرين، بحسب مسؤولين محليين."
)
ENGLISH = (
    "Armed men on motorcycles attacked a market in the northern district of Kalvora on "
    "Tuesday morning, killing at least seven traders and wounding twelve others, local "
    "officials said. The attackers set fire to several stalls before fleeing into the "
    "forest, according to a police spokesman who asked not to be named. No group has "
    "claimed responsibility for the attack, which came two days after the army announced "
    "that it had regained control of the area."
)

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Market attack in Kalvora kills seven | The Northern Courier</title>
  <meta property="og:title" content="Market attack in Kalvora kills seven">
  <meta property="article:published_time" content="2026-02-14T08:15:00+01:00">
  <script>window.dataLayer = []; function track(e) { dataLayer.push(e); }</script>
  <style>body { font-family: serif; }</style>
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav>
  <header><div class="banner">Breaking news alerts straight to your inbox</div></header>
  <article>
    <h1>Market attack in Kalvora kills seven</h1>
    <p>Armed men on motorcycles attacked a market in the northern district of Kalvora on
    Tuesday morning, killing at least seven traders and wounding twelve others, local
    officials said.</p>
    <p>The attackers set fire to several stalls before fleeing into the forest, according
    to a police spokesman who asked not to be named. Residents said the gunmen fired on
    people who tried to put out the flames.</p>
    <p>No group has claimed responsibility for the attack, which came two days after the
    army announced that it had regained control of the area.</p>
  </article>
  <aside>Most read: Ten recipes for a rainy weekend</aside>
  <footer>Copyright 2026 The Northern Courier. All rights reserved.</footer>
  <script>track({"event": "pageview"});</script>
</body>
</html>
"""


# -- refusing what is not an article ----------------------------------------------------


@pytest.mark.parametrize("data", [b"", "", b"   \n\t\r\n", "  \n ", codecs.BOM_UTF8 + b"  \n"])
def test_articles_empty_input_is_refused(data: bytes | str) -> None:
    with pytest.raises(InputError, match="^empty input$"):
        read_article(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",  # a PNG header: NUL bytes
        bytes(range(1, 32)) * 40 + b"some text",  # control characters, no NUL
        "text\x00with a NUL",
    ],
)
def test_articles_binary_input_is_refused(data: bytes | str) -> None:
    with pytest.raises(InputError, match="^binary input, not text$"):
        read_article(data)


def test_articles_input_errors_are_eventwire_errors() -> None:
    with pytest.raises(EventwireError):
        read_article(b"")


def test_articles_oversized_input_is_refused() -> None:
    options = replace(Options(), max_bytes=1_000_000)
    data = b"Troops advanced. " * 90_000  # 1.53 MB
    with pytest.raises(InputError, match=r"^input is 1\.5 MB, over the limit of 1 MB$"):
        read_article(data, options=options)
    with pytest.raises(InputError, match="over the limit"):
        read_article(data.decode(), options=options)


# -- decoding ---------------------------------------------------------------------------


def test_articles_invalid_utf8_is_decoded_as_cp1252_with_warning() -> None:
    # Windows-1252 curly apostrophe (0x92) and en dash (0x96): not valid UTF-8.
    data = b"The minister\x92s convoy was hit near the bridge \x96 two guards died."
    article = read_article(data)
    assert article.text == (
        "The minister\u2019s convoy was hit near the bridge \u2013 two guards died."
    )
    assert article.warnings == ["not valid UTF-8; decoded as cp1252"]


def test_articles_bytes_cp1252_cannot_read_fall_back_to_latin1() -> None:
    # 0x81 is undefined in cp1252; latin-1 reads every byte.
    article = read_article(b"Troops entered the town \x81 at dawn.")
    assert article.warnings == ["not valid UTF-8; decoded as latin-1"]
    assert article.text.startswith("Troops entered")


def test_articles_utf8_bom_is_kept_so_offsets_are_the_callers() -> None:
    # Issue 15: a stripped byte-order mark moved every evidence span one character off
    # the caller's text. It is kept, as any UTF-8 reader keeps it, and read as a space.
    article = read_article(codecs.BOM_UTF8 + b"Troops entered Kalvora at dawn.")
    assert article.text == "\ufeffTroops entered Kalvora at dawn."
    assert article.warnings == []
    assert read_article("\ufeffTroops entered.").text == "\ufeffTroops entered."
    with pytest.raises(InputError, match="^empty input$"):
        read_article("\ufeff \n")


def test_articles_utf16_with_bom_is_read_as_text() -> None:
    data = "Troops entered Kalvora at dawn.".encode("utf-16")
    assert read_article(data).text == "Troops entered Kalvora at dawn."


def test_articles_plain_text_is_kept_exactly_as_given() -> None:
    # Evidence offsets index the caller's text, so not even line ends may change.
    raw = "  Headline here\r\n\r\nFirst  paragraph.\rSecond\tone.  \n"
    assert read_article(raw.encode()).text == raw


# -- HTML -------------------------------------------------------------------------------


def test_articles_html_page_gives_main_text_title_and_date() -> None:
    article = read_article(PAGE.encode())
    assert "killing at least seven traders" in article.text
    assert "regained control of the area" in article.text
    for junk in (
        "dataLayer",
        "font-family",
        "Subscribe now",
        "Breaking news alerts",
        "Copyright 2026",
        "pageview",
        "<p>",
    ):
        assert junk not in article.text
    assert article.title == "Market attack in Kalvora kills seven"
    assert article.published == "2026-02-14"
    assert "HTML: main text extracted" in article.warnings
    assert article.language == "en"


def test_articles_html_given_title_and_date_win_over_the_page() -> None:
    article = read_article(PAGE, title="My title", published="2026-02-15")
    assert article.title == "My title"
    assert article.published == "2026-02-15"


def test_articles_html_falls_back_to_tag_stripper(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: None)
    article = read_article(PAGE)
    assert "killing at least seven traders" in article.text
    assert "dataLayer" not in article.text and "Subscribe now" not in article.text
    assert article.title == "Market attack in Kalvora kills seven"

    def boom(*args: object, **kwargs: object) -> str:
        raise ValueError("lxml exploded")

    monkeypatch.setattr(trafilatura, "extract", boom)
    assert "regained control" in read_article(PAGE).text


def test_articles_html_fragment_is_detected() -> None:
    fragment = "<p>Troops entered Kalvora at dawn.</p>\n<p>Two soldiers were wounded.</p>"
    article = read_article(fragment)
    assert "<p>" not in article.text and "Two soldiers were wounded." in article.text
    assert "HTML: main text extracted" in article.warnings


def test_articles_plain_text_mentioning_a_tag_is_not_html() -> None:
    text = ENGLISH + " The notice on the website said <p> was a formatting error. " + ENGLISH
    article = read_article(text)
    assert article.text == text
    assert article.warnings == []


def test_articles_html_without_text_is_refused() -> None:
    page = "<!doctype html><html><head><script>var a = 1;</script></head><body></body></html>"
    with pytest.raises(InputError, match="no main text"):
        read_article(page)


# -- length -----------------------------------------------------------------------------


def test_articles_ten_megabyte_article_is_cut_at_a_sentence_end() -> None:
    sentence = "Shelling resumed overnight along the eastern front, officials said. "
    data = (sentence * (10_000_000 // len(sentence) + 1)).encode()
    article = read_article(data)
    limit = Options().max_chars
    assert limit - len(sentence) < len(article.text) <= limit
    assert article.text.endswith("officials said.")
    assert article.warnings == [f"cut to {len(article.text)} characters (article was {len(data)})"]


def test_articles_cut_without_sentence_end_uses_a_space() -> None:
    options = replace(Options(), max_chars=50)
    article = read_article("word " * 40, options=options)
    assert len(article.text) <= 50 and article.text.endswith("word")


# -- publication date -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2026-02-14", "2026-02-14"),
        ("2026-02-14T23:10:00Z", "2026-02-14"),
        ("2026-02-14T23:10:00+05:30", "2026-02-14"),
        ("2026-02-14 07:00", "2026-02-14"),
        (None, None),
    ],
)
def test_articles_published_accepts_iso_dates(given: str | None, expected: str | None) -> None:
    assert parse_published(given) == expected
    assert read_article("Troops entered Kalvora.", published=given).published == expected


@pytest.mark.parametrize(
    "bad", ["2026-13-40", "14/02/2026", "Feb 14, 2026", "2026-2-14", "yesterday"]
)
def test_articles_published_rejects_anything_else(bad: str) -> None:
    with pytest.raises(InputError, match=r"^published must be YYYY-MM-DD, got "):
        read_article("Troops entered Kalvora.", published=bad)


# -- language ---------------------------------------------------------------------------


def test_articles_english_text_is_english() -> None:
    assert english_score(ENGLISH) >= 0.3
    assert read_article(ENGLISH).language == "en"


@pytest.mark.parametrize(
    ("text", "language"),
    [(FRENCH, "fr"), (SPANISH, "es"), (GERMAN, "de"), (ARABIC, "ar")],
)
def test_articles_other_languages_are_not_english(text: str, language: str) -> None:
    assert english_score(text) < ENGLISH_THRESHOLD / 2
    assert guess_language(text) == language
    assert read_article(text).language == language


def test_articles_scripts_name_their_language() -> None:
    assert guess_language("Вооружённые люди атаковали рынок в северном районе утром.") == "ru"
    assert guess_language("骑摩托车的武装分子袭击了北部地区的一个市场。") == "zh"
    assert guess_language("Οπλισμένοι άνδρες επιτέθηκαν σε αγορά στην πόλη.") == "other"


def test_articles_headline_and_names_stay_english() -> None:
    # Few words, many names: too little to refuse it.
    assert guess_language("Kalvora market attack: seven dead") == "en"
    wire = (
        "Lt. Gen. Amadou Koyate told reporters in Bangui that FACA units and allied "
        "contractors had pushed UPC fighters out of Bambari, Ippy and Alindao by Sunday."
    )
    assert guess_language(wire) == "en"


# -- JSONL ------------------------------------------------------------------------------


def _jsonl(*lines: bytes) -> bytes:
    return b"\n".join(lines) + b"\n"


def test_articles_jsonl_reports_bad_lines_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        _jsonl(
            json.dumps({"id": "a1", "text": ENGLISH, "published": "2026-02-14"}).encode(),
            b'{"id": "a2", "text": "broken',  # not JSON, id still visible
            b"",  # blank: skipped
            json.dumps({"id": "a3", "title": "no text here"}).encode(),
            b'["an", "array"]',
            json.dumps({"text": "No id on this line."}).encode(),
            json.dumps({"id": 7, "text": 12}).encode(),
            b'{"id": "a8", "text": "caf\xe9"}',  # latin-1 byte: not UTF-8
            json.dumps({"id": "a9", "text": "Last line, still read."}).encode(),
        )
    )
    items = list(iter_jsonl(path))
    assert [n for n, _, _ in items] == [1, 2, 4, 5, 6, 7, 8, 9]
    assert [(obj or {}).get("id") for _, obj, _ in items] == [
        "a1",
        "a2",
        "a3",
        "5",
        "6",
        "7",
        "a8",
        "a9",
    ]
    errors = {n: err for n, _, err in items}
    assert errors[1] is None and errors[6] is None and errors[9] is None
    assert errors[2].startswith("not JSON")
    assert errors[4] == 'no "text" field'
    assert errors[5] == "not a JSON object (got array)"
    assert errors[7] == '"text" must be a string, got number'
    assert errors[8].startswith("not valid UTF-8")
    first = items[0][1]
    assert first == {"id": "a1", "text": ENGLISH, "published": "2026-02-14"}
    assert items[2][1] == {"id": "a3", "title": "no text here"}  # partial object kept


class _LineOnlyStream(io.BytesIO):
    """A stream that fails if anyone tries to read it whole."""

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            raise AssertionError("iter_jsonl read the whole stream")
        return super().read(size)

    def readlines(self, hint: int | None = -1) -> list[bytes]:
        raise AssertionError("iter_jsonl read the whole stream")


def test_articles_jsonl_streams_line_by_line() -> None:
    lines = [json.dumps({"id": f"n{i}", "text": "Troops entered."}).encode() for i in range(1000)]
    stream = _LineOnlyStream(_jsonl(*lines))
    it = iter_jsonl(stream)
    assert next(it)[1] == {"id": "n0", "text": "Troops entered."}
    # Lazy: after one item only the first line has been taken from the stream.
    assert stream.tell() == len(lines[0]) + 1
    assert sum(1 for _ in it) == 999


def test_articles_jsonl_overlong_line_is_skipped_not_held() -> None:
    big = json.dumps({"id": "big", "text": "x" * 5000}).encode()
    small = json.dumps({"id": "ok", "text": "Troops entered."}).encode()
    items = list(iter_jsonl(io.BytesIO(_jsonl(big, small)), max_bytes=1000))
    assert items[0][1] == {"id": "big"} and "over the limit" in items[0][2]
    assert items[1] == (2, {"id": "ok", "text": "Troops entered."}, None)


def test_articles_jsonl_bom_and_crlf() -> None:
    data = codecs.BOM_UTF8 + b'{"id": "w", "text": "Troops entered."}\r\n'
    assert list(iter_jsonl(io.BytesIO(data))) == [(1, {"id": "w", "text": "Troops entered."}, None)]


def test_articles_jsonl_missing_file() -> None:
    with pytest.raises(InputError, match="^no such file: "):
        list(iter_jsonl("/no/such/dir/in.jsonl"))


# -- reading files ----------------------------------------------------------------------


def test_articles_read_bytes_refuses_missing_big_and_directories(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="^no such file: "):
        read_bytes(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="^is a directory"):
        read_bytes(tmp_path)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2_500_000)
    with pytest.raises(InputError, match=r"^input is 2\.5 MB, over the limit of 2 MB$"):
        read_bytes(big, options=replace(Options(), max_bytes=2_000_000))
    with pytest.raises(InputError, match=r"^input is 2\.5 MB, over the limit of 2 MB$"):
        read_bytes(io.BytesIO(b"a" * 2_500_000), options=replace(Options(), max_bytes=2_000_000))
    assert read_bytes(big) == b"a" * 2_500_000


def test_articles_name_heavy_wire_copy_is_english() -> None:
    from eventwire.articles import guess_language

    # Telegraphic, full of transliterated names: few function words among many names.
    text = ("Regime troops seized Tell Abu Saad al-Gharbi village near Kafr Nubl in Idleb "
            "from Jaysh al-Nasr fighters following clashes. No casualties reported.")
    assert guess_language(text) == "en"


def test_articles_page_cut_inside_a_tag_has_no_text() -> None:
    from eventwire.articles import read_article
    from eventwire.errors import InputError

    with pytest.raises(InputError, match="no main text"):
        read_article("<html><body><div><script>x()</script></div")
