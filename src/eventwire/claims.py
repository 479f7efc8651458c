"""Claims: campaign figures and other numeric statements that are not single events.

"Over 100 strikes", "more than 300 ISIS operatives captured in the past year", "2 million
people displaced since the war began", "the group has about 3,000 fighters". The mentions
stage refuses such running totals as events (``coding.factuality.is_aggregate``, with its period
words ``coding.factuality.PERIOD``); this stage keeps them, each with:

* the number as written, its qualifier (``data/qualifiers.tsv``) or range;
* what is counted, with the act: "ISIS infrastructure and weapons sites struck";
* who did it (an ACLED-style actor name), the period ("in the past year"), who makes
  the claim (the speaker of the quotation or reported speech it sits in: "CENTCOM"), and
  the article's date.

One figure told twice ("over 100 strikes" in the lead, "strikes on more than 100 sites"
later) is one claim whose evidence lists both tellings. Acts beyond the event triggers,
and how they are written after what they count, are in ``data/claims.tsv``.

>>> [(c.qualifier, c.value, c.counted) for c in find_claims(doc, actors, quotes)]  # doctest: +SKIP
[('more than', 300, 'ISIS operatives captured')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from . import actors as act
from .actors import ActorMention
from .coding.factuality import PERIOD, is_aggregate
from .coding.numbers import MAX_COUNT, number_value, numeral, quantity_words
from .coding.records import TriggerHit
from .coding.triggers import match_triggers
from .coding.words import word_class
from .lexicon import match_phrase, phrase_index, read_table, token_forms
from .reading import ArticleView, reading_words
from .records import Claim, Quote, Span

# Entity labels whose numbers are not counts: dates, times, money, shares, measures.
_NOT_COUNTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
_RANGE = re.compile(r"(\d[\d,.]*)\s*(?:-|–|to|and)\s*(\d[\d,.]*)$")


@functools.lru_cache(maxsize=1)
def _scales() -> dict[str, int]:
    """Number words that multiply the number before them, with their values ("2.3 million")."""
    return {w: quantity_words()[w] for w in reading_words("scale_word")}


@dataclass(slots=True)
class _Telling:
    """One telling of a figure in one sentence."""

    value: int
    low: int | None
    high: int | None
    qualifier: str
    counted: str
    action: str
    actor: str | None = None
    period: str | None = None
    period_rank: int = 9  # 0: the period hangs on the act itself
    claimant: str | None = None
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def claim_words() -> dict[str, dict[str, str]]:
    """``data/claims.tsv`` by lemma."""
    return {r["lemma"]: r for r in read_table("claims.tsv")}


@functools.lru_cache(maxsize=1)
def qualifiers() -> dict[str, tuple[tuple[tuple[str, ...], dict], ...]]:
    return phrase_index("qualifiers.tsv", "phrase")


def find_claims(
    doc: Any,
    actors: list[ActorMention],
    quotes: Sequence[Quote] = (),
    published: str | None = None,
    context: tuple[str | None, str | None, int | None] = (None, None, None),
) -> list[Claim]:
    """The claims of a parsed article, first telling first, with merged evidence.

    ``context`` is (country, iso2, year) for naming actors as the events are named.
    """
    words = quantity_words()
    vague = word_class("vague_plural")
    # Only number-like words make Token objects: the rest of the article is skipped.
    maybe = [
        i
        for i, (low, _) in enumerate(token_forms(doc))
        if low[:1].isdigit() or low in words or low in vague
    ]
    numbers = [doc[i] for i in maybe if _is_count(doc[i])]
    if not numbers:
        return []
    reader = _FigureReader(doc, actors, quotes, context)
    tellings = [t for n in numbers if (t := reader.telling(n)) is not None]
    return [_claim(group, reader.text, published) for group in _merge(tellings)]


def _is_count(tok: Any) -> bool:
    """A number token that heads its number phrase and is not a date, money or a measure."""
    low, vague = tok.lower_, word_class("vague_plural")
    if tok.ent_type_ in _NOT_COUNTS or low in reading_words("too_small"):
        return False
    if not (tok.like_num or low in vague or low in quantity_words()):
        return False
    if tok.pos_ not in ("NUM", "NOUN") and low not in vague:
        return False
    head = tok.head
    if (
        head.i != tok.i
        and (head.like_num or head.lower_ in _scales() or head.lower_ in vague)
        and tok.dep_ in ("compound", "quantmod", "nummod", "conj")
    ):
        # "2.3" of "2.3 million", "450" of "between 400 and 450": read from the head.
        return False
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in vague:
        return False  # "thousands" of "tens of thousands": read from "tens"
    return tok.dep_ != "compound" or tok.head.pos_ in ("NUM",)


class _FigureReader(ArticleView):
    """The article read for its campaign figures: which number tells which count of
    what, by whom, over which period, claimed by whom."""

    def __init__(
        self,
        doc: Any,
        actors: list[ActorMention],
        quotes: Sequence[Quote],
        context: tuple[str | None, str | None, int | None],
    ) -> None:
        super().__init__(doc, actors, (), context)
        self.quotes = quotes
        self.hit_at: dict[int, TriggerHit] = {}
        for h in match_triggers(doc):
            for i in range(h.i, h.j):
                self.hit_at[i] = h
        self.words = claim_words()
        self._periods: dict[int, list[tuple[int, int, Any]]] = {}

    # -- one telling

    def telling(self, num: Any) -> _Telling | None:
        value, low, high, qualifier, span = self.number(num)
        if value is None:
            return None
        unit, slot = _unit(num)
        act_tok = self._act(unit, slot)
        if act_tok is None:
            return None
        sent = num.sent
        kind = self._kind(act_tok, unit, sent)
        if kind is None:
            return None
        lemma = act_tok.lemma_.lower()
        counted, counted_span = self._counted(unit, act_tok, num)
        t = _Telling(value, low, high, qualifier, counted, lemma)
        t.spans["value"] = [span]
        if unit is not None:
            t.spans["counted"] = [counted_span]
        t.spans["action"] = [(act_tok.idx, act_tok.idx + len(act_tok.text))]
        period = self._period(sent, act_tok, num)
        if period is not None:
            t.period, s, t.period_rank = period
            t.spans["period"] = [s]
        quote = self._quote_of(num, sent)
        if quote is not None:
            t.claimant = quote.speaker
            who_span = quote.evidence.get("speaker", quote.evidence["text"])[-1]
            t.spans["claimant"] = [(who_span.start, who_span.end)]
        doer = _doer(act_tok)
        if doer is not None and unit is not None and doer.i == unit.i:
            doer = None  # "2 million people have fled": the people counted are not actors
        actor = self._name_actor(doer) if doer is not None else None
        if doer is not None and quote is not None and _own_side(doer, quote):
            # "we have arrested 212", "our fighters have destroyed 37": the speaker's side,
            # over what the bare noun says ("fighters").
            side = self._speaker_side(quote)
            if side is not None and (actor is None or self._generic(doer)):
                actor = side
        if actor is not None:
            t.actor, s = actor
            t.spans["actor"] = [s]
        return t

    def number(self, num: Any) -> tuple[int | None, int | None, int | None, str, tuple[int, int]]:
        """(value, low, high, qualifier, span) of the number phrase headed by ``num``."""
        vague, scales = word_class("vague_plural"), _scales()
        parts = [
            c
            for c in num.children
            if c.i < num.i
            and c.dep_ in ("compound", "nummod", "quantmod")
            and (c.like_num or c.lower_ in quantity_words())
            and c.lower_ not in reading_words("too_small")  # "some 1,200": a qualifier, not a part
        ]
        value = _value(num)
        of = next((c for c in num.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
        if value is not None and inner is not None and inner.lower_ in vague:
            value *= _value(inner) or 1  # "tens of thousands": 10 x 1,000, ACLED's reading
        if (num.lower_ in scales or num.lower_ in vague) and parts:
            base = _value(parts[-1])  # "2.3 million", "tens of thousands" (10 x 1,000)
            scale = scales.get(num.lower_) or _value(num) or 1
            value = base * scale if base is not None else value
        elif (
            num.i + 1 < len(self.doc)
            and self.doc[num.i + 1].lower_ in scales
            and self.doc[num.i + 1].head.i == num.i
            and value is not None
        ):
            value *= scales[self.doc[num.i + 1].lower_]
        if value is None or value <= 1 or value > MAX_COUNT:  # "9 billion million": no count
            return None, None, None, "exact", (0, 0)
        first = min([num.i, *(p.i for p in parts)])
        start, end = self.doc[first].idx, num.idx + len(num.text)
        if inner is not None and inner.lower_ in vague:
            end = inner.idx + len(inner.text)
        upper = next((c for c in num.children if c.dep_ == "conj" and c.like_num), None)
        high = _value(upper) if upper is not None else None
        if upper is not None and high is not None and high > value:  # "between 400 and 450"
            if first > 0 and self.doc[first - 1].lower_ == "between":
                start = self.doc[first - 1].idx
            return int(value), int(value), int(high), "range", (start, upper.idx + len(upper.text))
        lo_i = max(first - 5, num.sent.start)
        window = self.text[self.doc[lo_i].idx : end]
        m = _RANGE.search(window)
        if m and m.group(2).replace(",", "") == num.text.replace(",", ""):
            a, b = _float(m.group(1)), _float(m.group(2))
            if a is not None and b is not None and a < b:
                start = self.doc[lo_i].idx + m.start()
                q_start = self._qualifier_start(self.token_at(start).i)
                if q_start is not None and self.doc[q_start].lower_ == "between":
                    start = self.doc[q_start].idx
                return int(a), int(a), int(b), "range", (start, end)
        qualifier = "exact"
        q = self._qualifier(first)
        if q is not None:
            qualifier, k = q
            start = self.doc[k].idx
        elif num.lower_ in vague:
            qualifier = "at least"  # "hundreds of strikes": at least the coded value
        return int(value), None, None, qualifier, (start, end)

    def _qualifier(self, first: int) -> tuple[str, int] | None:
        """The qualifier phrase that ends right before token ``first``: (qualifier, its start)."""
        for k in range(max(first - 4, 0), first):
            hit = match_phrase(qualifiers(), self.forms, k)
            if hit is not None and hit[0] == first:
                return hit[1]["qualifier"], k
        return None

    def _qualifier_start(self, i: int) -> int | None:
        return i - 1 if i > 0 and self.doc[i - 1].lower_ == "between" else None

    # -- the act and its kind

    def _is_act(self, tok: Any) -> bool:
        return tok.i in self.hit_at or self._row(tok) is not None

    def _row(self, tok: Any) -> dict[str, str] | None:
        """The claims.tsv row of a token, if the word is an act in this part of speech."""
        row = self.words.get(tok.lemma_.lower())
        if row is None or row["kind"] == "unit":
            return None
        want = "noun" if tok.pos_ in ("NOUN", "PROPN") else "verb"
        return row if row["pos"] in (want, "both") else None

    def _act(self, unit: Any | None, slot: Any) -> Any | None:
        """The act a number counts: the counted noun itself ("100 strikes") or what governs it."""
        row = self._row(unit) if unit is not None else None
        if unit is not None and unit.pos_ == "NOUN" and row is not None and row["kind"] == "event":
            return unit
        cur = slot
        for _ in range(4):
            if cur.dep_ == "conj" and cur.head.i != cur.i:
                cur = cur.head  # "captured 300 operatives and 20 commanders"
            elif (
                cur.dep_ == "pobj"
                and cur.head.lower_ == "of"
                and cur.head.head.lemma_.lower() in reading_words("total_noun")
            ):
                cur = cur.head.head  # "recaptured a total of 34 villages"
            else:
                break
        head = cur.head
        if cur.dep_ in ("dobj", "nsubjpass", "nsubj", "attr", "oprd", "npadvmod"):
            if self._is_act(head):
                return head
            # "had fewer than 100 fighters left": the clause hangs on the verb that counts.
            if head.dep_ in ("ccomp", "xcomp") and self._is_act(head.head):
                return head.head
            return None
        if cur.dep_ == "pobj":
            prep = head
            if prep.lower_ in reading_words("act_preposition") and self._is_act(prep.head):
                return prep.head
        return None

    def _row_kind(self, tok: Any) -> str | None:
        row = self.words.get(tok.lemma_.lower())
        return row["kind"] if row else None

    def _kind(self, act_tok: Any, unit: Any | None, sent: Any) -> str | None:
        """Why this figure is a claim (aggregate, period, strength), or None: an event's count."""
        hit = self.hit_at.get(act_tok.i)
        if hit is not None:
            return "aggregate" if is_aggregate(hit, self.doc, sent) else None
        kind = self._row_kind(act_tok)
        if kind == "strength":
            return "strength" if unit is not None and self._row_kind(unit) == "unit" else None
        if kind in ("event", "other"):
            perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in act_tok.children)
            if perfect or self._period(sent, act_tok, act_tok) is not None:
                return "period"
        return None

    # -- what is counted

    def _counted(self, unit: Any | None, act_tok: Any, num: Any) -> tuple[str, tuple[int, int]]:
        row = self.words.get(act_tok.lemma_.lower())
        if act_tok.tag_ in ("VBN", "VBD") and act_tok.pos_ == "VERB":
            done = act_tok.lower_
        elif row and row["participle"] != "-":
            done = row["participle"]
        else:
            done = act_tok.lemma_.lower()
        if unit is None:
            return done, (act_tok.idx, act_tok.idx + len(act_tok.text))
        toks = _noun_phrase(unit, num, with_preps=unit.i == act_tok.i)
        hit = self.hit_at.get(unit.i)
        if hit is not None and hit.i < toks[0].i:  # "drone strikes" is one trigger
            toks = [*self.doc[hit.i : toks[0].i], *toks]
        words = _words(toks)
        span = (toks[0].idx, toks[-1].idx + len(toks[-1].text))
        if unit.i == act_tok.i or (row and row["kind"] == "strength"):
            return words, span
        return f"{words} {done}", span

    # -- who did it

    def _speaker_side(self, quote: Quote) -> tuple[str, tuple[int, int]] | None:
        """The organisation a quoted speaker belongs to, named as the events name actors."""
        org = next(iter(quote.evidence.get("organisation", [])), None)
        if org is None:
            return None
        inside = [
            m
            for i in range(self.token_at(org.start).i, self.token_at(max(org.end - 1, 0)).i + 1)
            if (m := self.actor_at.get(i)) is not None
        ]
        inside.sort(key=lambda m: m.entry is not None and m.entry.generic)
        m = inside[0] if inside else None
        if m is not None:
            country, iso2, year = self.context
            return act.resolve(m, country, iso2, year).name, (org.start, org.end)
        return org.text, (org.start, org.end)

    def _generic(self, head: Any) -> bool:
        """Whether the actors a phrase names are all generic ("fighters", "troops")."""
        found = [m for t in head.subtree if (m := self.actor_at.get(t.i)) is not None]
        return all(m.entry is None or m.entry.generic for m in found)

    def _name_actor(self, head: Any) -> tuple[str, tuple[int, int]] | None:
        if head.lower_ in reading_words("relative_pronoun") and head.head.dep_ == "relcl":
            head = head.head.head
        toks = [t for t in head.subtree if t.dep_ not in ("relcl", "acl", "appos")]
        toks = [
            t
            for t in toks
            if not any(
                a.dep_ in ("relcl", "acl", "appos", "prep") and a.i != head.i
                for a in _path(t, head)
            )
        ]
        mentions = []
        for t in toks:
            m = self.actor_at.get(t.i)
            if m is not None and m not in mentions:
                mentions.append(m)
        mentions.sort(key=lambda m: (m.entry is not None and m.entry.generic, m.tok_start))
        country, iso2, year = self.context
        if mentions:
            m = mentions[0]
            return act.resolve(m, country, iso2, year).name, (m.start, m.end)
        # "US and partner forces": a country named with forces means its forces.
        if any(t.lemma_.lower() in reading_words("force_noun") for t in toks):
            for t in toks:
                if t.ent_type_ in ("GPE", "NORP"):
                    found = act.find_actor_mentions_in_tokens(
                        [t.text, "forces"], [0, len(t.text) + 1]
                    )
                    if found and found[0].tok_end == 2:
                        return act.resolve(found[0], country, iso2, year).name, (
                            t.idx,
                            t.idx + len(t.text),
                        )
        return None

    # -- when and who says so

    def periods(self, sent: Any) -> list[tuple[int, int, Any]]:
        """The period phrases of a sentence: (start, end, root token), from
        ``coding.factuality.PERIOD``."""
        if sent.start in self._periods:
            return self._periods[sent.start]
        out: list[tuple[int, int, Any]] = []
        for m in PERIOD.finditer(self.text, sent.start_char, sent.end_char):
            s, e = m.start(), m.end()
            if out and not self.text[out[-1][1] : s].strip():
                s = out.pop()[0]  # "so far" + "this year": one period
            tok = self.token_at(s)
            if m.group().lower().endswith(" of"):
                # "during a week of protests": up to what the time is of, not its details.
                of = self.token_at(e - 2)
                obj = next((c for c in of.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    e = obj.idx + len(obj.text)
                out.append((s, e, tok))
                continue
            root = tok
            for _ in range(4):
                sub = list(root.subtree)
                if sub[-1].idx + len(sub[-1].text) >= e or root.head.i == root.i:
                    break
                root = root.head
            sub = list(root.subtree)
            # "since the war began in April": a temporal clause is a period as a whole.
            clause = tok.dep_ == "mark" and tok.head.i == root.i
            if (
                (root.pos_ in ("VERB", "AUX") and root.dep_ != "pcomp" and not clause)
                or len(sub) > 12
                or sub[0].idx > s
            ):
                out.append((s, e, tok))
            else:
                out.append((sub[0].idx, sub[-1].idx + len(sub[-1].text), root))
        self._periods[sent.start] = out
        return out

    def _period(self, sent: Any, act_tok: Any, num: Any) -> tuple[str, tuple[int, int], int] | None:
        found = self.periods(sent)
        if not found:
            return None
        chain = {act_tok.i, *(a.i for a in act_tok.ancestors)}
        if act_tok.dep_ in ("dobj", "pobj", "conj"):
            chain.add(act_tok.head.i)

        def rank(p: tuple[int, int, Any]) -> tuple[int, int]:
            s, _, root = p
            attached = root.head.i in chain or root.i in chain
            return (0 if attached else 1, abs(s - num.idx))

        s, e, root = min(found, key=rank)
        attached = rank((s, e, root))[0]
        if attached and _clause(root).i != _clause(act_tok).i:
            return None  # "..., adding that 500,000 had crossed": another clause's period
        return self.text[s:e], (s, e), attached

    def _quote_of(self, num: Any, sent: Any) -> Quote | None:
        """The quotation or reported clause holding the number (its speaker is the claimant),
        else one attributed in the same sentence."""
        pos = num.idx
        best = None
        for q in self.quotes:
            if q.speaker is None:
                continue
            span = q.evidence["text"][0]
            if span.start <= pos < span.end:
                return q
            cue = next(iter(q.evidence.get("cue", [])), None)
            if best is None and cue is not None and sent.start_char <= cue.start < sent.end_char:
                best = q
        return best


def _value(tok: Any) -> float | None:
    """A number token's value, decimals kept ("2.3"), words read by
    ``coding.numbers.number_value``."""
    v = _float(tok.text)
    if v is not None:
        return v
    n = number_value(tok)
    return float(n) if n is not None else None


def _float(text: str) -> float | None:
    # A figure too large to be a count is no figure (``coding.numbers.MAX_COUNT``).
    return numeral(text)


def _unit(num: Any) -> tuple[Any | None, Any]:
    """(the noun a number counts or None, the token that stands in its clause)."""
    head = num.head
    if num.dep_ in ("nummod", "quantmod", "amod") and head.pos_ in ("NOUN", "PROPN"):
        while head.dep_ in ("nmod", "compound", "amod") and head.head.pos_ == "NOUN":
            head = head.head  # "600 air and ground operations": the number counts operations
        return head, head
    for c in num.children:
        if c.dep_ == "prep" and c.lower_ == "of":  # "dozens of raids", "hundreds of fighters"
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and objs[-1].lower_ in word_class("vague_plural"):
                return _unit(objs[-1])[0], num  # "tens of thousands of people"
            if objs:
                return objs[-1], num  # "of drone strikes" may hang both nouns on "of"
    if (
        num.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in reading_words("number_preposition")
    ):
        return None, _Object(head)  # "killed over 20"
    return None, num


class _Object:
    """ "killed over 20": spaCy hangs the number on "over"; it stands as the verb's object."""

    def __init__(self, prep: Any) -> None:
        self.dep_ = "dobj"
        self.head = prep.head
        self.i = prep.i


def _noun_phrase(unit: Any, num: Any, with_preps: bool) -> list[Any]:
    """What is counted, without the number, determiners, clauses or places."""
    skip = {t.i for t in num.subtree} | {num.i}
    keep = [unit]
    for c in unit.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "punct") and c.i not in skip:
            keep.extend(t for t in c.subtree if t.i not in skip)
    for c in unit.rights:
        # "90 missiles and drones": one count of both; "300 operatives and 20 commanders"
        # are two.
        if (
            c.dep_ == "conj"
            and c.pos_ == "NOUN"
            and not any(g.like_num or g.dep_ == "nummod" for g in c.children)
        ):
            keep.extend(
                t
                for t in c.subtree
                if t.i not in skip
                and t.dep_ not in ("prep",)
                and not any(a.dep_ == "prep" for a in _path(t, c))
            )
            keep.extend(t for t in unit.rights if t.dep_ == "cc" and t.i < c.i)
            break
    if with_preps:
        for c in unit.rights:
            if c.dep_ == "prep" and c.lower_ in reading_words("act_preposition"):
                sub = [t for t in c.subtree if t.dep_ not in ("relcl", "acl")]
                if not any(t.i in skip for t in sub):
                    keep.extend(sub)
                break
    keep = sorted({t.i: t for t in keep}.values(), key=lambda t: t.i)
    while keep and (keep[0].is_punct or keep[0].dep_ == "det" or keep[0].i in skip):
        keep = keep[1:]
    while keep and keep[-1].is_punct:
        keep = keep[:-1]
    # Keep one run around the unit (a comma or a gap ends it).
    if not keep:
        return [unit]
    k = next(i for i, t in enumerate(keep) if t.i == unit.i)
    lo, hi = k, k
    while lo > 0 and keep[lo - 1].i == keep[lo].i - 1:
        lo -= 1
    while hi + 1 < len(keep) and keep[hi + 1].i == keep[hi].i + 1 and keep[hi + 1].text != ",":
        hi += 1
    return keep[lo : hi + 1]


def _words(toks: list[Any]) -> str:
    """The tokens as text, quotation marks dropped and spacing kept."""
    out = ""
    for t in toks:
        if t.is_quote or t.text in "\"“”‘’'":
            if t.whitespace_ and out and not out.endswith(" "):
                out += " "
            continue
        out += t.text + t.whitespace_
    return " ".join(out.split())


def _path(tok: Any, top: Any) -> list[Any]:
    out = []
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        out.append(cur)
        cur = cur.head
    return out


def _doer(act_tok: Any) -> Any | None:
    """The subject of the act: its agent, its owner ("the army's raids"), or the doer of the
    verb it is the object of ("forces have conducted strikes"), of a raising verb ("ADF is
    believed to have ...") or of a charge ("accused the group of looting ...")."""
    cur = act_tok
    raised = False
    for _ in range(4):
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in cur.children)
        for c in cur.children:
            if c.dep_ == "agent":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
            if c.dep_ == "nsubj" and not passive:
                return c
            if c.dep_ == "nsubjpass" and raised:
                return c
            if (
                cur.pos_ == "NOUN"
                and c.dep_ in ("poss", "compound", "amod")
                and c.i < cur.i
                and (c.ent_type_ in ("ORG", "NORP", "GPE") or c.pos_ == "PROPN")
            ):
                return c
            if cur.pos_ == "NOUN" and c.dep_ == "prep" and c.lower_ == "by":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        if cur.dep_ == "pcomp" and cur.head.lower_ in reading_words("charge_preposition"):
            charged = cur.head.head  # "accused [the group] of looting", "the group [of] ..."
            if charged.pos_ in ("NOUN", "PROPN"):
                return charged
            obj = next((c for c in charged.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        if cur.dep_ in ("conj", "dobj", "xcomp", "pobj", "prep", "advcl") and cur.head.i != cur.i:
            raised = cur.dep_ == "xcomp"
            cur = cur.head
            continue
        return None
    return None


def _own_side(doer: Any, quote: Quote) -> bool:
    """ "we"/"our forces" in a quotation, "it"/"they"/"his forces" in a group's or a person's
    reported words ("the army said it had struck ..."): the speaker's own side."""
    words = {doer.lower_} | {c.lower_ for c in doer.children if c.dep_ == "poss"}
    if words & reading_words("own_side"):
        return True
    if quote.direct:
        return False
    group_speaker = quote.speaker is not None and quote.speaker == quote.organisation
    group_words = reading_words("group_pronoun", "group_possessive")
    return bool(words & group_words and group_speaker) or bool(
        words & reading_words("person_possessive")
    )


def _clause(tok: Any) -> Any:
    """The verb heading a token's clause: one with a subject of its own, or the main one
    (a gerund or a verb conjoined without a subject belongs to the clause above it)."""
    cur = tok
    for _ in range(10):
        if cur.pos_ in ("VERB", "AUX") and (
            cur.dep_ in ("ROOT", "ccomp", "relcl", "parataxis")
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cur.children)
        ):
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _merge(tellings: list[_Telling]) -> list[list[_Telling]]:
    """Tellings of one figure (same number, qualifier and act) grouped, first telling first."""
    groups: dict[tuple, list[_Telling]] = {}
    for t in tellings:
        groups.setdefault((t.value, t.low, t.high, t.qualifier, t.action), []).append(t)
    return list(groups.values())


def _claim(group: list[_Telling], text: str, published: str | None) -> Claim:
    first = group[0]
    # The fullest telling names what is counted best: "ISIS operatives captured", not
    # "operatives captured".
    counted = max(group, key=lambda t: len(t.counted.split())).counted
    claim = Claim(
        first.value,
        first.qualifier,
        first.low,
        first.high,
        counted,
        first.action,
        report_date=published,
    )
    for name in ("actor", "claimant"):
        setattr(claim, name, next((getattr(t, name) for t in group if getattr(t, name)), None))
    timed = [t for t in group if t.period is not None]
    if timed:
        claim.period = min(timed, key=lambda t: t.period_rank).period
    for t in group:
        for k, spans in t.spans.items():
            claim.evidence.setdefault(k, []).extend(Span.of(text, s, e) for s, e in spans)
    return claim
