"""Frames: the triggers of a sentence grouped into tellings of events, each with the
dates, places, actors and tolls it owns.

A *frame* is one telling of one event inside a sentence: its trigger words ("airstrike",
"killed"), the dates, places, actors and tolls that belong to it. Triggers in one sentence
share a frame unless one sits inside a phrase about a participant ("the gunman responsible
for a December ambush that killed two soldiers" tells a second event). Threats, vows,
plans, denials, hypotheticals and campaign totals are not frames (``factuality``).

>>> frames = find_frames(doc, dates, places, actors)  # doctest: +SKIP
>>> frames[0].triggers[0].text                        # doctest: +SKIP
'airstrike'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors import ActorMention
from ..dates import DateMention
from ..lexicon import parsed_text
from ..place_lexicon import PlaceMention
from .factuality import (
    HISTORY_YEARS,
    YEAR_TOLD,
    in_protest_topic,
    is_aggregate,
    is_modal,
    nonviolent,
    protest_topic,
    said_when,
)
from .records import Frame, Toll, TriggerHit
from .roles import assign_roles
from .support import in_support
from .syntax import path_up
from .tolls import find_tolls
from .triggers import match_triggers, other_sense, resense
from .words import vetoes, word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc, Span, Token


def _title_end(doc: Doc) -> int:
    """End of a headline line (short, no final stop, then a newline), else 0."""
    text = parsed_text(doc)
    nl = text.find("\n")
    if 0 < nl < 200 and text[:nl].strip() and text[:nl].rstrip()[-1] not in ".!?\"'":
        return nl
    return 0


def _prior(tok: Token) -> bool:
    """The clause tells an event before or after the one of its sentence: "two weeks
    after a bomb hit the road". (A phrase such as "following clashes" is left to the
    event it explains: "captured the village following clashes" is one event in ACLED.)"""
    return tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in word_class("time_mark") for c in tok.children
    )


def _anchor(tok: Token, trigger_tokens: set[int]) -> Token:
    """Climb from a trigger while the path stays on verbs and event words."""
    cur = tok
    while cur.head.i != cur.i:
        head = cur.head
        if head.pos_ in ("NOUN", "PROPN", "PRON") and head.i not in trigger_tokens:
            return cur
        if _prior(cur):
            return cur  # "two weeks after a bomb hit the road": another, earlier event
        cur = head
    return cur


def _group(hits: list[TriggerHit], doc: Doc) -> list[list[TriggerHit]]:
    trigger_tokens = {k for h in hits for k in range(h.i, h.j)}
    groups: dict[int, list[TriggerHit]] = {}
    for h in hits:
        anchor = _anchor(doc[h.j - 1], trigger_tokens)
        groups.setdefault(anchor.i, []).append(h)
    ordered = sorted(groups.values(), key=lambda g: g[0].i)
    return _join_subject(ordered, doc)


_NESTING = {"relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp", "csubj"}


def _join_subject(groups: list[list[TriggerHit]], doc: Doc) -> list[list[TriggerHit]]:
    """ "According to CENTCOM, an airstrike on Friday killed X": the parse hangs the
    airstrike off the source, apart from "killed"; it is the verb's subject all the same.

    A group of only killing words on the sentence's root verb takes in the nearest event
    word before it that no clause of its own governs.
    """
    for g in groups:
        verb = doc[g[0].j - 1]
        if verb.dep_ != "ROOT" or any(h.entry.cls not in ("kill", "injure") for h in g):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue  # the verb has its subject: "gunmen killed X"
        before = [
            o
            for o in groups
            if o is not g
            and o[-1].j <= g[0].i
            and all(h.entry.cls not in ("kill", "injure") for h in o)
            and not any(t.dep_ in _NESTING for t in path_up(doc[o[0].j - 1], verb))
        ]
        if before:
            nearest = before[-1]
            g[:0] = nearest
            groups = [o for o in groups if o is not nearest]
            return _join_subject(groups, doc)
    return groups


def _scope(
    group: list[TriggerHit], others: list[list[TriggerHit]], sent: Span, doc: Doc
) -> set[int]:
    """Tokens of the sentence that belong to this frame (all of it when it is alone)."""
    sent_tokens = set(range(sent.start, sent.end))
    if not others:
        return sent_tokens
    trigger_tokens = {k for g in [group, *others] for h in g for k in range(h.i, h.j)}
    mine = _anchor(doc[group[0].j - 1], trigger_tokens)
    own = {t.i for t in mine.subtree}
    for g in others:
        theirs = _anchor(doc[g[0].j - 1], trigger_tokens)
        sub = {t.i for t in theirs.subtree}
        if sub < own or not (sub & own):
            own -= sub
    if mine.head.i == mine.i or mine.dep_ == "ROOT":
        return own
    # The main clause owns what hangs off the sentence root outside nested frames.
    return own or sent_tokens


def _is_anaphoric(hit: TriggerHit, doc: Doc) -> bool:
    tok = doc[hit.j - 1]
    if tok.pos_ != "NOUN":
        return False
    for c in tok.children:
        if c.dep_ in ("det", "poss") and c.lower_ in word_class("definite"):
            return True
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_ == "DATE"):
            return True
    return False


def find_frames(
    doc: Doc, dates: list[DateMention], places: list[PlaceMention], actors: list[ActorMention]
) -> list[Frame]:
    """Frames of the doc in text order, with the dates, places, actors and tolls they own."""
    sents = list(doc.sents)
    frames: list[Frame] = []
    title_end = _title_end(doc)
    for k, sent_hits in _hits_by_sentence(doc, sents):
        sent = sents[k]
        hits = _candidates(sent_hits, sent, doc, actors, title_end)
        if not hits:
            continue
        tolls = find_tolls(sent)
        kept = _told(hits, sent, doc, tolls)
        if not kept:
            continue
        # A group of only weak demonstration words ("where hundreds of traders had
        # gathered") tells no event of its own.
        groups = [
            g
            for g in _group(kept, doc)
            if not all(h.entry.cls == "protest" and h.entry.weight < 0.5 for h in g)
        ]
        if groups:
            frames.extend(_sentence_frames(k, sent, groups, tolls, doc, dates, places, actors))
    return frames


def _hits_by_sentence(doc: Doc, sents: list[Span]) -> list[tuple[int, list[TriggerHit]]]:
    """The trigger hits of each sentence that has any, by sentence index, in order."""
    sent_of = {}
    for k, s in enumerate(sents):
        for t in range(s.start, s.end):
            sent_of[t] = k
    by_sent: dict[int, list[TriggerHit]] = {}
    for h in match_triggers(doc):
        by_sent.setdefault(sent_of[h.i], []).append(h)
    return sorted(by_sent.items())


def _candidates(
    sent_hits: list[TriggerHit], sent: Span, doc: Doc, actors: list[ActorMention], title_end: int
) -> list[TriggerHit] | None:
    """The hits of a sentence that may tell an event, read in their sense; None for a
    sentence that tells none (the headline, sport or markets)."""
    veto = nonviolent(sent)
    # (The sentence may end in the blank lines after the headline: its words end it.)
    if sent.start_char + len(sent.text.rstrip()) <= title_end + 1 or veto == "topic":
        # The headline retells the lead: its words would only blur the frames.
        return None
    if veto in ("cause", "beast"):
        # "protested against the lack of relief for flood victims" is still a protest;
        # only the deaths and injuries a flood or a crash caused are no event, and the
        # blast of a tanker that overturned ("overturned and exploded, killing 14"); and
        # a shark's or an elephant's attack.
        blasts = word_class("accident_blast")
        harms = ("kill", "injure", "attack") if veto == "beast" else ("kill", "injure")
        # Nor is the weather word itself a trigger ("a storm broke windows": no storming).
        causes = vetoes()[0]
        sent_hits = [
            h for h in sent_hits
            if h.entry.cls not in harms
            and not (len(h.entry.lemmas) == 1 and h.entry.lemmas[0] in blasts)
            and not (doc[h.j - 1].pos_ == "NOUN" and doc[h.j - 1].lemma_.lower() in causes)
        ]  # fmt: skip
    sent_hits = [resense(h, doc) for h in sent_hits]
    # "National Liberation Army", "Northern Storm Brigade": words of a group's name.
    named = [(a.tok_start, a.tok_end) for a in actors if a.entry is None or not a.entry.generic]
    return [
        h
        for h in sent_hits
        if not (
            h.text[:1].isupper()
            and h.i > sent.start
            and any(s <= h.i and h.j <= e for s, e in named)
        )
    ]  # ("Israeli warplanes", "Russian artillery": the weapon is the act, kept)


def _told(hits: list[TriggerHit], sent: Span, doc: Doc, tolls: list[Toll]) -> list[TriggerHit]:
    """The hits that tell an event that happened (``factuality``), in their event sense."""
    # "nobody was killed", "no one was hurt": the words say what did not happen.
    zeros = {t.word_i for t in tolls if t.value == 0 and t.word_i >= 0}
    return [
        h
        for h in hits
        if not is_modal(doc[h.j - 1], range(h.i, h.j))
        and not is_aggregate(h, doc, sent)
        and not other_sense(h, doc)
        and not in_support(doc[h.j - 1])
        and not protest_topic(h, doc)
        and not (h.entry.cls in ("kill", "injure") and any(i in zeros for i in range(h.i, h.j)))
    ]


def _sentence_frames(
    k: int,
    sent: Span,
    groups: list[list[TriggerHit]],
    tolls: list[Toll],
    doc: Doc,
    dates: list[DateMention],
    places: list[PlaceMention],
    actors: list[ActorMention],
) -> list[Frame]:
    """One frame per group of a sentence's triggers, each with what it owns."""
    frames = []
    trigger_tokens = {t for g in groups for h in g for t in range(h.i, h.j)}
    for gi, group in enumerate(groups):
        others = groups[:gi] + groups[gi + 1 :]
        scope = _scope(group, others, sent, doc)
        frame = Frame(k, sent.start_char, sent.end_char, group, tokens=scope)
        lo = doc[min(scope)].idx if scope else sent.start_char
        hi = doc[max(scope)].idx + len(doc[max(scope)].text) if scope else sent.end_char
        frame.tolls = [
            t for t in tolls
            if ((t.word_i in scope) or (t.word_i < 0 and lo <= t.start < hi))
            and not (t.word_i >= 0 and in_protest_topic(doc[t.word_i]))  # "over the killing of"
        ]  # fmt: skip
        if gi > 0:
            # Zeros and stated totals not inside a nested frame belong to the first.
            frame.tolls = [t for t in frame.tolls if t.word_i >= 0 or t.start >= lo]
        # The day a report was given ("said in a statement on Sunday") dates no event it
        # tells; with none of its own, the frame is undated and joins the one told before.
        frame.dates = [
            d for d in dates
            if lo <= d.start < hi and _in_scope(d.start, scope, doc, sent)
            and not said_when(d.start, d.end, doc)
        ]  # fmt: skip
        frame.dates = _own_clause_dates(frame.dates, group, doc)
        frame.places = [p for p in places if _in_scope(p.start, scope, doc, sent)]
        frame.actors = [
            a for a in actors if sent.start <= a.tok_start < sent.end and a.tok_start in scope
        ]
        frame.anaphoric = any(_is_anaphoric(h, doc) for h in group)
        frame.main_clause = any(_anchor(doc[h.j - 1], trigger_tokens).dep_ == "ROOT" for h in group)
        assign_roles(frame, doc, actors)
        frames.append(frame)
    _own_when_dates(frames, groups, doc)
    if len(groups) > 1:
        claimed = {id(t) for f in frames for t in f.tolls}
        frames[0].tolls.extend(t for t in tolls if t.word_i < 0 and id(t) not in claimed)
    return frames


