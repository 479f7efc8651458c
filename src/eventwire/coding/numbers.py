"""Numbers of people in a noun phrase: digits, number words and ACLED's values for vague
words (``data/quantities.tsv``: "dozens" is 12); conjoined groups are added.

>>> number_word("twenty-one")
21
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ..dates import MONTHS
from ..lexicon import read_table
from .words import word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Token

_RANGE = re.compile(r"(\d+)\s*(?:-|–|to|and)\s*(\d+)")
# A numeral in digits, decimals kept: "12", "1200", "2.5" (thousands separators removed
# first). ``\d`` is any decimal digit ("٣" too), never a superscript ("2⁶⁴").
_NUMERAL = re.compile(r"\d+(?:\.\d+)?")

# The largest figure read as a count. The world holds about 8 billion people, and no toll
# or campaign figure in a news report comes near 10^12; past 2^53 a JSON reader loses
# digits and past 2^63 a database column cannot hold the value. A larger numeral ("killed
# 9223372036854775808 militants", a run of 400 nines) is refused as a number: it counts as
# no number, and the rest of the article is coded as usual.
MAX_COUNT = 10**12


def numeral(text: str) -> float | None:
    """The value of a numeral written in digits, or None: not one, or over ``MAX_COUNT``.

    >>> numeral("1,200"), numeral("2.5"), numeral("2⁶⁴"), numeral("9" * 400)
    (1200.0, 2.5, None, None)
    """
    t = text.replace(",", "")
    if not _NUMERAL.fullmatch(t):
        return None
    # Measured before converting: int() refuses more than 4,300 digits with an error, and
    # float() of a long run is infinite.
    if len(t.partition(".")[0].lstrip("0")) > len(str(MAX_COUNT)):
        return None
    value = float(t)
    return value if value <= MAX_COUNT else None


@functools.lru_cache(maxsize=1)
def quantity_words() -> dict[str, int]:
    return {row["word"]: int(row["value"]) for row in read_table("quantities.tsv")}


# Digits with thousands separators: the numerals ``oversized`` measures.
_DIGIT_RUN = re.compile(r"\d(?:,?\d)*")


def oversized(text: str) -> str | None:
    """A warning naming the numerals of ``text`` too large to be read as counts, if any.

    >>> oversized("Officials said 9223372036854775808 militants were killed.")
    'numbers too large to be counts were left out: 9223372036854775808'
    """
    big = [m.group() for m in _DIGIT_RUN.finditer(text)
           if len(m.group()) > len(str(MAX_COUNT)) and numeral(m.group()) is None]  # fmt: skip
    if not big:
        return None
    shown = [b if len(b) <= 30 else f"{b[:12]}... ({len(b)} characters)" for b in big[:3]]
    more = f" and {len(big) - 3} more" if len(big) > 3 else ""
    return f"numbers too large to be counts were left out: {', '.join(shown)}{more}"


def number_value(tok: Token) -> int | None:
    """The value of one number token: "12", "1,200", "twelve", "dozens"."""
    text = tok.text.lower().replace(",", "")
    if _NUMERAL.fullmatch(text):
        value = numeral(text)
        return None if value is None else int(value)
    words = quantity_words()
    if text in words:
        return words[text]
    if tok.lemma_.lower() in words and tok.lemma_.lower() not in word_class("not_number_lemma"):
        return words[tok.lemma_.lower()]
    if "-" in text:  # "twenty-one"
        parts = [words.get(p) for p in text.split("-")]
        if all(p is not None for p in parts):
            return sum(parts)  # type: ignore[arg-type]
    return None


@functools.lru_cache(maxsize=1)
def _toll_qualifiers() -> tuple[tuple[str, str], ...]:
    """(phrase, qualifier) of ``data/qualifiers.tsv`` that the casualty counter reads, in
    the order it tries them (column ``tolls``)."""
    rows = [r for r in read_table("qualifiers.tsv") if r["tolls"] != "-"]
    return tuple((r["phrase"], r["qualifier"]) for r in sorted(rows, key=lambda r: int(r["tolls"])))


def _qualifier(tok: Token) -> str:
    # "at least 5": spaCy hangs "at" on "least", so read the words just before the number.
    words = " ".join(t.lower_ for t in tok.doc[max(tok.i - 3, 0) : tok.i])
    for key, name in _toll_qualifiers():
        if key in words:
            return name
    return "exact"


def _count_number_token(tok: Token) -> tuple[int | None, int | None, int | None, str, int, int]:
    """A number token with its modifiers: (value, low, high, qualifier, start, end)."""
    if part_of_a_date(tok):
        return None, None, None, "exact", tok.idx, tok.idx + len(tok.text)
    span_toks = [tok] + [
        c
        for c in tok.children
        if c.dep_ in ("quantmod", "advmod", "compound", "nummod", "prep", "cc", "conj")
        and c.i < tok.i + 4
    ]
    first = min(span_toks, key=lambda t: t.i)
    last = max(span_toks, key=lambda t: t.i)
    start, end = first.idx, last.idx + len(last.text)
    phrase = tok.doc[first.i : last.i + 1].text  # not Doc.text: that joins the whole doc
    m = _RANGE.search(phrase)
    ends = [numeral(m.group(1)), numeral(m.group(2))] if m else [None]
    if m and None not in ends:
        low, high = sorted(int(v) for v in ends if v is not None)
        return low, low, high, "range", start, end
    value = number_value(tok)
    # "1 hundred", "two dozen"
    for c in tok.children:
        if c.dep_ in ("compound", "nummod", "quantmod") and number_value(c) and c.i < tok.i:
            v = number_value(c)
            if value and v and tok.lower_ in word_class("multiplier"):
                value = v * value
    run = number_run(tok)
    if run is not None:  # "Thirty-one", "one hundred and twelve", "two thousand five hundred"
        value, first_i, last_i = run
        start = min(start, tok.doc[first_i].idx)
        end = max(end, tok.doc[last_i].idx + len(tok.doc[last_i].text))
        count = value if value <= MAX_COUNT else None  # "a million million million": none
        return count, None, None, _qualifier(tok.doc[first_i]), start, end
    if value is not None and value > MAX_COUNT:  # "999999999999 million": no count
        value = None
    return value, None, None, _qualifier(tok), start, end


@functools.lru_cache(maxsize=1)
def _spelled() -> dict[str, int]:
    """The words a number written out is made of (``spelled`` in quantities.tsv)."""
    rows = read_table("quantities.tsv")
    return {r["word"]: int(r["value"]) for r in rows if r["spelled"] == "yes"}


def _word_value(tok: Token) -> int | None:
    """The value of a number written as a word ("thirty", "hundred"), not in digits."""
    return _spelled().get(tok.lower_)


def number_run(tok: Token) -> tuple[int, int, int] | None:
    """A number written out over several tokens around ``tok``, as (value, first token,
    last token): "Thirty-one" (three tokens), "one hundred and twelve"; None when the
    number is one word or in digits.

    "and" joins only after a hundred or a thousand ("one hundred and twelve"); "five and
    six" stays two numbers.
    """
    doc = tok.doc
    if _word_value(tok) is None:
        return None
    first = last = tok.i
    while True:  # leftwards
        k = first - 1
        if k >= 0 and _word_value(doc[k]) is not None:
            first = k
        elif k >= 1 and doc[k].text == "-" and _word_value(doc[k - 1]) is not None:
            first = k - 1
        elif (
            k >= 1 and doc[k].lower_ == "and" and doc[k - 1].lower_ in word_class("and_multiplier")
        ):
            first = k - 1
        else:
            break
    while True:  # rightwards
        k = last + 1
        if k < len(doc) and _word_value(doc[k]) is not None:
            last = k
        elif k + 1 < len(doc) and doc[k].text == "-" and _word_value(doc[k + 1]) is not None:
            last = k + 1
        elif (
            k + 1 < len(doc)
            and doc[k].lower_ == "and"
            and doc[last].lower_ in word_class("and_multiplier")
            and _word_value(doc[k + 1]) is not None
        ):
            last = k + 1
        else:
            break
    values = [v for t in doc[first : last + 1] if (v := _word_value(t)) is not None]
    if len(values) < 2:
        return None
    return _compose(values), first, last


def _compose(values: list[int]) -> int:
    """[1, 100, 12] -> 112; [30, 1] -> 31; [2, 1000, 5, 100] -> 2500."""
    total, current = 0, 0
    for v in values:
        if v == 100:
            current = max(current, 1) * 100
        elif v >= 1000:
            total += max(current, 1) * v
            current = 0
        else:
            current += v
    return total + current


def count_phrase(head: Token) -> tuple[int | None, int | None, int | None, str, int, int]:
    """Count the people a noun phrase names. Conjuncts are added; vague words coded."""
    while (
        head.dep_ == "conj"
        and head.head.i != head.i
        and head.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON")
    ):
        head = head.head  # count the whole list from its first member
    total: int | None = None
    lows: list[int] = []
    highs: list[int] = []
    qualifier = "exact"
    start, end = head.idx, head.idx + len(head.text)
    for part in [head] + [c for c in head.conjuncts if c.i > head.i]:
        v, lo, hi, q, s, e = _count_one(part)
        if v is None:
            continue
        total = (total or 0) + v
        lows.append(lo if lo is not None else v)
        highs.append(hi if hi is not None else v)
        if q != "exact":
            qualifier = q
        start, end = min(start, s), max(end, e)
    if total is None or total > MAX_COUNT:
        return None, None, None, "exact", start, end
    low, high = sum(lows), sum(highs)
    if low != high:
        return low, low, high, "range", start, end
    return total, None, None, qualifier, start, end


def part_of_a_date(tok: Token) -> bool:
    """A month's name, or a number beside one (its day or year: "Around 8 May 2020",
    "May 8"): never people counted, though the parser may take it for the subject of
    "was found dead"."""
    if tok.lower_.rstrip(".") in MONTHS:
        return True
    doc = tok.doc
    near = [doc[i].lower_.rstrip(".") for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    return tok.like_num and any(w in MONTHS for w in near)


def animal_noun(tok: Token) -> bool:
    """Animals counted ("40 cattle", "500 goats"): never people, so never a toll."""
    animals = word_class("animal_noun")
    return tok.lemma_.lower() in animals or tok.lower_ in animals


def _count_one(tok: Token) -> tuple[int | None, int | None, int | None, str, int, int]:
    lower = tok.lower_
    if lower == "number" or animal_noun(tok):
        # "an unknown number"; "raiders killed 40 cattle and two herders" counts the herders
        return None, None, None, "exact", tok.idx, tok.idx + len(tok.text)
    if any(c.lower_ in word_class("zero_word") for c in tok.children) or (
        tok.i > 0 and tok.nbor(-1).lower_ == "no"
    ):
        return 0, None, None, "exact", tok.idx, tok.idx + len(tok.text)  # "no one"
    if tok.like_num or (tok.pos_ == "NUM") or lower in word_class("vague_count"):
        v, lo, hi, q, s, e = _count_number_token(tok)
        if v is not None:
            return v, lo, hi, q, s, e
    for c in tok.children:
        if c.dep_ == "nummod" or (c.like_num and c.dep_ in ("compound", "amod", "quantmod")):
            v, lo, hi, q, s, e = _count_number_token(c)
            if v is not None:
                return v, lo, hi, q, min(s, tok.idx), max(e, tok.idx + len(tok.text))
    for c in tok.children:
        if c.dep_ == "det" and c.lower_ in word_class("zero_word"):
            return 0, None, None, "exact", c.idx, tok.idx + len(tok.text)
        if (
            c.dep_ in ("amod", "det")
            and c.lower_ in quantity_words()
            and c.lower_ not in word_class("not_count_modifier")
        ):
            v = quantity_words()[c.lower_]
            return v, None, None, "about", c.idx, tok.idx + len(tok.text)
    if (tok.tag_ in ("NN", "NNP") or lower == "old") and any(
        c.dep_ == "det" and c.lower_ in word_class("indefinite") for c in tok.children
    ):
        # "a local NGO staff"; "a 24-year-old", which the parser tags an adjective
        return 1, None, None, "exact", tok.idx, tok.idx + len(tok.text)
    if lower in word_class("one_person_pronoun"):
        return 1, None, None, "exact", tok.idx, tok.idx + len(tok.text)
    if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
        # The whole name is the evidence: "Bilal Hasan al-Jasim", not "Jasim".
        first = tok
        while first.i > 0 and (
            tok.doc[first.i - 1].ent_type_ == "PERSON"
            or (tok.doc[first.i - 1].dep_ == "compound" and tok.doc[first.i - 1].pos_ == "PROPN")
        ):
            first = tok.doc[first.i - 1]
        return 1, None, None, "exact", first.idx, tok.idx + len(tok.text)
    if (
        lower in word_class("collective_person")
        and tok.head.pos_ in ("VERB", "AUX")
        and any(c.lower_ in word_class("singular_aux") for c in tok.head.children)
    ):
        return 1, None, None, "exact", tok.idx, tok.idx + len(tok.text)  # "UN staff was shot"
    if tok.pos_ == "NOUN" and tok.tag_ == "NN" and lower not in word_class("plural_person"):
        # A singular person noun: "a soldier", "the commander", "his son".
        return 1, None, None, "exact", tok.idx, tok.idx + len(tok.text)
    return None, None, None, "exact", tok.idx, tok.idx + len(tok.text)


def number_word(text: str) -> int | None:
    """ "12", "1,200", "ten", "twenty-one" as an int; None for other words."""
    text = text.lower().replace(",", "")
    if _NUMERAL.fullmatch(text):
        value = numeral(text)
        return None if value is None or "." in text else int(value)
    words = quantity_words()
    if text in words and text not in word_class("not_number_word"):
        return words[text]
    parts = [words.get(p) for p in text.split("-")]
    if len(parts) > 1 and all(p is not None for p in parts):
        return sum(parts)  # type: ignore[arg-type]
    return None
