"""Reading input into articles: bytes or text, plain or HTML, one article or a JSONL stream.

>>> a = read_article(b"Gunmen attacked a checkpoint near the town on Monday.",
...                  published="2026-02-14")
>>> a.text[:6], a.published, a.language
('Gunmen', '2026-02-14', 'en')

Everything that changes the input on the way in (a cut, an HTML page reduced to its main
text, a legacy encoding, a lone surrogate replaced) is reported in ``Article.warnings``.
Nothing else is changed (a byte-order mark is kept): evidence spans are character
offsets into ``Article.text``, which is the caller's text wherever it can be.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from math import inf
from pathlib import Path
from typing import IO, Any

from .errors import InputError
from .options import Options
from .records import Article

__all__ = [
    "english_score",
    "indexed_text",
    "guess_language",
    "iter_jsonl",
    "load_json",
    "parse_published",
    "read_article",
    "read_bytes",
]

# Only the head of the input is inspected for binary data and for HTML markup: enough to
# see a NUL or a tag soup, cheap on a 20 MB file.
_SNIFF = 8192
_BINARY_CONTROL_SHARE = 0.10
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

# A judgement on language needs some words; below this many, assume English unless the
# script says otherwise (a headline-only article should not be refused).
_MIN_WORDS_TO_JUDGE = 20
_WORDS_SAMPLED = 300
# english_score() of English news is 0.35-0.55 (function words are a third to a half of
# running text, less in name-heavy wire copy); French, Spanish and German news score
# under 0.10, sharing only a few short words ("a", "in", "an"). 0.20 leaves room on both
# sides. See tests/test_articles.py.
ENGLISH_THRESHOLD = 0.20
_OTHER_THRESHOLD = 0.15


# -- public functions -------------------------------------------------------------------


def read_article(
    data: bytes | str,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    id: str = "",  # the JSON contract's name, though it shadows the builtin
    country: str | None = None,
    options: Options = Options(),
) -> Article:
    """Read one article from raw bytes or text, plain or HTML.

    >>> read_article("Troops shelled the village.\\r\\nTwo died.").text
    'Troops shelled the village.\\r\\nTwo died.'
    >>> read_article("   ")
    Traceback (most recent call last):
    ...
    eventwire.errors.InputError: empty input

    ``country`` is the country the source is about, if known (else ``options.country``).
    Raises ``InputError`` for empty, binary or oversized input and for a malformed
    ``published``; a legacy encoding, an HTML page or an overlong text are read anyway
    and reported in ``warnings``. Nothing else escapes: whatever else reading raises is
    an ``InputError`` naming it.
    """
    try:
        return _read(data, title, published, url, id, country, options)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - this input's failure, with what went wrong
        raise InputError(f"cannot read the input ({type(exc).__name__}: {exc})") from exc


def indexed_text(article: Article, given: bytes | str) -> str | None:
    """The text an article's evidence spans index, when checking them against the input
    ``given`` would fail (an HTML page's main text, a lone surrogate replaced); None when
    the spans index ``given`` itself, or its start when the article was cut.

    >>> indexed_text(read_article("Troops shelled the village."), "Troops shelled the village.")
    >>> indexed_text(read_article("<p>Troops shelled</p><p>the village.</p>"), "<p>...")
    'Troops shelled\\nthe village.'
    """
    if isinstance(given, bytes):
        given = given.decode("utf-8", "replace")  # not UTF-8: the text is not the bytes'
    return None if given.startswith(article.text) else article.text


def _read(
    data: bytes | str, title: str | None, published: str | None, url: str | None, id: str,
    country: str | None, options: Options,
) -> Article:  # fmt: skip
    warnings: list[str] = []
    published = parse_published(published)
    text = _decode(data, options, warnings)
    # Line ends are kept as given: evidence offsets must index the caller's own text.

    if looks_like_html(text):
        text, meta_title, meta_published = _from_html(text, url, warnings)
        warnings.append("HTML: main text extracted")
        title = title or meta_title
        if published is None and meta_published:
            try:
                published = parse_published(meta_published)
            except InputError:
                warnings.append(f"HTML: publication date not understood: {meta_published!r}")
        if not text.strip():
            raise InputError("HTML page has no main text")

    if len(text) > options.max_chars:
        text, original = _cut(text, options.max_chars), len(text)
        warnings.append(f"cut to {len(text)} characters (article was {original})")

    return Article(
        text=text,
        id=id,
        title=without_surrogates(title, "title", warnings) if title else title,
        published=published,
        url=without_surrogates(url, "url", warnings) if url else url,
        language=guess_language(text),
        country=country or options.country,
        warnings=warnings,
    )


def read_bytes(
    source: str | os.PathLike[str] | IO[bytes], *, options: Options = Options()
) -> bytes:
    """The bytes of a file, ``-`` (standard input) or a binary stream, within ``max_bytes``.

    >>> read_bytes("/no/such/file.txt")
    Traceback (most recent call last):
    ...
    eventwire.errors.InputError: no such file: /no/such/file.txt

    An oversized input is refused without holding it in memory.
    """
    limit = options.max_bytes
    if isinstance(source, (str, os.PathLike)) and os.fspath(source) != "-":
        path = Path(source)
        try:
            size = path.stat().st_size
            if path.is_dir():
                raise InputError(f"is a directory, not a file: {path}")
            if size > limit:
                raise InputError(_too_big(size, limit))
            # Read within the limit whatever the size said: a device (/dev/zero), a pipe
            # or a file still growing reports less than it holds.
            with open(path, "rb") as f:
                return _read_within(f, limit)
        except FileNotFoundError:
            raise InputError(f"no such file: {path}") from None
        except PermissionError:
            raise InputError(f"permission denied: {path}") from None
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    stream: IO[bytes] = sys.stdin.buffer if isinstance(source, (str, os.PathLike)) else source
    return _read_within(stream, limit)


# An oversized stream is read on to say how large it was, up to this many times the limit
# (a stream without end, /dev/zero or `yes`, is not read for ever).
_COUNTED_PAST_LIMIT = 4


def _read_within(stream: IO[bytes], limit: int) -> bytes:
    """All of ``stream``, or InputError once it passes ``limit`` bytes (never held)."""
    data = stream.read(limit + 1)
    if len(data) <= limit:
        return data
    # Count the rest in chunks, for an honest message, without keeping it.
    size = len(data)
    while size <= _COUNTED_PAST_LIMIT * limit and (chunk := stream.read(1 << 20)):
        size += len(chunk)
    if size > _COUNTED_PAST_LIMIT * limit:
        raise InputError(f"input is over {_COUNTED_PAST_LIMIT * limit / 1e6:g} MB, over the "
                         f"limit of {limit / 1e6:g} MB")  # fmt: skip
    raise InputError(_too_big(size, limit))


def parse_published(value: str | None) -> str | None:
    """A publication date as ``YYYY-MM-DD``; an ISO datetime keeps its date.

    >>> parse_published("2026-02-14T09:30:00+02:00")
    '2026-02-14'
    >>> parse_published("14/02/2026")
    Traceback (most recent call last):
    ...
    eventwire.errors.InputError: published must be YYYY-MM-DD, got '14/02/2026'
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"published must be YYYY-MM-DD, got {value!r}")
    s = value.strip()
    if not s:
        return None
    try:
        if len(s) == 10:
            return dt.date.fromisoformat(s).isoformat()
        # Python 3.11 reads "Z" and any ISO 8601 offset.
        if len(s) > 10 and s[10] in "T ":
            return dt.datetime.fromisoformat(s).date().isoformat()
    except ValueError:
        pass
    raise InputError(f"published must be YYYY-MM-DD, got {value!r}")


