"""Quotes: what was said in an article, and who said it.

Direct quotations are found by their marks (straight, curly and single quotes, a quotation
running over paragraphs), then given a speaker from the words around them:

* named before: "CENTCOM Commander General Brad Cooper emphasized in a statement, '...'";
* named after: "'...,' said the governor", "'...,' Cooper told reporters";
* by pronoun: "'...,' he said" is the last person named before the quotation;
* by source: "According to CENTCOM, the man was 'directly connected with ...'";
* a quotation with no attribution that follows another one continues its speaker.

Reported speech ("CENTCOM stated that ...", "..., police said") is kept as indirect
(``direct=False``), its text the reported clause. Speech words are in ``data/speech.tsv``;
roles and organisations come from the people stage. Scare quotes and titles (a few words
inside a noun phrase, no speaker) are not quotes.

>>> [(q.speaker, q.direct) for q in find_quotes(doc, actors, people)]  # doctest: +SKIP
[('Brad Cooper', True), ('CENTCOM', False)]
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field
from typing import Any

from .actors import ActorMention
from .lexicon import read_table
from .people import Person, by_token, last_person_before, role_ending_at
from .records import Quote, Span

_OPEN_DOUBLE = '"“„«'
_CLOSE_DOUBLE = '"”»'
_PRONOUNS_PERSON = {"he", "she", "him", "her"}
_PRONOUNS_GROUP = {"it", "they"}
_RELATIVE = {"who", "which", "that"}
# Fewer words than this, with no speaker and no closing punctuation, is a scare quote.
_MIN_WORDS = 4
# Nouns that stand for a source's words: their owner is the speaker ("a UN report said").
_SOURCE_NOUNS = {"report", "video", "document", "letter", "post", "message", "study", "tweet"}


@dataclass(slots=True)
class Speaker:
    """Who said something, and the characters that say so."""

    name: str
    spans: list[tuple[int, int]]
    role: str | None = None
    role_span: tuple[int, int] | None = None
    organisation: str | None = None
    org_span: tuple[int, int] | None = None
    how: str = ""  # pronoun, or empty when named where it was found


@dataclass(slots=True)
class _Mark:
    """A direct quotation: the marks at ``open``/``close``, the words at ``start:end``."""

    open: int
    close: int
    start: int
    end: int
    speaker: Speaker | None = None
    attribution: str | None = None
    cue: tuple[int, int] | None = None
    partial: bool = False
    extra: list[tuple[int, int]] = field(default_factory=list)


@functools.lru_cache(maxsize=1)
def speech_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(verb lemmas, source prepositions, speech nouns) of ``data/speech.tsv``."""
    rows = read_table("speech.tsv")
    by = {
        k: frozenset(r["phrase"] for r in rows if r["kind"] == k) for k in ("verb", "prep", "noun")
    }
    return by["verb"], by["prep"], by["noun"]


# ---------------------------------------------------------------------------- marks


def quote_marks(text: str) -> list[tuple[int, int]]:
    """(opening mark, closing mark) character positions of the quotations in ``text``.

    Double quotes pair within a paragraph; one left open runs to the paragraph's end (the
    wire convention for a quotation over several paragraphs), its closing position then
    being the paragraph's end. Single quotes count only outside double-quoted text, and an
    apostrophe (inside a word, or a plural possessive) does not close a quotation.
    """
    out: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        doubles = _doubles(para)
        out.extend((pos + a, pos + b) for a, b in doubles)
        out.extend((pos + a, pos + b) for a, b in _singles(para, doubles))
        pos += len(para) + 1
    out.sort()
    return out


def _doubles(para: str) -> list[tuple[int, int]]:
    found = []
    opened: int | None = None
    for i, ch in enumerate(para):
        if ch == '"':
            if opened is None:
                opened = i
            else:
                found.append((opened, i))
                opened = None
        elif ch in _OPEN_DOUBLE and opened is None:
            opened = i
        elif ch in _CLOSE_DOUBLE and opened is not None:
            found.append((opened, i))
            opened = None
    if opened is not None and len(para[opened:].split()) >= _MIN_WORDS:
        found.append((opened, len(para)))
    return found


