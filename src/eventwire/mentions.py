"""Event mentions: triggers found in a parsed article, grouped into frames with their roles.

A *frame* is one telling of one event inside a sentence: its trigger words ("airstrike",
"killed"), the dates, places, actors and tolls that belong to it. Triggers in one sentence
share a frame unless one sits inside a phrase about a participant ("the gunman responsible
for a December ambush that killed two soldiers" tells a second event). Threats, vows,
plans, denials, hypotheticals and campaign totals are not frames.

>>> frames = find_frames(doc)                  # doctest: +SKIP
>>> frames[0].triggers[0].text                 # doctest: +SKIP
'airstrike'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from .actors import ActorMention
from .counts import Toll, find_tolls
from .dates import DateMention
from .lexicon import Trigger, read_table, triggers

# Governing words that make what they govern not (yet) an event.
_MODAL_HEADS = {
    "threaten",
    "vow",
    "plan",
    "warn",
    "pledge",
    "promise",
    "intend",
    "deny",
    "prepare",
    "aim",
    "seek",
    "want",
    "urge",
    "demand",
    "fear",
    "prevent",
    "avert",
    "thwart",
    "foil",
    "risk",
    "call",
    "consider",
    "propose",
    "expect",
    "refuse",
    "hope",
    "avoid",
    "plot",
    "inspire",
    "vowed",
    "attempt",
    "try",
}
_MODAL_AUX = {"will", "would", "could", "might", "may", "shall", "should", "must", "'ll", "can"}
_PERIOD = re.compile(
    r"\b(since (?:the |its |their |this |a |an )?\w+|(?:over|in|during) the "
    r"(?:past|last|same) (?:\w+ )?(?:years?|months?|weeks?|decades?|period)|so far|to date|"
    r"this year|last year|in recent (?:weeks|months|years)|each year|every year|"
    r"a year|per year|annually)\b",
    re.I,
)
_PARTICIPANT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "conj"}
_TIME_MARKS = {"after", "before", "since", "until"}
_HEDGES = {
    "briefly",
    "partial",
    "partially",
    "parts",
    "part",
    "majority",
    "towards",
    "toward",
    "temporarily",
    "attempted",
    "attempt",
    "tried",
    "some",
}
_DEFINITE = {"the", "that", "this", "these", "those", "its", "their", "his", "her"}


@dataclass(slots=True)
class TriggerHit:
    """A lexicon entry matched at tokens ``i:j``."""

    i: int
    j: int
    start: int
    end: int
    text: str
    entry: Trigger


@dataclass(slots=True)
class Frame:
    """One telling of one event in one sentence."""

    sent_i: int
    sent_start: int
    sent_end: int
    triggers: list[TriggerHit]
    tolls: list[Toll] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[Any] = field(default_factory=list)  # places.PlaceMention
    actors: list[ActorMention] = field(default_factory=list)
    agents: list[ActorMention] = field(default_factory=list)
    patients: list[ActorMention] = field(default_factory=list)
    victim_words: list[str] = field(default_factory=list)
    gainers: list[ActorMention] = field(default_factory=list)  # who took territory
    supporters: list[ActorMention] = field(default_factory=list)  # "backed by", "loyal to"
    hedged: bool = False  # "briefly captured", "partial control": no change of hands
    anaphoric: bool = False
    main_clause: bool = True  # the frame hangs off the sentence root, not off a participant
    tokens: set[int] = field(default_factory=set)

    @property
    def start(self) -> int:
        return min(t.start for t in self.triggers)

    @property
    def weight(self) -> float:
        return max(t.entry.weight for t in self.triggers)

    def classes(self) -> set[str]:
        return {t.entry.cls for t in self.triggers}


@functools.lru_cache(maxsize=1)
def vetoes() -> tuple[frozenset[str], frozenset[str]]:
    rows = read_table("vetoes.tsv")
    return (
        frozenset(r["word"] for r in rows if r["context"] == "cause"),
        frozenset(r["word"] for r in rows if r["context"] == "topic"),
    )


def _match_at(trig: Trigger, i: int, lemmas: list[str], lowers: list[str], pos: list[str]) -> int:
    """End token of ``trig`` matched from token i (one adjective may intervene), or 0."""
    k, n = i, len(lemmas)
    for m, want in enumerate(trig.lemmas):
        if k >= n:
            return 0
        if want not in (lemmas[k], lowers[k]):
            # "established full control": one adjective or determiner may sit inside.
            if (
                m == 0
                or k + 1 >= n
                or pos[k] not in ("ADJ", "DET")
                or want not in (lemmas[k + 1], lowers[k + 1])
            ):
                return 0
            k += 1
        k += 1
    return k


def match_triggers(doc: Any) -> list[TriggerHit]:
    """Longest lexicon matches over the doc's lemmas (falling back to the lower-cased text).

    Kept in ``doc.user_data``: the claims stage reads the same hits again.
    """
    cached = doc.user_data.get("eventwire.triggers")
    if cached is not None:
        return list(cached)
    hits = _match_triggers(doc)
    doc.user_data["eventwire.triggers"] = tuple(hits)
    return hits


def _match_triggers(doc: Any) -> list[TriggerHit]:
    index = triggers()
    lemmas = [t.lemma_.lower() for t in doc]
    lowers = [t.lower_ for t in doc]
    pos = [t.pos_ for t in doc]
    hits: list[TriggerHit] = []
    text = doc.text  # spaCy rebuilds Doc.text on every access: read it once
    i = 0
    n = len(doc)
    while i < n:
        found, found_end = None, 0
        for first in {lemmas[i], lowers[i]}:
            for trig in index.get(first, ()):
                end = _match_at(trig, i, lemmas, lowers, pos)
                if end and (found is None or len(trig.lemmas) > len(found.lemmas)):
                    found, found_end = trig, end
        if found is None:
            i += 1
            continue
        j = found_end
        start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        hits.append(TriggerHit(i, j, start, end, text[start:end], found))
        i = j
    return hits


def _ancestors(tok: Any, limit: int = 6) -> list[Any]:
    out = []
    while tok.head.i != tok.i and len(out) < limit:
        tok = tok.head
        out.append(tok)
    return out


def _is_modal(tok: Any) -> bool:
    """Threats, vows, plans, denials, hypotheticals and futures govern this token."""
    chain = [tok] + _ancestors(tok, 4)
    for k, t in enumerate(chain):
        if any(c.dep_ == "neg" for c in t.children) and t.pos_ in ("VERB", "AUX", "NOUN"):
            # "did not attack", "no attack": but "killing ... who did not ..." is far up.
            if k <= 1:
                return True
        if t.lemma_.lower() in _MODAL_HEADS and k > 0:
            return True
        if (
            t.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "aux" and c.lower_ in _MODAL_AUX for c in t.children)
            and k <= 2
        ):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
            return True
        if t.pos_ == "VERB" and k > 0:
            break  # the first governing verb decides; reported speech above it does not
    return False


def _is_aggregate(hit: TriggerHit, doc: Any, sent: Any) -> bool:
    """Campaign totals ("more than 100 strikes in the past year") are claims, not events."""
    tok = doc[hit.j - 1]
    if hit.entry.cls in ("kill", "injure") and not _PERIOD.search(sent.text):
        return False  # "15 fatalities", "12 deaths": a count of people, not of events
    if _PERIOD.search(sent.text):
        # "over the past year, forces have captured more than 300": a running total.
        verb = tok
        while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "have captured 300 and killed over 20": the "have" is shared
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
        counted = any(t.dep_ == "quantmod" for t in tok.subtree)
        if tok.tag_ == "NNS" or perfect or counted:
            return True
    if tok.tag_ != "NNS":
        return False
    for c in tok.children:
        if c.like_num or c.dep_ == "nummod":
            from .counts import number_value

            v = number_value(c)
            if v is None or v >= 10 or any(q.dep_ == "quantmod" for q in c.children):
                return True
    has_det = any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)
    head = tok.head
    if not has_det and tok.dep_ == "dobj" and head.tag_ in ("VB", "VBP", "VBZ"):
        return True  # a generic plural: "those who plot attacks on our troops"
    return False


def _other_sense(hit: TriggerHit, doc: Any) -> bool:
    """Words with a common non-event sense: "this demonstrates a policy"."""
    tok = doc[hit.j - 1]
    if hit.j - hit.i == 1 and tok.ent_type_ == "DATE":
        return True  # "6 March", not a march
    if (
        hit.entry.sub_event_type == "Shelling/artillery/missile attack"
        and tok.pos_ == "NOUN"
        and tok.dep_ == "pobj"
        and tok.head.lower_ in ("with", "using")
    ):
        return True  # "targeted a checkpoint with machine guns and RPG shells": a weapon used
    if hit.entry.lemmas == ("control",) and tok.pos_ != "VERB":
        return True  # "under the control of", "government-controlled": a state, not an event
    if (
        hit.entry.cls == "protest"
        and tok.pos_ == "VERB"
        and tok.lemma_ in ("demonstrate", "rally", "march")
    ):
        return any(c.dep_ in ("dobj", "ccomp") for c in tok.children)
    return False


def _title_end(doc: Any) -> int:
    """End of a headline line (short, no final stop, then a newline), else 0."""
    text = doc.text
    nl = text.find("\n")
    if 0 < nl < 200 and text[:nl].strip() and text[:nl].rstrip()[-1] not in ".!?\"'":
        return nl
    return 0


def _nonviolent(sent: Any) -> bool:
    causes, topics = vetoes()
    lemmas = {t.lemma_.lower() for t in sent}
    if len(lemmas & topics) >= 2:
        return True
    # Causes are things, not acts: "a storm killed", but "fighters stormed".
    nouns = {t.lemma_.lower() for t in sent if t.pos_ in ("NOUN", "PROPN")}
    return bool(nouns & causes) and not any(
        t.lemma_.lower() in ("attack", "gunman", "militant", "bomb", "shell", "airstrike")
        for t in sent
    )


def _anchor(tok: Any, trigger_tokens: set[int]) -> Any:
    """Climb from a trigger while the path stays on verbs and event words."""
    cur = tok
    while cur.head.i != cur.i:
        head = cur.head
        if head.pos_ in ("NOUN", "PROPN", "PRON") and head.i not in trigger_tokens:
            return cur
        if cur.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in cur.children
        ):
            return cur  # "two weeks after a bomb hit the road": another, earlier event
        cur = head
    return cur


def _group(hits: list[TriggerHit], doc: Any) -> list[list[TriggerHit]]:
    trigger_tokens = {k for h in hits for k in range(h.i, h.j)}
    groups: dict[int, list[TriggerHit]] = {}
    for h in hits:
        anchor = _anchor(doc[h.j - 1], trigger_tokens)
        groups.setdefault(anchor.i, []).append(h)
    return sorted(groups.values(), key=lambda g: g[0].i)


def _scope(
    group: list[TriggerHit], others: list[list[TriggerHit]], sent: Any, doc: Any
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


def _is_anaphoric(hit: TriggerHit, doc: Any) -> bool:
    tok = doc[hit.j - 1]
    if tok.pos_ != "NOUN":
        return False
    for c in tok.children:
        if c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE:
            return True
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_ == "DATE"):
            return True
    return False


def find_frames(
    doc: Any, dates: list[DateMention], places: list[Any], actors: list[ActorMention]
) -> list[Frame]:
    """Frames of the doc in text order, with the dates, places, actors and tolls they own."""
    hits = match_triggers(doc)
    by_sent: dict[int, list[TriggerHit]] = {}
    sents = list(doc.sents)
    sent_of = {}
    for k, s in enumerate(sents):
        for t in range(s.start, s.end):
            sent_of[t] = k
    for h in hits:
        by_sent.setdefault(sent_of[h.i], []).append(h)
    frames: list[Frame] = []
    title_end = _title_end(doc)
    for k, sent_hits in sorted(by_sent.items()):
        sent = sents[k]
        if sent.end_char <= title_end + 1 or _nonviolent(sent):
            # The headline retells the lead: its words would only blur the frames.
            continue
        kept = [
            h
            for h in sent_hits
            if not _is_modal(doc[h.j - 1])
            and not _is_aggregate(h, doc, sent)
            and not _other_sense(h, doc)
        ]
        if not kept:
            continue
        groups = _group(kept, doc)
        tolls = find_tolls(sent)
        for gi, group in enumerate(groups):
            others = groups[:gi] + groups[gi + 1 :]
            scope = _scope(group, others, sent, doc)
            frame = Frame(k, sent.start_char, sent.end_char, group, tokens=scope)
            lo = doc[min(scope)].idx if scope else sent.start_char
            hi = doc[max(scope)].idx + len(doc[max(scope)].text) if scope else sent.end_char
            frame.tolls = [
                t for t in tolls if (t.word_i in scope) or (t.word_i < 0 and lo <= t.start < hi)
            ]
            if gi > 0:
                # Zeros and stated totals not inside a nested frame belong to the first.
                frame.tolls = [t for t in frame.tolls if t.word_i >= 0 or t.start >= lo]
            frame.dates = [
                d for d in dates if lo <= d.start < hi and _in_scope(d.start, scope, doc, sent)
            ]
            frame.places = [p for p in places if _in_scope(p.start, scope, doc, sent)]
            frame.actors = [
                a for a in actors if sent.start <= a.tok_start < sent.end and a.tok_start in scope
            ]
            frame.anaphoric = any(_is_anaphoric(h, doc) for h in group)
            trigger_tokens = {t for g in groups for h in g for t in range(h.i, h.j)}
            frame.main_clause = _anchor(doc[group[0].j - 1], trigger_tokens).dep_ == "ROOT"
            _roles(frame, doc, actors)
            frames.append(frame)
        if len(groups) > 1:
            first = frames[len(frames) - len(groups)]
            claimed = {id(t) for f in frames[len(frames) - len(groups) :] for t in f.tolls}
            first.tolls.extend(t for t in tolls if t.word_i < 0 and id(t) not in claimed)
    return frames


def _in_scope(char: int, scope: set[int], doc: Any, sent: Any) -> bool:
    if not (sent.start_char <= char < sent.end_char):
        return False
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span is not None and span.start in scope


def _actor_at(actors: list[ActorMention], tokens: set[int]) -> ActorMention | None:
    for a in actors:
        if any(i in tokens for i in range(a.tok_start, a.tok_end)):
            return a
    return None


def _roles(frame: Frame, doc: Any, all_actors: list[ActorMention]) -> None:
    """Agents (actor1 candidates) and patients (actor2 candidates) from the parse."""
    agents: list[ActorMention] = []
    patients: list[ActorMention] = []

    def add(target: list[ActorMention], tok: Any) -> None:
        a = _actor_at(all_actors, {t.i for t in tok.subtree})
        if a is not None and a not in target:
            target.append(a)

    for h in frame.triggers:
        tok = doc[h.j - 1]
        if h.entry.cls == "territory":
            verb = doc[h.i] if doc[h.i].pos_ == "VERB" else tok
            if verb.pos_ != "VERB" and verb.head.pos_ == "VERB":
                verb = verb.head  # "established control", "took control"
            gained: list[ActorMention] = []
            for c in verb.children:
                if c.dep_ == "nsubj":
                    add(gained, c)
                elif c.dep_ == "agent":
                    for g in c.children:
                        add(gained, g)
            if not gained and verb.dep_ in ("xcomp", "conj", "advcl"):
                for c in verb.head.children:
                    if c.dep_ == "nsubj":
                        add(gained, c)
            frame.gainers.extend(gained)
            window = {t.lower_ for t in doc[max(verb.i - 3, 0) : min(h.j + 4, len(doc))]}
            if window & _HEDGES or any(t.lemma_ in ("attempt", "try") for t in verb.ancestors):
                frame.hedged = True
        if tok.pos_ in ("VERB", "AUX"):
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
            for c in tok.children:
                if c.dep_ == "nsubj":
                    add(agents, c)
                elif c.dep_ == "nsubjpass" or c.dep_ == "dobj":
                    add(patients, c)
                elif c.dep_ == "agent":
                    for g in c.children:
                        add(agents, g)
                elif c.dep_ == "prep" and c.lower_ in ("on", "against", "with", "at", "targeting"):
                    for g in c.children:
                        add(patients, g)
            if not passive and not agents and tok.dep_ in ("xcomp", "advcl", "conj"):
                # "... stormed the town, killing ten": the subject is the governing verb's.
                head = tok.head
                for c in head.children:
                    if c.dep_ == "nsubj":
                        add(agents, c)
        else:
            for c in tok.children:
                if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < tok.i:
                    add(agents, c)
                elif c.dep_ == "prep" and c.lower_ == "by":
                    for g in c.children:
                        add(agents, g)
                elif c.dep_ == "prep" and c.lower_ in ("on", "against", "targeting", "at"):
                    for g in c.children:
                        add(patients, g)
                elif c.dep_ == "prep" and c.lower_ == "between":
                    for g in c.children:
                        add(agents, g)
                        for cj in g.conjuncts:
                            add(patients, cj)
                elif c.dep_ == "prep" and c.lower_ == "with":
                    for g in c.children:
                        add(patients, g)
            head = tok.head
            if (
                tok.dep_ == "pobj"
                and head.lower_ in ("for", "behind")
                and head.head.lower_ in ("responsible", "behind", "blamed", "claimed")
            ):
                # "the ISIS gunman responsible for a December ambush"
                doer = head.head.head if head.head.lower_ == "responsible" else head.head
                add(agents, doer)
            if tok.dep_ in ("dobj",) and head.pos_ == "VERB":
                for c in head.children:
                    if c.dep_ == "nsubj":
                        add(agents, c)
            if tok.dep_ == "nsubj" and head.pos_ == "VERB":
                for c in head.children:
                    if c.dep_ in ("dobj",):
                        add(patients, c)
    for t in frame.tolls:
        if t.word_i >= 0:
            word = doc[t.word_i]
            for c in word.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    add(patients, c)
                    frame.victim_words.extend(x.lemma_.lower() for x in c.subtree)
            if word.dep_ in ("acl", "amod") and word.head.pos_ in ("NOUN", "PROPN"):
                frame.victim_words.extend(x.lemma_.lower() for x in word.head.subtree)
    has_state = any(a.entry is not None and a.entry.kind == "military" for a in frame.actors)
    frame.supporters = [
        a
        for a in frame.actors
        if _is_supporter(a, doc)
        or (has_state and a.entry is not None and a.entry.kind == "pro_government_militia")
    ]
    frame.agents = [a for a in agents if a not in frame.supporters] or agents
    frame.patients = [p for p in patients if p not in agents and p not in frame.supporters]


_SUPPORT = {
    "back",
    "support",
    "assist",
    "aid",
    "ally",
    "accompany",
    "loyal",
    "join",
    "cover",
    "reinforce",
    "alongside",
    "help",
}


def _is_supporter(mention: ActorMention, doc: Any) -> bool:
    """An actor named as helping another: "regime forces backed by Russian jets"."""
    tok = doc[mention.tok_end - 1]
    for k, anc in enumerate([tok, *_ancestors(tok, 4)]):
        lemma = anc.lemma_.lower()
        if anc.dep_ == "prep" and anc.lower_ in ("against", "on", "between"):
            return False  # "backed by jets, against IS fighters": the enemy, not a helper
        if k > 0 and lemma in _SUPPORT:
            return True
        if (
            k > 0
            and anc.dep_ == "prep"
            and anc.lower_ in ("with", "alongside")
            and anc.head.pos_ in ("NOUN", "PROPN")
            and anc.head.lemma_
            not in ("clash", "battle", "fighting", "fight", "confrontation", "skirmish")
        ):
            return True
        if anc.pos_ == "VERB" and lemma not in _SUPPORT:
            return False
    return mention.tok_start > 0 and doc[mention.tok_start - 1].lower_ in ("allied", "pro-regime")


# Public names for the claims stage, which keeps what this stage refuses as campaign totals.
PERIOD = _PERIOD
is_aggregate = _is_aggregate