def english_score(text: str) -> float:
    """Share of English function words among the first ~300 words (0.0 to 1.0).

    >>> english_score("The army said that two of the men were killed in the attack.") > 0.4
    True
    >>> english_score("L'armée a dit que deux des hommes ont été tués dans l'attaque.") < 0.1
    True
    """
    words = _words(text)
    if not words:
        return 0.0
    return sum(w in _STOPWORDS["en"] for w in words) / len(words)


def guess_language(text: str) -> str:
    """``"en"``, or a best guess at what else the text is in.

    >>> guess_language("Les forces armées ont frappé un convoi dans le nord du pays.")
    'fr'

    One of ``en fr es de ar ru zh other``; from the script first (Arabic, Cyrillic, Han),
    then from function words. Offline and without a model: it only needs to tell English
    news from the rest, which function words do reliably on a few hundred words.
    """
    script = _dominant_script(text[:4000])
    if script is not None:
        return script
    # Names are the same in every language ("Rasm al-Burjis", "Idleb"): the share of
    # function words is taken over the other words, so name-heavy wire copy still reads
    # as the English it is.
    words = [w for w in _words(text, keep_names=False)] or _words(text)
    if not words:
        return "en"
    scores = {lang: sum(w in stop for w in words) / len(words) for lang, stop in _STOPWORDS.items()}
    if len(words) < _MIN_WORDS_TO_JUDGE:
        # Too few words to be sure: English unless another language is clearly ahead.
        best = max(scores, key=lambda k: scores[k])
        return best if scores[best] > scores["en"] + 0.2 else "en"
    if scores["en"] >= ENGLISH_THRESHOLD:
        return "en"
    best = max((k for k in scores if k != "en"), key=lambda k: scores[k])
    if scores[best] >= _OTHER_THRESHOLD and scores[best] > scores["en"]:
        return best
    return "other"