def _singles(para: str, inside: list[tuple[int, int]]) -> list[tuple[int, int]]:
    n = len(para)

    def outside(i: int) -> bool:
        return not any(a <= i <= b for a, b in inside)

    def opener(i: int) -> bool:
        return (
            para[i] in "'‘"
            and (i == 0 or para[i - 1].isspace() or para[i - 1] in "([{—–")
            and i + 1 < n
            and (para[i + 1].isalnum() or para[i + 1] == "…")
            and outside(i)
        )

    def closer(i: int) -> bool:
        return (
            para[i] in "'’"
            and i > 0
            and not para[i - 1].isspace()
            and (i + 1 == n or not para[i + 1].isalnum())
            and outside(i)
        )

    found = []
    i = 0
    while i < n:
        if not opener(i):
            i += 1
            continue
        closers = [j for j in range(i + 2, n) if closer(j)]
        # A closing mark after punctuation ("... hard,' he said") beats a plural possessive.
        good = [j for j in closers if para[j - 1] in ",.!?;:…"]
        plain = [j for j in closers if not (para[j - 1] == "s" and para[j + 1 : j + 2] == " ")]
        pick = good[0] if good else (plain[0] if plain else None)
        if pick is None:
            i += 1
            continue
        found.append((i, pick))
        i = pick + 1
    return found


# ---------------------------------------------------------------------------- stage


def find_quotes(doc: Any, actors: list[ActorMention], people: list[Person]) -> list[Quote]:
    """Direct and indirect quotations of a parsed article, in text order, with speakers."""
    text = doc.text
    finder = _Finder(doc, text, actors, people)
    marks = finder.direct()
    quotes = [finder.quote(m) for m in marks]
    quotes.extend(finder.indirect(marks))
    quotes.sort(key=lambda q: q.evidence["text"][0].start)
    return quotes


