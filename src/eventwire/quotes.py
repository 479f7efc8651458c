"""Quotes: what was said in an article, and who said it.

Direct quotations are found by their marks (straight, curly and single quotes, a quotation
running over paragraphs), then given a speaker from the words around them:

* named before: "CENTCOM Commander General Brad Cooper emphasized in a statement, '...'";
* named after: "'...,' said the governor", "'...,' Cooper told reporters";
* by pronoun: "'...,' he said" is the last person named before it (or, with nobody named,
  the last speaker: "The governor said ... '...,' he added");
* by source: "According to CENTCOM, the man was 'directly connected with ...'";
* a quotation with no attribution that follows another one continues its speaker, and a
  paragraph left open continues into the next quotation's speaker.

Reported speech is kept as indirect (``direct=False``), its text the reported clause: a
verb of saying with a finite clause ("CENTCOM stated that ...", "..., police said"), an
accusation ("accused the group of looting ..."), or "according to X, <clause>". Speech
words are in ``data/speech.tsv``; persons with their roles come from the people stage.
Scare quotes and titles (a few words naming a thing: "security belt") are not quotes.

>>> [(q.speaker, q.direct) for q in find_quotes(doc, actors, people)]  # doctest: +SKIP
[('Brad Cooper', True), ('CENTCOM', False)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .actors import ActorMention
from .lexicon import speech_words
from .people import Person, last_person_before, role_ending_at
from .reading import ArticleView, reading_words
from .records import Quote, Span

_OPEN_DOUBLE = '"“„«'
_CLOSE_DOUBLE = '"”»'
# Fewer words than this is a scare quote or a title unless it is attributed speech.
_MIN_WORDS = 4
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_RANK = {"person": 0, "group": 1, "other": 2}
# A wire dateline before the first words of a story: "KISMAYO, Somalia - ", "KHARTOUM (Wire) -".
_DATELINE = re.compile(
    r"[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .'-]*?)?(?:,\s*\w+\.? \d{1,2})?(?:\s*\([^)]{1,30}\))?"
    r"\s*[-–—]+\s*"
)


@dataclass(slots=True)
class Speaker:
    """Who said something, and the characters that say so."""

    name: str  # empty: a pronoun still to be resolved to the previous speaker
    spans: list[tuple[int, int]]
    kind: str = "other"  # person, group, other
    role: str | None = None
    role_span: tuple[int, int] | None = None
    organisation: str | None = None
    org_span: tuple[int, int] | None = None
    how: str = ""  # pronoun, or empty when named where it was found


@dataclass(slots=True)
class _Said:
    """A quotation or a reported clause at ``start:end``, with its speaker."""

    start: int
    end: int
    direct: bool
    open: int = -1  # the quotation marks of a direct quotation
    close: int = -1
    partial: bool = False
    speaker: Speaker | None = None
    attribution: str | None = None
    cue: tuple[int, int] | None = None


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


_DOUBLE_MARKS = re.compile('["“”„«»]')
_SINGLE_MARKS = re.compile("['‘’]")


def _doubles(para: str) -> list[tuple[int, int]]:
    found = []
    opened: int | None = None
    for m in _DOUBLE_MARKS.finditer(para):
        i, ch = m.start(), m.group()
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
    marks = [
        m.start()
        for m in _SINGLE_MARKS.finditer(para)
        if not any(a <= m.start() <= b for a, b in inside)
    ]
    if len(marks) < 2:
        return []

    def opener(i: int) -> bool:
        return (
            para[i] in "'‘"
            and (i == 0 or para[i - 1].isspace() or para[i - 1] in "([{—–")
            and i + 1 < n
            and (para[i + 1].isalnum() or para[i + 1] == "…")
        )

    def closer(i: int) -> bool:
        return (
            para[i] in "'’"
            and i > 0
            and not para[i - 1].isspace()
            and (i + 1 == n or not para[i + 1].isalnum())
        )

    openers = [i for i in marks if opener(i)]
    closers = [j for j in marks if closer(j)]
    found: list[tuple[int, int]] = []
    done = -1
    for i in openers:
        if i <= done:
            continue
        later = [j for j in closers if j > i + 1]
        # A closing mark after punctuation ("... hard,' he said") beats a plural possessive.
        good = [j for j in later if para[j - 1] in ",.!?;:…"]
        plain = [j for j in later if not (para[j - 1] == "s" and para[j + 1 : j + 2] == " ")]
        pick = good[0] if good else (plain[0] if plain else None)
        if pick is not None:
            found.append((i, pick))
            done = pick
    return found


# ---------------------------------------------------------------------------- stage


def find_quotes(doc: Any, actors: list[ActorMention], people: list[Person]) -> list[Quote]:
    """Direct and indirect quotations of a parsed article, in text order, with speakers."""
    finder = _SpeechReader(doc, actors, people)
    marks = finder.direct()
    said = sorted([*marks, *finder.indirect(marks)], key=lambda s: s.start)
    _resolve_pronouns(said)
    return [finder.record(s) for s in said]


def _resolve_pronouns(said: list[_Said]) -> None:
    """ "he added" with nobody named before: the previous speaker said it."""
    last: Speaker | None = None
    for s in said:
        who = s.speaker
        if who is not None and not who.name:
            if last is None:
                s.speaker, s.attribution = None, None
                continue
            s.speaker = Speaker(
                last.name,
                who.spans + last.spans[-1:],
                last.kind,
                last.role,
                last.role_span,
                last.organisation,
                last.org_span,
                "pronoun",
            )
        if s.speaker is not None:
            last = s.speaker


class _SpeechReader(ArticleView):
    """The article read for what was said: quotation marks, verbs of saying, and who
    the speaker is (a person named, a group, a role)."""

    def __init__(self, doc: Any, actors: list[ActorMention], people: list[Person]) -> None:
        super().__init__(doc, actors, people)
        self.verbs, self.preps, self.nouns = speech_words()
        first = self.text.split("\n", 1)[0].rstrip()
        # A first line without a closing full stop is a headline (as for the mentions).
        self.headline_end = len(first) if first and first[-1] not in ".!?\"'”’" else -1
        self.org_ent = self.entities_at(("ORG",))

    def is_speech_verb(self, tok: Any) -> bool:
        return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.verbs

    # -- direct quotations

    def direct(self) -> list[_Said]:
        marks: list[_Said] = []
        for o, c in quote_marks(self.text):
            s, e = o + 1, c
            while s < e and self.text[s].isspace():
                s += 1
            while e > s and (self.text[e - 1].isspace() or self.text[e - 1] in ",;—–-"):
                e -= 1
            if e <= s:
                continue
            m = _Said(s, e, True, o, c)
            first = self.text[s]
            m.partial = not (first.isupper() or first.isdigit() or first in "…'‘\"“")
            self._attribute(m, marks)
            if len(self.text[s:e].split()) < _MIN_WORDS and not self._short_ok(m):
                continue  # a scare quote or a title: "infrastructure and weapons" sites
            marks.append(m)
        for k, m in enumerate(marks[:-1]):
            nxt = marks[k + 1]
            # A paragraph left open continues in the next one: its speaker is named there.
            if (
                m.speaker is None
                and self.text[m.close : m.close + 1] in ("\n", "")
                and (nxt.speaker is not None and not self.text[m.close : nxt.open].strip())
            ):
                m.speaker, m.attribution = nxt.speaker, "continued"
        return marks

    def _short_ok(self, m: _Said) -> bool:
        """A short quotation is kept when attributed, and a clause rather than a name."""
        if m.speaker is None or m.attribution == "continued":
            return False
        if self.text[m.end - 1] in ".!?…" or self.text[m.close - 1 : m.close] in (
            ",",
            ".",
            "?",
            "!",
        ):
            return True
        toks = [t for t in self.doc if m.start <= t.idx < m.end]
        roots = [t for t in toks if not (m.start <= t.head.idx < m.end) or t.head.i == t.i]
        return bool(roots) and not all(t.pos_ in ("NOUN", "PROPN", "NUM", "ADJ") for t in roots)

    def _attribute(self, m: _Said, before: list[_Said]) -> None:
        after = self._after_tokens(m)
        # '"...," said the governor': the words right after the closing mark speak first.
        for tok in after[:6]:
            if self.is_speech_verb(tok) and self._by_verb(m, tok, "after"):
                return
        sent_open = self.token_at(m.start).sent
        before_toks = [t for t in sent_open if t.idx < m.open]
        for tok in reversed(before_toks):
            src = self._source_prep(tok)
            if src is not None:
                who = self.describe(src)
                if who is not None:
                    self._set(m, who, "according_to", tok)
                    return
            if self.is_speech_verb(tok) and self._by_verb(m, tok, "before"):
                return
        if before_toks and before_toks[-1].text == ":":
            for tok in reversed(before_toks[:-1]):  # "Cooper: '...'"
                who = self.describe(tok)
                if who is not None:
                    self._set(m, who, "before", before_toks[-1])
                    return
        for tok in after:
            if self.is_speech_verb(tok) and self._by_verb(m, tok, "after"):
                return
        prev = before[-1] if before else None
        if prev is not None and prev.speaker is not None and self._continues(prev, m):
            m.speaker, m.attribution = prev.speaker, "continued"

    def _by_verb(self, m: _Said, verb: Any, how: str) -> bool:
        who = self._speaker_of_verb(verb, (m.open, m.close))
        if who is not None:
            self._set(m, who, how, verb)
        return who is not None

    def _set(self, m: _Said, who: Speaker, how: str, cue: Any) -> None:
        m.speaker = who
        m.attribution = who.how or how
        m.cue = (cue.idx, cue.idx + len(cue.text))

    def _after_tokens(self, m: _Said) -> list[Any]:
        """Tokens after the closing mark up to the end of its sentence (or a short next one)."""
        if m.close >= len(self.text):
            return []
        sent = self.token_at(m.close).sent
        toks = [t for t in sent if t.idx > m.close]
        if not any(t.is_alpha for t in toks) and sent.end < len(self.doc):
            nxt = self.doc[sent.end].sent
            if (len(nxt) <= 12 and nxt[0].text[:1].islower()) or any(
                self.is_speech_verb(t) for t in nxt[:4]
            ):
                toks = list(nxt)
        cut = next((k for k, t in enumerate(toks) if t.text in _OPEN_DOUBLE), len(toks))
        return [t for t in toks[:cut] if "\n" not in t.text]

    def _continues(self, prev: _Said, m: _Said) -> bool:
        """An unattributed quotation soon after another, with nobody else named between."""
        between = self.text[prev.close : m.open]
        if between.count("\n") > 2 or len(between) > 400:
            return False
        name = prev.speaker.name if prev.speaker else ""
        return not any(prev.close < p.start < m.open and p.name != name for p in self.people)

    def _source_prep(self, tok: Any) -> Any | None:
        """The source of "according to X", "quoting X", "citing X": X's head token."""
        low = tok.lower_
        if low == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
            return next((c for c in self.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
        if low in self.preps:
            return next((c for c in tok.children if c.dep_ in ("dobj", "pobj")), None)
        return None

    def _speaker_of_verb(self, verb: Any, skip: tuple[int, int] = (-1, -1)) -> Speaker | None:
        """The subject of a speech verb (or of the verb it hangs from: "vowed ..., stating")."""
        lo, hi = skip
        cur = verb
        for _ in range(4):
            cands = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
            cands += [g for c in cur.children if c.dep_ == "agent" for g in c.children]
            found = [w for c in cands if not (lo <= c.idx <= hi) and (w := self.describe(c))]
            if found:
                return min(found, key=lambda w: _RANK[w.kind])  # "KHARTOUM - Gen. X said"
            if cur.dep_ in ("advcl", "xcomp", "acl", "conj", "pcomp", "dobj", "pobj", "prep"):
                cur = cur.head
                continue
            break
        # The parse gave no subject: a person named next to the verb.
        near = sorted(
            (t for t in verb.sent if not (lo <= t.idx <= hi) and t.i != verb.i),
            key=lambda t: (abs(t.i - verb.i), t.i < verb.i),
        )
        for t in near[:6]:
            if t.i in self.person_at or t.lower_ in reading_words("person_pronoun"):
                return self.describe(t)
        return None

    # -- speakers

    def describe(self, tok: Any) -> Speaker | None:
        """The speaker a subject token names: a person, a pronoun's antecedent, a group, a role."""
        if tok.lower_ in reading_words("relative_pronoun", "object_relative"):
            head = tok.head
            while head.dep_ in ("ccomp", "xcomp") and head.head.i != head.i:
                head = head.head
            if head.dep_ == "relcl":
                tok = head.head
        low = tok.lower_
        pron = (tok.idx, tok.idx + len(tok.text))
        if low in reading_words("person_pronoun"):
            p = last_person_before(self.people, tok.idx)
            if p is None:
                return Speaker("", [pron], how="pronoun")  # the previous speaker, later
            who = self._person(p)
            who.spans.insert(0, pron)
            who.how = "pronoun"
            return who
        if low in reading_words("group_pronoun"):
            g = self._last_subject_group(tok)
            if g is None:
                return None
            g.spans.insert(0, pron)
            g.how = "pronoun"
            return g
        if tok.lower_ in reading_words("partitive_word") and tok.pos_ in ("NUM", "PRON", "ADJ"):
            part = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((g for g in part.children if g.dep_ == "pobj"), None) if part else None
            if obj is not None:  # "one of the organisers, a local elder"
                p = self._appos_person(tok)
                return self._person(p) if p is not None else self.describe(obj)
        if tok.pos_ == "PRON":
            return None
        p = self._appos_person(tok) or self.person_at.get(tok.i)
        if p is not None:
            return self._person(p)
        lemma = tok.lemma_.lower()
        if lemma in self.nouns:
            # "a statement from US Central Command", "the army's statement": its owner speaks.
            for c in tok.children:
                if c.dep_ == "poss":
                    return self.describe(c)
                if c.dep_ == "prep" and c.lower_ in reading_words("source_preposition"):
                    g = next((x for x in c.children if x.dep_ == "pobj"), None)
                    if g is not None:
                        return self.describe(g)
            if any(
                c.dep_ == "det" and c.lower_ in reading_words("definite_determiner")
                for c in tok.children
            ):
                return Speaker("", [(tok.idx, tok.idx + len(tok.text))], how="pronoun")
        np = _np_tokens(tok)
        inner = [t for t in np if t.i in self.person_at and not _in_poss(t, tok)]
        if inner:
            return self._person(self.person_at[inner[-1].i])
        group = self._group_at(tok)
        if group is not None:
            return group
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        return self._role_speaker(tok, np)

    def _person(self, p: Person) -> Speaker:
        return Speaker(
            p.name, [(p.start, p.end)], "person", p.role, p.role_span, p.organisation, p.org_span
        )

    def _appos_person(self, tok: Any) -> Person | None:
        """ "the governor of Jonglei state, Mahjoub Biel": the name in apposition to a role."""
        for t in tok.subtree:
            if t.dep_ == "appos" and t.i in self.person_at:
                path = [
                    a for a in t.ancestors if a.i != tok.i and tok.i in {x.i for x in a.ancestors}
                ]
                if not any(a.pos_ in ("VERB", "AUX") for a in path):
                    return self.person_at[t.i]
        return None

    def _group_at(self, tok: Any) -> Speaker | None:
        """A named group at the token, by its fullest written name."""
        m = self.actor_at.get(tok.i)
        ent = self.org_ent.get(tok.i)
        if m is not None and m.entry is not None and m.entry.generic:
            m = None
        if m is not None:
            s, e = m.start, m.end
        elif ent is not None:
            s, e = ent.start_char, ent.end_char
        else:
            return None
        if ent is not None and ent.start_char <= s and e <= ent.end_char:
            s, e = ent.start_char, ent.end_char  # "Syrian Observatory for Human Rights"
            if ent[0].lower_ == "the":
                s = ent[1].idx
        name = self.text[s:e]
        return Speaker(name, [(s, e)], "group", organisation=name, org_span=(s, e))

    def _last_subject_group(self, tok: Any) -> Speaker | None:
        """What "it" or "they" stands for: the last group (or for "they", plural subject)."""
        for t in reversed(self.doc[: tok.i]):
            if t.dep_ not in ("nsubj", "nsubjpass"):
                continue
            g = self._group_at(t)
            if g is not None:
                return g
            if tok.lower_ == "they" and t.tag_ == "NNS" and t.pos_ == "NOUN":
                return self._role_speaker(t, _np_tokens(t))
        return None

    def _role_speaker(self, tok: Any, np: list[Any]) -> Speaker:
        """An unnamed speaker: "a police spokesman", "the governor", "residents"."""
        s, e = np[0].idx, np[-1].idx + len(np[-1].text)
        who = Speaker(self.text[s:e], [(s, e)])
        hit = role_ending_at(self.forms, tok.i + 1, np[0].i)
        if hit is not None and hit[1]["kind"] in ("function", "rank"):
            who.role = " ".join(t.lower_.rstrip(".") for t in self.doc[hit[0] : tok.i + 1])
            if hit[0] == tok.i:
                who.role = tok.lemma_.lower()
            who.role_span = (self.doc[hit[0]].idx, tok.idx + len(tok.text))
        # The organisation named in the phrase: a dictionary actor first ("police" in "Borno
        # state police spokesman"), then a named organisation, then a country or people.
        orgs: list[tuple[int, tuple[int, int]]] = []
        for t in np:
            m = self.actor_at.get(t.i)
            if t.i == tok.i or (m is not None and m.tok_start <= tok.i < m.tok_end):
                continue  # "community leader": the speaker's own noun is no organisation
            if any(
                a.dep_ == "prep" and a.lower_ in reading_words("place_preposition")
                for a in _path(t, tok)
            ):
                continue  # "a community leader in Tibu": where they are, not whom they speak for
            if m is not None:
                orgs.append((0 if m.entry is not None else 1, (m.start, m.end)))
            elif t.i in self.org_ent:
                ent = self.org_ent[t.i]
                orgs.append((1, (ent.start_char, ent.end_char)))
            elif t.ent_type_ in ("NORP", "GPE"):
                ent = next(x for x in self.doc.ents if x.start <= t.i < x.end)
                orgs.append((2, (ent.start_char, ent.end_char)))
        head = self.actor_at.get(tok.i)
        if (
            not orgs
            and head is not None
            and head.entry is not None
            and (not head.entry.generic or head.entry.kind in ("military", "police", "government"))
        ):
            orgs.append((0, (head.start, head.end)))  # "the army said"
        if orgs:
            _, (a, b) = min(orgs, key=lambda o: o[0])
            who.organisation, who.org_span = self.text[a:b], (a, b)
        elif tok.pos_ == "PROPN" and who.role is None:
            who.organisation, who.org_span, who.kind = who.name, (s, e), "group"  # "the ELN"
        return who

    # -- reported speech

    def indirect(self, marks: list[_Said]) -> list[_Said]:
        """Reported speech: a speech verb with a clause, or "according to X, <clause>"."""
        out: list[_Said] = []

        def quoted(a: int, b: int) -> bool:
            return any(m.open <= b and a <= m.close for m in marks)

        # Only the speech words make Token objects: the rest of the article is skipped.
        cues = [
            i
            for i, (low, lemma) in enumerate(self.forms)
            if lemma in self.verbs or low == "according"
        ]
        for i in cues:
            tok = self.doc[i]
            if quoted(tok.idx, tok.idx):
                continue
            clause: list[Any] = []
            who: Speaker | None = None
            if self.is_speech_verb(tok) and not any(c.dep_ == "neg" for c in tok.children):
                clause = self._reported(tok)
                who = self._speaker_of_verb(tok) if clause else None
            elif tok.lower_ == "according":
                src = self._source_prep(tok)
                if src is not None:
                    clause = _according_clause(tok)
                    who = self.describe(src)
            while clause and (clause[0].dep_ == "mark" or clause[0].is_punct):
                clause = clause[1:]
            while clause and clause[-1].is_punct:
                clause = clause[:-1]
            if who is None or sum(t.is_alpha for t in clause) < 3:
                continue
            a, b = clause[0].idx, clause[-1].idx + len(clause[-1].text)
            if b <= self.headline_end:
                continue  # "..., officials say" in a headline retells the lead
            dateline = _DATELINE.match(self.text, a)
            if dateline is not None and dateline.end() < b:
                a = dateline.end()  # "KISMAYO, Somalia - A drone strike ...": the words only
            if quoted(a, b) or any(s.start <= a and b <= s.end for s in out):
                continue
            said = _Said(a, b, False, speaker=who, cue=(tok.idx, tok.idx + len(tok.text)))
            said.attribution = "according_to" if tok.lower_ == "according" else "indirect"
            if who.how:
                said.attribution = who.how
            out.append(said)
        return out

    def _reported(self, verb: Any) -> list[Any]:
        """The clause a speech verb reports, if it has one."""
        for c in verb.children:
            if c.dep_ in ("ccomp", "parataxis") and _finite(c):
                return list(c.subtree)
        for c in verb.children:
            # "Gunmen killed ..., police said": the parse may hang the clause as advcl.
            if (
                c.dep_ == "advcl"
                and c.i < verb.i
                and verb.dep_ == "ROOT"
                and _finite(c)
                and not any(
                    m.dep_ == "mark" and m.lower_ in reading_words("clause_mark")
                    for m in c.children
                )
            ):
                return list(c.subtree)
        for c in verb.children:
            # "accused the group of looting ...", "blamed the army for shelling ..."
            if c.dep_ == "prep" and c.lower_ in reading_words("charge_preposition"):
                g = next((x for x in c.children if x.dep_ == "pcomp" and x.tag_ == "VBG"), None)
                if g is not None:
                    return list(g.subtree)
        return []

    # -- records

    def record(self, s: _Said) -> Quote:
        q = Quote(
            self.text[s.start : s.end],
            direct=s.direct,
            partial=s.partial,
            attribution=s.attribution if s.speaker is not None else None,
        )
        q.evidence["text"] = [Span.of(self.text, s.start, s.end)]
        if s.cue is not None:
            q.evidence["cue"] = [Span.of(self.text, *s.cue)]
        who = s.speaker
        if who is None:
            return q
        q.speaker, q.role, q.organisation = who.name, who.role, who.organisation
        q.evidence["speaker"] = [Span.of(self.text, a, b) for a, b in who.spans]
        if who.role_span:
            q.evidence["role"] = [Span.of(self.text, *who.role_span)]
        if who.org_span:
            q.evidence["organisation"] = [Span.of(self.text, *who.org_span)]
        return q


def _path(tok: Any, top: Any) -> list[Any]:
    """The tokens from tok up to (not including) top in the parse."""
    out = []
    while tok.i != top.i and tok.head.i != tok.i:
        out.append(tok)
        tok = tok.head
    return out


def _finite(tok: Any) -> bool:
    """A clause that can be reported speech: with a subject or a finite verb."""
    return tok.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children
    )


def _in_poss(tok: Any, head: Any) -> bool:
    """True when tok sits in a possessor of head: "Haddad" in "Haddad's lawyer"."""
    cur = tok
    while cur.i != head.i and cur.head.i != cur.i:
        if cur.dep_ == "poss":
            return True
        cur = cur.head
    return False


def _according_clause(tok: Any) -> list[Any]:
    """What "according to X" attributes: the sentence on the far side of the phrase's comma."""
    sent = list(tok.sent)
    k = tok.i - tok.sent.start
    if not any(t.is_alpha for t in sent[:k]):  # "According to X, <clause>."
        commas = [j for j, t in enumerate(sent) if t.text in (",", ";")]
        after = [j for j in commas if j > k + 1]
        return sent[after[0] + 1 :] if after else []
    # "<clause>, according to X." or "<clause>, according to X, which says ...": the longest
    # run of the sentence outside the phrase.
    inside = {t.i for t in tok.subtree}
    runs: list[list[Any]] = [[]]
    for t in sent:
        if t.i in inside:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(t)
    return max(runs, key=lambda r: sum(t.is_alpha for t in r))


def _np_tokens(tok: Any) -> list[Any]:
    """The words of a speaker's noun phrase: modifiers, the head, "of"/"for" phrases after it."""
    keep = [tok]
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "nummod") or (
            c.dep_ == "punct" and c.text == "-"
        ):
            keep.extend(c.subtree)
    for c in tok.rights:
        adjacent = c.i == max(t.i for t in keep) + 1
        if c.dep_ == "prep" and c.lower_ in reading_words("noun_preposition") and adjacent:
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
    while len(out) > 1 and (out[0].dep_ == "det" or out[0].tag_ == "PRP$"):
        out = out[1:]
    while len(out) > 1 and out[-1].is_punct:
        out = out[:-1]
    return out or [tok]