_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "dobj", "pobj", "compound", "amod"})


def _own_clause_dates(dates: list[DateMention], group: list[TriggerHit], doc: Doc
                      ) -> list[DateMention]:
    """The dates of the trigger's own clause, where it has any (a year named there counts):
    in "twelve villagers were killed in 2014; relatives gathered on Sunday to remember
    them" the parse hangs the killing under the gathering, whose Sunday is no date of the
    killing."""
    verb = doc[group[0].j - 1]
    # A gerund that names the event ("Fighting that began in 2011 flared again") is a
    # noun of its clause, not its verb.
    while (verb.pos_ not in ("VERB", "AUX") or verb.dep_ in _NOUN_DEPS) and (
            verb.head.i != verb.i):
        verb = verb.head
    clause = (verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge.text))
    own = [d for d in dates if clause[0] <= d.start < clause[1]]
    years = [int(m.group(1)) for m in YEAR_TOLD.finditer(parsed_text(doc)[clause[0]:clause[1]])]
    if not own and years and all(
        d.date and int(d.date[:4]) - max(years) >= HISTORY_YEARS for d in dates
    ):
        return []  # dated by a year long past, which no later day of another clause replaces
    return own or dates


def _own_when_dates(frames: list[Frame], groups: list[list[TriggerHit]], doc: Doc) -> None:
    """ "the deadliest since 17 January, when a device killed four people": the date a
    "when" clause hangs on is that clause's event's date, not the sentence's."""
    if len(frames) < 2:
        return
    trigger_tokens = {t for g in groups for h in g for t in range(h.i, h.j)}
    for frame, group in zip(frames, groups, strict=True):
        anchor = _anchor(doc[group[0].j - 1], trigger_tokens)
        if anchor.dep_ != "relcl":
            continue
        head = anchor.head.idx
        owned = [d for f in frames for d in f.dates if d.start <= head < d.end]
        if not owned:
            continue
        for other in frames:
            other.dates = [d for d in other.dates if d not in owned]
        frame.dates = owned[:1]


def _in_scope(char: int, scope: set[int], doc: Doc, sent: Span) -> bool:
    if not (sent.start_char <= char < sent.end_char):
        return False
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span is not None and span.start in scope