class _Finder:
    """The parse and lookups shared by the steps of ``find_quotes``."""

    def __init__(self, doc: Any, text: str, actors: list[ActorMention], people: list[Person]):
        from .lexicon import token_forms

        self.doc = doc
        self.text = text
        self.people = people
        self.starts = [t.idx for t in doc]
        self.forms = token_forms(doc)
        self.verbs, self.preps, self.nouns = speech_words()
        self.person_at: dict[int, Person] = by_token(people)
        self.actor_at: dict[int, ActorMention] = by_token(actors)
        self.groups = [m for m in actors if m.entry is None or not m.entry.generic]

    # -- positions

    def token_at(self, char: int) -> Any:
        k = max(bisect.bisect_right(self.starts, char) - 1, 0)
        return self.doc[k]

    def is_speech_verb(self, tok: Any) -> bool:
        return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.verbs

    # -- direct quotations

    def direct(self) -> list[_Mark]:
        marks: list[_Mark] = []
        for o, c in quote_marks(self.text):
            s, e = o + 1, c
            while s < e and self.text[s].isspace():
                s += 1
            while e > s and (self.text[e - 1].isspace() or self.text[e - 1] in ",;—–-"):
                e -= 1
            if e <= s:
                continue
            m = _Mark(o, c, s, e)
            words = len(self.text[s:e].split())
            m.partial = not (
                self.text[s].isupper() or self.text[s].isdigit() or self.text[s] in "…'‘\"“"
            )
            self._attribute(m, marks)
            full_stop = self.text[e - 1] in ".!?…" or self.text[c - 1 : c] in (",", ".", "?", "!")
            if words < _MIN_WORDS and not (full_stop and m.speaker is not None):
                continue  # a scare quote or a title: "infrastructure and weapons" sites
            marks.append(m)
        return marks

    def _attribute(self, m: _Mark, before: list[_Mark]) -> None:
        first = self.token_at(m.start)
        sent_open = first.sent
        after = self._after_tokens(m)
        # '"...," said the governor': the words right after the closing mark speak first.
        for tok in after[:6]:
            if self.is_speech_verb(tok):
                who = self._speaker_of_verb(tok, m)
                if who is not None:
                    self._set(m, who, "after", tok)
                    return
        before_toks = [t for t in sent_open if t.idx < m.open]
        for tok in reversed(before_toks):
            if self._inside_other(tok.idx, m):
                continue
            src = self._source_prep(tok)
            if src is not None:
                who = self.describe(src, m.open)
                if who is not None:
                    self._set(m, who, "according_to", tok)
                    return
            if self.is_speech_verb(tok):
                who = self._speaker_of_verb(tok, m)
                if who is not None:
                    self._set(m, who, "before", tok)
                    return
        if before_toks and before_toks[-1].text == ":":
            # "Cooper: '...'" or "The statement read: '...'"
            for tok in reversed(before_toks[:-1]):
                who = self.describe(tok, m.open)
                if who is not None:
                    self._set(m, who, "before", before_toks[-1])
                    return
        for tok in after:
            if self.is_speech_verb(tok):
                who = self._speaker_of_verb(tok, m)
                if who is not None:
                    self._set(m, who, "after", tok)
                    return
        prev = before[-1] if before else None
        if prev is not None and prev.speaker is not None and self._continues(prev, m):
            m.speaker = prev.speaker
            m.attribution = "continued"

    def _set(self, m: _Mark, who: Speaker, how: str, cue: Any) -> None:
        m.speaker = who
        m.attribution = who.how or how
        m.cue = (cue.idx, cue.idx + len(cue.text))

    def _after_tokens(self, m: _Mark) -> list[Any]:
        """Tokens after the closing mark up to the end of its sentence (or a short next one)."""
        if m.close >= len(self.text):
            return []
        last = self.token_at(m.close)
        sent = last.sent
        toks = [t for t in sent if t.idx > m.close]
        if not any(t.is_alpha for t in toks) and sent.end < len(self.doc):
            nxt = self.doc[sent.end].sent
            if (
                len(nxt) <= 12
                and nxt[0].text[:1].islower()
                or any(self.is_speech_verb(t) for t in nxt[:4])
            ):
                toks = list(nxt)
        cut = next((k for k, t in enumerate(toks) if t.text in _OPEN_DOUBLE), len(toks))
        return [t for t in toks[:cut] if "\n" not in t.text]

    def _inside_other(self, char: int, m: _Mark) -> bool:
        return m.open <= char <= m.close

    def _continues(self, prev: _Mark, m: _Mark) -> bool:
        """An unattributed quotation soon after another, with nobody else named between."""
        between = self.text[prev.close : m.open]
        if between.count("\n") > 2 or len(between) > 400:
            return False
        return not any(
            prev.close < p.start < m.open and p.name != prev.speaker.name  # type: ignore[union-attr]
            for p in self.people
        )

    def _source_prep(self, tok: Any) -> Any | None:
        """The source of "according to X", "quoting X", "citing X": X's head token."""
        low = tok.lower_
        if low == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
            to = self.doc[tok.i + 1]
            return next((c for c in to.children if c.dep_ == "pobj"), None)
        if low in self.preps:
            return next((c for c in tok.children if c.dep_ in ("dobj", "pobj")), None)
        return None

    def _speaker_of_verb(self, verb: Any, m: _Mark | None) -> Speaker | None:
        lo, hi = (m.open, m.close) if m is not None else (-1, -1)
        cur = verb
        for _ in range(4):
            for c in cur.children:
                if c.dep_ in ("nsubj", "nsubjpass") and not (lo <= c.idx <= hi):
                    who = self.describe(c, verb.idx)
                    if who is not None:
                        return who
                if c.dep_ == "agent":
                    for g in c.children:
                        who = self.describe(g, verb.idx)
                        if who is not None:
                            return who
            # "vowed retaliation, stating, '...'": the speaker is the governing verb's subject.
            if cur.dep_ in ("advcl", "xcomp", "acl", "conj", "pcomp", "dobj", "pobj", "prep"):
                cur = cur.head
                continue
            break
        # The parse gave no subject: the nearest speaker named next to the verb.
        sent = verb.sent
        order = sorted(
            (t for t in sent if not (lo <= t.idx <= hi) and t.i != verb.i),
            key=lambda t: (abs(t.i - verb.i), t.i < verb.i),
        )
        for t in order[:6]:
            if t.i in self.person_at or t.lower_ in _PRONOUNS_PERSON:
                return self.describe(t, verb.idx)
        return None

    # -- speakers

    def describe(self, tok: Any, pos: int) -> Speaker | None:
        """The speaker a subject token names: a person, a pronoun's antecedent, a group, a role."""
        if tok.lower_ in _RELATIVE and tok.dep_.startswith("nsubj") and tok.head.dep_ == "relcl":
            tok = tok.head.head
        low = tok.lower_
        if low in _PRONOUNS_PERSON:
            p = last_person_before(self.people, tok.idx)
            if p is None:
                return None
            who = self._person(p)
            who.spans.insert(0, (tok.idx, tok.idx + len(tok.text)))
            who.how = "pronoun"
            return who
        if low in _PRONOUNS_GROUP:
            g = next((a for a in reversed(self.groups) if a.end <= tok.idx), None)
            if g is None:
                return None
            return Speaker(
                g.text,
                [(tok.idx, tok.idx + len(tok.text)), (g.start, g.end)],
                organisation=g.text,
                org_span=(g.start, g.end),
                how="pronoun",
            )
        if tok.pos_ == "PRON":
            return None
        p = self.person_at.get(tok.i) or next(
            (self.person_at[t.i] for t in _np_tokens(tok) if t.i in self.person_at), None
        )
        if p is not None:
            return self._person(p)
        lemma = tok.lemma_.lower()
        if lemma in self.nouns or lemma in _SOURCE_NOUNS:
            # "a statement from US Central Command", "the army's statement": its owner speaks.
            for c in tok.children:
                if c.dep_ == "poss":
                    return self.describe(c, pos)
                if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                    g = next((x for x in c.children if x.dep_ == "pobj"), None)
                    if g is not None:
                        return self.describe(g, pos)
        a = self.actor_at.get(tok.i)
        if a is not None and (a.entry is None or not a.entry.generic):
            return Speaker(
                a.text, [(a.start, a.end)], organisation=a.text, org_span=(a.start, a.end)
            )
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        toks = _np_tokens(tok)
        s, e = toks[0], toks[-1]
        start, end = s.idx, e.idx + len(e.text)
        who = Speaker(self.text[start:end], [(start, end)])
        hit = role_ending_at(self.forms, tok.i + 1, s.i)
        if hit is not None and hit[1]["kind"] in ("function", "rank"):
            r0 = self.doc[hit[0]]
            who.role = " ".join(t.lower_.rstrip(".") for t in self.doc[hit[0] : tok.i + 1])
            who.role = tok.lemma_.lower() if hit[0] == tok.i else who.role
            who.role_span = (r0.idx, tok.idx + len(tok.text))
        for t in toks:
            g = self.actor_at.get(t.i)
            if g is not None and t.i != tok.i:
                who.organisation, who.org_span = g.text, (g.start, g.end)
                break
            if t.ent_type_ in ("ORG", "NORP", "GPE") and t.i != tok.i:
                ent = next(x for x in self.doc.ents if x.start <= t.i < x.end)
                who.organisation = ent.text
                who.org_span = (ent.start_char, ent.end_char)
                break
        if who.organisation is None and a is not None:
            who.organisation, who.org_span = a.text, (a.start, a.end)
        return who

    def _person(self, p: Person) -> Speaker:
        return Speaker(p.name, [(p.start, p.end)], p.role, p.role_span, p.organisation, p.org_span)

    # -- records

    def quote(self, m: _Mark) -> Quote:
        q = Quote(
            self.text[m.start : m.end], direct=True, partial=m.partial, attribution=m.attribution
        )
        q.evidence["text"] = [Span.of(self.text, m.start, m.end)]
        self._fill(q, m.speaker, m.cue)
        return q

    def _fill(self, q: Quote, who: Speaker | None, cue: tuple[int, int] | None) -> None:
        if cue is not None:
            q.evidence["cue"] = [Span.of(self.text, *cue)]
        if who is None:
            return
        q.speaker, q.role, q.organisation = who.name, who.role, who.organisation
        q.evidence["speaker"] = [Span.of(self.text, s, e) for s, e in who.spans]
        if who.role_span:
            q.evidence["role"] = [Span.of(self.text, *who.role_span)]
        if who.org_span:
            q.evidence["organisation"] = [Span.of(self.text, *who.org_span)]

    def indirect(self, marks: list[_Mark]) -> list[Quote]:
        """Reported speech: a speech verb with a clause, or "according to X, <clause>"."""
        out: list[Quote] = []
        taken: list[tuple[int, int]] = []

        def quoted(a: int, b: int) -> bool:
            return any(m.open <= b and a <= m.close for m in marks)

        for tok in self.doc:
            if quoted(tok.idx, tok.idx):
                continue
            clause: list[Any] | None = None
            who: Speaker | None = None
            cue = tok
            if self.is_speech_verb(tok) and not any(c.dep_ == "neg" for c in tok.children):
                comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
                if comp is not None:
                    clause = [t for t in comp.subtree]
                    who = self._speaker_of_verb(tok, None) if clause else None
            elif tok.lower_ == "according":
                src = self._source_prep(tok)
                if src is not None:
                    clause = _according_clause(tok)
                    who = self.describe(src, tok.idx)
            if not clause or who is None:
                continue
            while clause and (clause[0].dep_ == "mark" or clause[0].is_punct):
                clause = clause[1:]
            while clause and clause[-1].is_punct:
                clause = clause[:-1]
            if sum(t.is_alpha for t in clause) < 3:
                continue
            a, b = clause[0].idx, clause[-1].idx + len(clause[-1].text)
            if quoted(a, b) or any(s <= a and b <= e for s, e in taken):
                continue
            taken.append((a, b))
            q = Quote(self.text[a:b], direct=False, attribution=who.how or "indirect")
            q.evidence["text"] = [Span.of(self.text, a, b)]
            self._fill(q, who, (cue.idx, cue.idx + len(cue.text)))
            out.append(q)
        return out