def iter_jsonl(
    source: str | os.PathLike[str] | IO[bytes], *, max_bytes: int = Options().max_bytes
) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """Stream a JSONL file line by line: ``(line_number, object, error)``.

    >>> import io
    >>> for item in iter_jsonl(io.BytesIO(b'{"id": "a", "text": "x"}\\n[1]\\n')):
    ...     print(item)
    (1, {'id': 'a', 'text': 'x'}, None)
    (2, {'id': '2'}, 'not a JSON object (got array)')

    Each object has a string ``id`` (the line number when the line has none). A line that
    is not a JSON object with a string ``text`` comes with an error and whatever could
    be read of it (at least its ``id``), so a batch reports it and goes on. Blank lines
    are skipped. Memory stays constant whatever the file's size; a line over
    ``max_bytes`` is skipped past without being held.
    """
    if isinstance(source, (str, os.PathLike)) and os.fspath(source) != "-":
        try:
            stream: IO[bytes] = open(source, "rb")  # closed in the finally below
        except FileNotFoundError:
            raise InputError(f"no such file: {os.fspath(source)}") from None
        except IsADirectoryError:
            raise InputError(f"is a directory, not a file: {os.fspath(source)}") from None
        except OSError as exc:
            raise InputError(f"cannot read {os.fspath(source)}: {exc.strerror or exc}") from None
        close = True
    else:
        stream = sys.stdin.buffer if isinstance(source, (str, os.PathLike)) else source
        close = False
    try:
        n = 0
        while True:
            line = stream.readline(max_bytes + 1)
            if not line:
                break
            n += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                size = len(line) + _skip_line(stream)
                yield n, {"id": _rescue_id(line[:4096]) or str(n)}, _too_big(size, max_bytes)
                continue
            if n == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            if not line.strip():
                continue
            yield _parse_line(n, line)
    finally:
        if close:
            stream.close()


# -- decoding ---------------------------------------------------------------------------


