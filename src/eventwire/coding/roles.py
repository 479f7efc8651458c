"""Roles: who acts (agents, actor1's candidates) and who is acted on (patients) in a
frame, who gains territory, and who only helps ("backed by Russian jets").

>>> assign_roles(frame, doc, actors); frame.agents[0].text   # doctest: +SKIP
'Gunmen'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors import ActorMention
from .records import Frame, TriggerHit
from .sides import two_sides
from .support import is_supporter
from .syntax import Phrase, without
from .words import word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc, Token


def _actor_in(actors: list[ActorMention], tok: Token | Phrase) -> ActorMention | None:
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


class _Roles:
    """The agents and patients of one frame as they are found, with the helpers that add
    the actor a phrase names (once) to either list."""

    def __init__(self, frame: Frame, doc: Doc, actors: list[ActorMention]) -> None:
        self.frame, self.doc, self.actors = frame, doc, actors
        self.agents: list[ActorMention] = []
        self.patients: list[ActorMention] = []

    def add(self, target: list[ActorMention], tok: Token | Phrase) -> None:
        a = _actor_in(self.actors, tok)
        if a is not None and a not in target:
            target.append(a)

    def add_children(self, target: list[ActorMention], tok: Token) -> None:
        for g in tok.children:
            self.add(target, g)


def assign_roles(frame: Frame, doc: Doc, all_actors: list[ActorMention]) -> None:
    """Agents (actor1 candidates) and patients (actor2 candidates) from the parse."""
    roles = _Roles(frame, doc, all_actors)
    for h in frame.triggers:
        tok = doc[h.j - 1]
        if h.entry.cls == "territory":
            _gained(roles, h, tok)
        if tok.pos_ in ("VERB", "AUX"):
            _verb_roles(roles, h, tok)
        else:
            _noun_roles(roles, h, tok)
    _toll_victims(roles)
    _helpers_and_sides(roles)


def _gained(roles: _Roles, h: TriggerHit, tok: Token) -> None:
    """Who took the ground ("the army took control"), and whether the taking is hedged
    ("briefly captured", "partial control", "attempted to take")."""
    doc, frame = roles.doc, roles.frame
    verb = doc[h.i] if doc[h.i].pos_ == "VERB" else tok
    if verb.pos_ != "VERB" and verb.head.pos_ == "VERB":
        verb = verb.head  # "established control", "took control"
    gained: list[ActorMention] = []
    for c in verb.children:
        if c.dep_ == "nsubj":
            roles.add(gained, c)
        elif c.dep_ == "agent":
            roles.add_children(gained, c)
    if not gained and verb.dep_ in ("xcomp", "conj", "advcl"):
        for c in verb.head.children:
            if c.dep_ == "nsubj":
                roles.add(gained, c)
    frame.gainers.extend(gained)
    window = {t.lower_ for t in doc[max(verb.i - 3, 0) : min(h.j + 4, len(doc))]}
    if window & word_class("hedge") or any(
        t.lemma_ in word_class("hedging_governor") for t in verb.ancestors
    ):
        frame.hedged = True


def _verb_roles(roles: _Roles, h: TriggerHit, tok: Token) -> None:
    """A verb trigger: its subject acts, its object is hit; when the parse loses the
    subject, the clause's or the governing verb's."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    _verb_arguments(roles, h, tok)
    if not passive:
        _lost_subject(roles, h, tok)
    if passive and h.entry.sub_event_type == "Other":
        # "the army was deployed": the force deployed is the one acting.
        for c in tok.children:
            if c.dep_ == "nsubjpass":
                roles.add(roles.agents, c)
    _verb_opponents(roles, h, tok)


def _verb_arguments(roles: _Roles, h: TriggerHit, tok: Token) -> None:
    agents, patients = roles.agents, roles.patients
    for c in tok.children:
        if c.dep_ == "nsubj":
            if (
                h.entry.sub_event_type == "Armed clash"
                and c.conjuncts
                and not any(
                    d.dep_ in ("dobj", "prep")
                    and d.lower_ in word_class("clash_prep")
                    or d.dep_ == "dobj"
                    for d in tok.children
                )
            ):
                # "UDMF cadres and the police clashed": the subject's two halves
                roles.add(agents, without(c, c.conjuncts))
                for cj in c.conjuncts:
                    roles.add(patients, cj)
            else:
                roles.add(agents, c)
        elif c.dep_ == "nsubjpass" or c.dep_ == "dobj":
            roles.add(patients, c)
        elif c.dep_ == "agent":
            roles.add_children(agents, c)
        elif c.dep_ == "prep" and c.lower_ in word_class("target_prep"):
            roles.add_children(patients, c)


def _lost_subject(roles: _Roles, h: TriggerHit, tok: Token) -> None:
    """An active verb with no agent found: the governing verb's subject, the noun the
    verb was misparsed as describing, or the first actor of the clause before it."""
    agents, doc = roles.agents, roles.doc
    if not agents and tok.dep_ in ("xcomp", "advcl", "conj"):
        # "... stormed the town, killing ten": the subject is the governing verb's.
        for c in tok.head.children:
            if c.dep_ == "nsubj":
                roles.add(agents, c)
    if (
        not agents
        and tok.dep_ in ("acl", "relcl")
        and tok.head.i < tok.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        and any(c.dep_ == "dobj" for t in [tok, *tok.conjuncts] for c in t.children)
    ):
        # "Free Idlib Army snipers targeted and killed 2 soldiers", parsed as if the
        # verb described the snipers: with an object of its own it is their act.
        roles.add(agents, without(tok.head, [tok]))
    if not agents and h.entry.cls in ("type", "attack", "territory"):
        # The small model often loses the subject ("regime and loyalist militia forces
        # clashed", "QSD forces, supported by ..., clashed"): the first actor of the
        # clause before the verb.
        a = _nearest(roles.actors, roles.frame, doc[tok.i].sent.start, h.i)
        if a is not None and not is_supporter(a, doc) and _may_act(a):
            agents.append(a)