def _according_clause(tok: Any) -> list[Any]:
    """What "according to X" attributes: the sentence on the far side of the phrase's comma."""
    sent = list(tok.sent)
    k = tok.i - tok.sent.start
    commas = [j for j, t in enumerate(sent) if t.text in (",", ";")]
    if not any(t.is_alpha for t in sent[:k]):  # "According to X, <clause>."
        after = [j for j in commas if j > k + 1]
        return sent[after[0] + 1 :] if after else []
    before = [j for j in commas if j < k]
    after = [j for j in commas if j > k + 1]
    if before and not after:  # "<clause>, according to X."
        return sent[: before[-1]]
    return sent  # "<clause>, according to X, <clause>": the whole sentence


def _np_tokens(tok: Any) -> list[Any]:
    """The words of a speaker's noun phrase: modifiers, the head, "of"/"for" phrases after it."""
    keep = [tok]
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "nummod") or (
            c.dep_ == "punct" and c.text == "-"
        ):
            keep.extend(c.subtree)
    for c in tok.rights:
        if (
            c.dep_ == "prep"
            and c.lower_ in ("of", "for", "from", "at", "in")
            and c.i == keep[-1].i + 1
        ):
            keep.extend(c.subtree)
        elif c.dep_ == "compound":
            keep.extend(c.subtree)
    keep.sort(key=lambda t: t.i)
    # A contiguous run around the head (a comma or a clause ends it).
    lo = hi = keep.index(tok)
    while lo > 0 and keep[lo - 1].i == keep[lo].i - 1 and not keep[lo - 1].is_punct:
        lo -= 1
    while hi + 1 < len(keep) and keep[hi + 1].i == keep[hi].i + 1 and keep[hi + 1].text != ",":
        hi += 1
    out = keep[lo : hi + 1]
    while out and out[0].dep_ == "poss" and out[0].tag_ == "PRP$":
        out = out[1:]
    while len(out) > 1 and out[-1].is_punct:
        out = out[:-1]
    return out or [tok]