def _decode(data: bytes | str, options: Options, warnings: list[str]) -> str:
    if isinstance(data, str):
        # A str over the byte limit is over it in any encoding; only long ones are measured.
        if len(data) > options.max_bytes // 4:
            size = len(data.encode("utf-8", "surrogatepass"))
            if size > options.max_bytes:
                raise InputError(_too_big(size, options.max_bytes))
        # A leading byte-order mark is kept: evidence offsets index the caller's own text.
        if not data.lstrip("\ufeff").strip():
            raise InputError("empty input")
        if _is_binary_text(data[:_SNIFF]):
            raise InputError("binary input, not text")
        return without_surrogates(data, "text", warnings)

    if len(data) > options.max_bytes:
        raise InputError(_too_big(len(data), options.max_bytes))
    if data.startswith(_UTF16_BOMS):
        # Windows tools still save "Unicode" text as UTF-16; its NULs are not binary.
        try:
            return _decode(data.decode("utf-16"), options, warnings)
        except UnicodeDecodeError:
            raise InputError("binary input, not text") from None
    # A UTF-8 byte-order mark is decoded as the character it is (U+FEFF), as UTF-8
    # readers do: offsets index the file's text as any of them reads it.
    if not data.removeprefix(codecs.BOM_UTF8).strip():
        raise InputError("empty input")
    if _is_binary_bytes(data[:_SNIFF]):
        raise InputError("binary input, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # Analysts keep old files in Windows' encoding; read them rather than refuse.
        # cp1252 leaves five bytes undefined; latin-1 reads anything.
        data = data.removeprefix(codecs.BOM_UTF8)
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "latin-1"
        warnings.append(f"not valid UTF-8; decoded as {encoding}")
    if not text.lstrip("\ufeff").strip():
        raise InputError("empty input")
    return text


# A UTF-16 surrogate standing alone: not a character, so no UTF-8 file, database or JSON
# reader that checks can hold it ("\udc80" in a JSON string, a str from os.fsdecode).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(value: str, what: str, warnings: list[str]) -> str:
    """``value`` with each lone surrogate replaced by U+FFFD (one character for one, so
    offsets do not move), and a warning saying so when there was one.

    >>> notes = []
    >>> without_surrogates("\\udc80 killed", "text", notes) == "\\ufffd killed"
    True
    >>> notes
    ['text: 1 lone surrogate (not a Unicode character) replaced by U+FFFD']
    """
    fixed, n = _LONE_SURROGATE.subn("\ufffd", value)
    if n:
        plural = "s" if n > 1 else ""
        warnings.append(f"{what}: {n} lone surrogate{plural} (not a Unicode character) "
                        f"replaced by U+FFFD")  # fmt: skip
    return fixed


def _is_binary_bytes(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f\v\x1b")
    return bool(head) and control / len(head) > _BINARY_CONTROL_SHARE


def _is_binary_text(head: str) -> bool:
    if "\x00" in head:
        return True
    control = sum(1 for c in head if c < " " and c not in "\t\n\r\f\v\x1b")
    return bool(head) and control / len(head) > _BINARY_CONTROL_SHARE


def _too_big(size: int, limit: int) -> str:
    return f"input is {size / 1e6:.1f} MB, over the limit of {limit / 1e6:g} MB"


# -- HTML -------------------------------------------------------------------------------

_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,2000}>|<!--.*?-->", re.S)
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_HTML_HINT = re.compile(r"<body\b|<p\b[^<>]*>|<div\b|<article\b", re.I)
# A page's markup is most of its head; a plain text that quotes "<p>" once is not.
_HTML_TAG_SHARE = 0.05


def looks_like_html(text: str) -> bool:
    """True for an HTML page or fragment, false for text that mentions a tag.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("The notice said <p> was a typo.")
    False
    """
    head = text[: _SNIFF * 4]
    if _HTML_START.match(head):
        return True
    if not _HTML_HINT.search(head):
        return False
    tags = [len(m.group()) for m in _TAG.finditer(head)]
    return len(tags) >= 2 and sum(tags) / max(len(head), 1) >= _HTML_TAG_SHARE


def _from_html(
    html: str, url: str | None, warnings: list[str]
) -> tuple[str, str | None, str | None]:
    """Main text, title and publication date of a page (the text may be empty)."""
    try:
        # Deferred: trafilatura (and lxml) take a third of a second to import; only HTML needs them.
        import trafilatura
        from trafilatura.metadata import extract_metadata
    except ImportError as exc:
        # A hard dependency, but a broken install should cost quality, not the article.
        trafilatura = None  # type: ignore[assignment]
        warnings.append(f"HTML: trafilatura unavailable ({exc}); tags stripped instead")

    text: str | None = None
    title: str | None = None
    published: str | None = None
    if trafilatura is not None:
        try:
            text = trafilatura.extract(html, url=url, include_comments=False, favor_recall=True)
        except Exception as exc:  # noqa: BLE001 - lxml's errors come through; fall back below
            warnings.append(f"HTML: main text not found ({type(exc).__name__}: {exc}); "
                            f"tags stripped instead")  # fmt: skip
        try:
            # extensive=False: a date from the page's markup or URL only; the extensive
            # search guesses from dates in the body, which may be the event's own.
            meta = extract_metadata(html, default_url=url, extensive=False)
            title = meta.title or None
            published = meta.date or None
        except Exception as exc:  # noqa: BLE001 - metadata is a bonus, never a failure
            warnings.append(f"HTML: title and date not read from the page's metadata "
                            f"({type(exc).__name__}: {exc})")  # fmt: skip

    # A page cut off inside a tag ("...</div") would leave the tag's start as text.
    stripped = _strip_tags(re.sub(r"<[^<>]*\Z", "", html), warnings)
    if not text:
        text = stripped.text
    title = title or stripped.og_title or stripped.title
    published = stripped.published_time or published
    return text or "", _clean(title), _clean(published)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


class _TagStripper(HTMLParser):
    """The visible text of a page, with its title and publication metadata."""

    SKIP = frozenset(
        "script style noscript template nav header footer aside form button select svg "
        "iframe head".split()
    )
    BLOCK = frozenset(
        "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article blockquote pre hr "
        "figcaption dd dt main".split()
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._skipping: list[str] = []
        self._in_title = False
        self._title: list[str] = []
        self.og_title: str | None = None
        self.published_time: str | None = None

    @property
    def title(self) -> str | None:
        return "".join(self._title).strip() or None

    @property
    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self._parts).split("\n"))
        return "\n".join(line for line in lines if line)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key == "og:title" and not self.og_title:
                self.og_title = a.get("content") or None
            elif key in ("article:published_time", "datepublished") and not self.published_time:
                self.published_time = a.get("content") or None
            return
        if tag == "title":
            self._in_title = True
        if tag in self.SKIP:
            self._skipping.append(tag)
        elif tag in self.BLOCK:
            self._parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._skipping and tag == self._skipping[-1]:
            self._skipping.pop()
        elif tag in self.BLOCK:
            self._parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif not self._skipping:
            self._parts.append(data)