def _verb_opponents(roles: _Roles, h: TriggerHit, tok: Token) -> None:
    """Who the ground was taken from ("captured the villages of A and B from IS"), and who
    a clash was with ("clashed sporadically with HTS fighters")."""
    doc, patients = roles.doc, roles.patients
    if h.entry.cls == "territory":
        for t in doc[h.j : doc[h.j - 1].sent.end]:
            if t.lower_ == "from" and t.dep_ == "prep":
                roles.add_children(patients, t)
                break
    if not patients and h.entry.sub_event_type == "Armed clash":
        end = doc[h.j - 1].sent.end
        after = next(
            (t.i for t in doc[h.j : min(h.j + 6, end)] if t.lower_ in word_class("clash_prep")),
            None,
        )
        if after is not None:
            a = _nearest(roles.actors, roles.frame, after, end)
            if a is not None and a not in roles.agents:
                patients.append(a)


def _noun_roles(roles: _Roles, h: TriggerHit, tok: Token) -> None:
    """A noun trigger: "an ELN attack", "the attack by X on Y", "clashes between A and B"."""
    agents, patients = roles.agents, roles.patients
    head = tok.head
    blamed = tok.dep_ == "dobj" and head.lemma_.lower() in word_class("blame_verb")
    for c in tok.children:
        if blamed and c.dep_ == "prep" and c.lower_ in word_class("blame_prep"):
            roles.add_children(agents, c)  # "blamed that attack on the ELN": the attacker
        elif c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < tok.i:
            if c.i >= h.i and h.entry.sub_event_type == "Headquarters or base established":
                roles.add(patients, c)  # "a car bomb outside a military base": its owner
            else:
                roles.add(agents, c)
        elif c.dep_ == "prep" and c.lower_ == "by":
            roles.add_children(agents, c)
        elif c.dep_ == "prep" and c.lower_ in word_class("target_prep"):
            roles.add_children(patients, c)
        elif c.dep_ == "prep" and c.lower_ == "between":
            for g in c.children:
                roles.add(agents, g)
                for cj in g.conjuncts:
                    roles.add(patients, cj)
    _noun_governor(roles, tok)


def _noun_governor(roles: _Roles, tok: Token) -> None:
    """What the word governing a noun trigger says of its sides: "the gunman responsible
    for the ambush", "authorities blamed the attack on X", "X carried out the attack"."""
    agents, patients = roles.agents, roles.patients
    head = tok.head
    if (
        tok.dep_ == "pobj"
        and head.lower_ in word_class("responsibility_prep")
        and head.head.lower_ in word_class("responsibility_word")
    ):
        # "the ISIS gunman responsible for a December ambush"
        doer = head.head.head if head.head.lower_ == "responsible" else head.head
        roles.add(agents, doer)
    if tok.dep_ == "dobj" and head.lemma_.lower() in word_class("blame_verb"):
        # "authorities blamed that attack on the ELN": the blamed, not the blamer.
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in word_class("blame_prep"):
                roles.add_children(agents, c)
    elif tok.dep_ in ("dobj",) and head.pos_ == "VERB":
        for c in head.children:
            if c.dep_ == "nsubj":
                roles.add(agents, c)
    if tok.dep_ == "nsubj" and head.pos_ == "VERB":
        for c in head.children:
            if c.dep_ in ("dobj",):
                roles.add(patients, c)


def _toll_victims(roles: _Roles) -> None:
    """The people a toll word counts are patients, and their words are the victim words
    the classification cards weigh (soldiers or villagers)."""
    doc, frame = roles.doc, roles.frame
    for t in frame.tolls:
        if t.word_i < 0:
            continue
        word = doc[t.word_i]
        victim_deps = ("dobj", "nsubjpass") + (
            ("nsubj",) if word.lemma_ in word_class("death_verb") else ()
        )
        for c in word.children:
            if c.dep_ in victim_deps:
                roles.add(roles.patients, c)
                frame.victim_words.extend(x.lemma_.lower() for x in c.subtree)
        if word.dep_ in ("acl", "amod") and word.head.pos_ in ("NOUN", "PROPN"):
            frame.victim_words.extend(x.lemma_.lower() for x in word.head.subtree)


def _helpers_and_sides(roles: _Roles) -> None:
    """Helpers are no side; a fight told as a list ("between A and B") gives the sides."""
    frame, doc, agents, patients = roles.frame, roles.doc, roles.agents, roles.patients
    has_state = any(a.entry is not None and a.entry.kind == "military" for a in frame.actors)
    frame.supporters = [
        a
        for a in frame.actors
        if is_supporter(a, doc)
        or (has_state and a.entry is not None and a.entry.kind == "pro_government_militia")
    ]
    frame.agents = [a for a in agents if a not in frame.supporters] or agents
    frame.patients = [p for p in patients if p not in agents and p not in frame.supporters]
    sides = two_sides(frame, doc, roles.actors)
    if sides is not None:
        (a_main, a_rest), (b_main, b_rest) = sides
        frame.agents, frame.patients = [a_main], ([b_main] if b_main is not None else [])
        frame.allies, frame.allies_b = a_rest, b_rest
