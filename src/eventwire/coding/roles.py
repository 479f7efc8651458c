"""Roles: who acts (agents, actor1's candidates) and who is acted on (patients) in a
frame, who gains territory, and who only helps ("backed by Russian jets").

>>> assign_roles(frame, doc, actors); frame.agents[0].text   # doctest: +SKIP
'Gunmen'
"""

from __future__ import annotations

from typing import Any

from ..actors import ActorMention
from .records import Frame
from .sides import two_sides
from .support import is_supporter
from .syntax import without

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


def _actor_in(actors: list[ActorMention], tok: Any) -> ActorMention | None:
    """The actor a phrase names: its first actor, but a named armed group over the people
    it names ("a man belonging to QSD's intelligence", "two fighters of the Islamic State").
    """
    tokens = {t.i for t in tok.subtree}
    found = [a for a in actors if any(i in tokens for i in range(a.tok_start, a.tok_end))]
    if not found:
        return None
    first = found[0]
    if first.entry is not None and first.entry.generic and first.entry.inter in (3, 7):
        named = [
            a
            for a in found[1:]
            if a.entry is None  # a group the dictionary lacks, kept as written
            or (not a.entry.generic and a.entry.inter in (1, 2, 3, 4, 8))
        ]
        if named:
            return named[0]
    return first


def _may_act(mention: ActorMention) -> bool:
    """An actor that can be the one acting when the parse does not say: not the people a
    sentence is about ("12 people were killed when a bomb exploded")."""
    entry = mention.entry
    return entry is None or entry.inter not in (7,)


def _nearest(
    actors: list[ActorMention], frame: Frame, lo: int, hi: int, last: bool = False
) -> ActorMention | None:
    """The first (or last) actor of the frame between tokens lo and hi."""
    inside = [
        a for a in actors if lo <= a.tok_start and a.tok_end <= hi and a.tok_start in frame.tokens
    ]
    if not inside:
        return None
    return inside[-1] if last else inside[0]


def assign_roles(frame: Frame, doc: Any, all_actors: list[ActorMention]) -> None:
    """Agents (actor1 candidates) and patients (actor2 candidates) from the parse."""
    agents: list[ActorMention] = []
    patients: list[ActorMention] = []

    def add(target: list[ActorMention], tok: Any) -> None:
        a = _actor_in(all_actors, tok)
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
                    if (
                        h.entry.sub_event_type == "Armed clash"
                        and c.conjuncts
                        and not any(
                            d.dep_ in ("dobj", "prep")
                            and d.lower_ in ("with", "against")
                            or d.dep_ == "dobj"
                            for d in tok.children
                        )
                    ):
                        # "UDMF cadres and the police clashed": the subject's two halves
                        add(agents, without(c, c.conjuncts))
                        for cj in c.conjuncts:
                            add(patients, cj)
                    else:
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
            if (
                not passive
                and not agents
                and tok.dep_ in ("acl", "relcl")
                and tok.head.i < tok.i
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
                and any(c.dep_ == "dobj" for t in [tok, *tok.conjuncts] for c in t.children)
            ):
                # "Free Idlib Army snipers targeted and killed 2 soldiers", parsed as if the
                # verb described the snipers: with an object of its own it is their act.
                add(agents, without(tok.head, [tok]))
            if passive and h.entry.sub_event_type == "Other":
                # "the army was deployed": the force deployed is the one acting.
                for c in tok.children:
                    if c.dep_ == "nsubjpass":
                        add(agents, c)
            if not passive and not agents and h.entry.cls in ("type", "attack", "territory"):
                # The small model often loses the subject ("regime and loyalist militia forces
                # clashed", "QSD forces, supported by ..., clashed"): the first actor of the
                # clause before the verb.
                a = _nearest(all_actors, frame, doc[tok.i].sent.start, h.i)
                if a is not None and not is_supporter(a, doc) and _may_act(a):
                    agents.append(a)
            if h.entry.cls == "territory":
                # "captured the villages of A and B from Islamic State fighters"
                for t in doc[h.j : doc[h.j - 1].sent.end]:
                    if t.lower_ == "from" and t.dep_ == "prep":
                        for g in t.children:
                            add(patients, g)
                        break
            if not patients and h.entry.sub_event_type == "Armed clash":
                # "clashed sporadically with HTS fighters": the first actor after with/against.
                after = next(
                    (
                        t.i
                        for t in doc[h.j : min(h.j + 6, doc[h.j - 1].sent.end)]
                        if t.lower_ in ("with", "against")
                    ),
                    None,
                )
                if after is not None:
                    a = _nearest(all_actors, frame, after, doc[h.j - 1].sent.end)
                    if a is not None and a not in agents:
                        patients.append(a)
        else:
            blamed = tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("blame", "attribute", "pin")
            for c in tok.children:
                if blamed and c.dep_ == "prep" and c.lower_ in ("on", "to"):
                    for g in c.children:  # "blamed that attack on the ELN": the attacker
                        add(agents, g)
                elif c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < tok.i:
                    if c.i >= h.i and h.entry.sub_event_type == "Headquarters or base established":
                        add(patients, c)  # "a car bomb outside a military base": its owner
                    else:
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
            if tok.dep_ == "dobj" and head.lemma_.lower() in ("blame", "attribute", "pin"):
                # "authorities blamed that attack on the ELN": the blamed, not the blamer.
                for c in head.children:
                    if c.dep_ == "prep" and c.lower_ in ("on", "to"):
                        for g in c.children:
                            add(agents, g)
            elif tok.dep_ in ("dobj",) and head.pos_ == "VERB":
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
            victim_deps = ("dobj", "nsubjpass") + (
                ("nsubj",) if word.lemma_ in ("die", "succumb", "perish") else ()
            )
            for c in word.children:
                if c.dep_ in victim_deps:
                    add(patients, c)
                    frame.victim_words.extend(x.lemma_.lower() for x in c.subtree)
            if word.dep_ in ("acl", "amod") and word.head.pos_ in ("NOUN", "PROPN"):
                frame.victim_words.extend(x.lemma_.lower() for x in word.head.subtree)
    has_state = any(a.entry is not None and a.entry.kind == "military" for a in frame.actors)
    frame.supporters = [
        a
        for a in frame.actors
        if is_supporter(a, doc)
        or (has_state and a.entry is not None and a.entry.kind == "pro_government_militia")
    ]
    frame.agents = [a for a in agents if a not in frame.supporters] or agents
    frame.patients = [p for p in patients if p not in agents and p not in frame.supporters]
    sides = two_sides(frame, doc, all_actors)
    if sides is not None:
        (a_main, a_rest), (b_main, b_rest) = sides
        frame.agents, frame.patients = [a_main], ([b_main] if b_main is not None else [])
        frame.allies, frame.allies_b = a_rest, b_rest