def _strip_tags(html: str, warnings: list[str]) -> _TagStripper:
    parser = _TagStripper()
    try:
        parser.feed(html)
        parser.close()
    except Exception as exc:  # noqa: BLE001 - html.parser is lenient; keep what it has read
        warnings.append(f"HTML: page read only in part ({type(exc).__name__}: {exc})")
    return parser


# -- cutting ----------------------------------------------------------------------------

_SENTENCE_ENDS = (". ", ".\n", "? ", "?\n", "! ", "!\n", '." ', '."\n')


def _cut(text: str, limit: int) -> str:
    """Text cut to at most ``limit`` characters, at the last sentence end before it."""
    head = text[:limit]
    found = ((head.rfind(mark), mark) for mark in _SENTENCE_ENDS)
    end = max((i + len(mark.rstrip()) for i, mark in found if i >= 0), default=0)
    if end <= 0:
        # No sentence end at all: the last whitespace, else the hard limit.
        end = max(head.rfind(" "), head.rfind("\n"))
        end = end if end > 0 else limit
    return text[:end]


# -- language ---------------------------------------------------------------------------

# Apostrophes split words: "l'armée" gives "l" and "armée", "don't" gives "don" and "t".
_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str, keep_names: bool = True) -> list[str]:
    words = []
    for m in _WORD.finditer(text[: _WORDS_SAMPLED * 20]):
        word = m.group()
        if not keep_names and word[:1].isupper():
            continue
        words.append(word.lower())
        if len(words) >= _WORDS_SAMPLED:
            break
    return words


def _dominant_script(text: str) -> str | None:
    """The language a non-Latin script stands for, when most letters are in it."""
    counts = {"ar": 0, "ru": 0, "zh": 0, "other": 0, "latin": 0}
    letters = 0
    for c in text:
        if not c.isalpha():
            continue
        letters += 1
        o = ord(c)
        if o < 0x250:
            counts["latin"] += 1
        elif 0x600 <= o <= 0x6FF or 0x750 <= o <= 0x77F or 0xFB50 <= o <= 0xFEFF:
            counts["ar"] += 1
        elif 0x400 <= o <= 0x4FF:
            counts["ru"] += 1
        elif 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF:
            counts["zh"] += 1
        elif unicodedata.category(c).startswith("L"):
            counts["other"] += 1
    if not letters:
        return None
    best = max(counts, key=lambda k: counts[k])
    if best != "latin" and counts[best] > letters / 2:
        return best
    return None


# About 200 common English function words (articles, pronouns, prepositions,
# conjunctions, auxiliaries, particles, quantifiers; after the usual stopword lists),
# with the pieces that apostrophes leave ("s", "t"). Content words are left out, so
# that names and topics do not move the score.
_EN = """
a about above across after again against ago all almost along also although always am
amid among an and another any are around as at away back be because been before behind
being below beside besides between beyond both but by can cannot could did do does doing
down during each either else enough even ever every few for from further had has have
having he her here hers herself him himself his how however i if in including inside
instead into is it its itself just least less many may me might more most much must my
near neither never no nobody none nor not nothing now of off often on once one only onto
or other others otherwise our ours out outside over own per perhaps rather s said same
several shall she should since so some soon still such t than that the their theirs them
themselves then there these they this those though through throughout thus till to
together too toward towards under unless until up upon us very via was we were what
whatever when whenever where whereas whether which while who whole whom whose why will
with within without would yet you your also says told according already despite
"""
# Common function words of the languages eventwire most often meets instead of English,
# only to name what a refused article is in.
_FR = """
le la les de des du un une et est en que qui dans pour pas sur au aux avec ce ces
il elle ils elles nous vous se sa son ses leur leurs par plus ont été être a ont été
mais ou où donc ni car cette cet ainsi selon lors après avant contre entre sans sous
vers chez depuis dont lui y l d qu n c très aussi ne
"""
_ES = """
el la los las de del un una unos unas y es en que por con para se su sus al lo como
más pero fue han ha sido está están este esta estos estas entre sin sobre hasta desde
según durante contra tras ante también muy ya cuando donde porque le les nos ni
a o u otro otra otros otras dijo hay
"""
_DE = """
der die das den dem des ein eine einer eines einem einen und ist sind war waren in im
zu zum zur von vom mit auf für nicht sich auch es sie er wir ihr bei nach aus als
wie an am dass oder aber wurde wurden wird werden hat haben noch nur über unter
durch gegen ohne seit bis vor sowie dieser diese dieses
"""
_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in (("en", _EN), ("fr", _FR), ("es", _ES), ("de", _DE))
}


def _parse_line(n: int, line: bytes) -> tuple[int, dict[str, Any] | None, str | None]:
    fallback = {"id": str(n)}
    try:
        s = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return (
            n,
            {"id": _rescue_id(line) or str(n)},
            (f"not valid UTF-8 (byte 0x{line[exc.start]:02x} at column {exc.start + 1})"),
        )
    try:
        obj = load_json(s)
    except InputError as exc:
        return n, {"id": _rescue_id(line) or str(n)}, str(exc)
    if not isinstance(obj, dict):
        return n, fallback, f"not a JSON object (got {_json_kind(obj)})"
    raw_id = obj.get("id")
    if isinstance(raw_id, str) and raw_id:
        obj["id"] = raw_id
    elif isinstance(raw_id, int | float) and not isinstance(raw_id, bool) and abs(raw_id) < inf:
        obj["id"] = str(raw_id)
    else:
        obj["id"] = str(n)
    text = obj.get("text")
    if text is None:
        return n, obj, 'no "text" field'
    if not isinstance(text, str):
        return n, obj, f'"text" must be a string, got {_json_kind(text)}'
    return n, obj, None


def load_json(text: str) -> Any:
    """A JSON value, read whatever its numbers and depth: an integer too long for Python
    to convert (over 4,300 digits) is read as a float (infinite), so the field it sits in
    is refused on its own, never the whole value. ``InputError`` when it is not JSON.

    >>> load_json('{"id": 7, "n": ' + "9" * 5000 + '}')
    {'id': 7, 'n': inf}
    """
    try:
        return json.loads(text, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise InputError("not JSON: nested too deeply") from None
    except ValueError as exc:  # anything else the decoder refuses; one value's failure
        raise InputError(f"not JSON: {exc}") from None


def _json_int(digits: str) -> int | float:
    # Python refuses int() of more than 4,300 digits (sys.get_int_max_str_digits).
    return int(digits) if len(digits) <= 4000 else float(digits)


def _json_kind(value: Any) -> str:
    kinds = {bool: "boolean", int: "number", float: "number", type(None): "null"}
    kinds |= {dict: "object", list: "array", str: "string"}
    return kinds.get(type(value), "value")


_ID_IN_BROKEN_JSON = re.compile(rb'"id"\s*:\s*(?:"((?:[^"\\\n]|\\.){1,200})"|(-?\d{1,30})\b)')


def _rescue_id(line: bytes) -> str | None:
    """The ``id`` of a line that is not valid JSON, when one can still be seen."""
    m = _ID_IN_BROKEN_JSON.search(line)
    if not m:
        return None
    if m.group(2) is not None:
        return m.group(2).decode("ascii")
    try:
        return str(json.loads(b'"' + m.group(1) + b'"'))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return m.group(1).decode("utf-8", "replace")


def _skip_line(stream: IO[bytes]) -> int:
    """Read past the rest of an overlong line; the number of bytes skipped."""
    skipped = 0
    while True:
        chunk = stream.readline(1 << 20)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped
