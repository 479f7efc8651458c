"""Roles: who acts (agents, actor1's candidates) and who is acted on (patients) in a
frame, who gains territory, and who only helps ("backed by Russian jets").

>>> assign_roles(frame, doc, actors); frame.agents[0].text   # doctest: +SKIP
'Gunmen'

Every rule is a card (``decision_cards.DecisionCard``). ``TRIGGER_CARDS`` are asked for
each trigger of the frame, in order, each where its scope (``SCOPES``) applies: a
territory trigger, a verb trigger (active or passive), a noun trigger. A run of cards
scoped to the arguments of a trigger reads each child of the trigger in turn, and the
first card of the run that takes the child decides its role. ``FRAME_CARDS`` then settle
the frame as a whole, all in order: the victims its toll words count, the helpers, the
two sides of a fight told as a list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import groupby
from typing import TYPE_CHECKING, Any

from ..actors import ActorMention
from .decision_cards import DecisionCard
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
    """The agents and patients of one frame as they are found (the frame's own lists),
    the ground the trigger being read gains, and the helpers that add the actor a phrase
    names (once) to a list."""

    def __init__(self, frame: Frame, doc: Doc, actors: list[ActorMention]) -> None:
        self.frame, self.doc, self.actors = frame, doc, actors
        self.agents: list[ActorMention] = frame.agents
        self.patients: list[ActorMention] = frame.patients
        self.gained: list[ActorMention] = []  # who took the ground, for the current trigger

    def add(self, target: list[ActorMention], tok: Token | Phrase) -> None:
        a = _actor_in(self.actors, tok)
        if a is not None and a not in target:
            target.append(a)

    def add_children(self, target: list[ActorMention], tok: Token) -> None:
        for g in tok.children:
            self.add(target, g)


@dataclass(frozen=True, slots=True)
class Site:
    """One trigger as the role cards read it: its hit, its last token, whether that is a
    verb and a passive one, and (for the argument cards) the child being read."""

    hit: TriggerHit
    tok: Token
    verb: bool
    passive: bool
    child: Token | None = None

    @property
    def arg(self) -> Token:
        """The child an argument card reads."""
        assert self.child is not None, "only argument cards read a child"
        return self.child


# What a trigger card answers: True when it took the child it read (argument cards; the
# other trigger cards' answers are not read).
TriggerRule = Callable[[_Roles, Site, "DecisionCard[Any]"], bool]
FrameRule = Callable[[_Roles, "DecisionCard[Any]"], None]
TriggerCard = DecisionCard[TriggerRule]
FrameCard = DecisionCard[FrameRule]

# Where the trigger cards apply. The argument scopes read each child of the trigger.
SCOPES: dict[str, Callable[[Site], bool]] = {
    "a territory trigger": lambda s: s.hit.entry.cls == "territory",
    "an argument of a verb trigger": lambda s: s.verb,
    "an active verb trigger": lambda s: s.verb and not s.passive,
    "a passive verb trigger": lambda s: s.verb and s.passive,
    "a verb trigger": lambda s: s.verb,
    "an argument of a noun trigger": lambda s: not s.verb,
    "a noun trigger": lambda s: not s.verb,
}
ARGUMENT_SCOPES = frozenset({"an argument of a verb trigger", "an argument of a noun trigger"})
FRAME_SCOPE = "the frame"


def assign_roles(frame: Frame, doc: Doc, all_actors: list[ActorMention]) -> None:
    """Agents (actor1 candidates) and patients (actor2 candidates) from the parse."""
    roles = _Roles(frame, doc, all_actors)
    for h in frame.triggers:
        tok = doc[h.j - 1]
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        _trigger_roles(roles, Site(h, tok, tok.pos_ in ("VERB", "AUX"), passive))
    for card in FRAME_CARDS:
        card.rule(roles, card)


def _trigger_roles(roles: _Roles, site: Site) -> None:
    """The trigger cards, in order, where their scope applies."""
    roles.gained = []
    for scope, run in groupby(TRIGGER_CARDS, key=lambda c: c.applies):
        if not SCOPES[scope](site):
            continue
        cards = tuple(run)
        if scope not in ARGUMENT_SCOPES:
            for card in cards:
                card.rule(roles, site, card)
            continue
        for child in site.tok.children:
            at = replace(site, child=child)
            for card in cards:
                if card.rule(roles, at, card):
                    break  # the first card that takes a child decides its role
    roles.frame.gainers.extend(roles.gained)


# ---- Territory: who took the ground, and whether the taking is hedged ----


def _taking_verb(roles: _Roles, site: Site) -> Token:
    """The verb of a taking: the trigger's own, or the verb its noun hangs on ("took
    control")."""
    doc, h = roles.doc, site.hit
    verb = doc[h.i] if doc[h.i].pos_ == "VERB" else site.tok
    if verb.pos_ != "VERB" and verb.head.pos_ == "VERB":
        verb = verb.head  # "established control", "took control"
    return verb


def _taker(roles: _Roles, site: Site, card: DecisionCard[Any]) -> bool:
    for c in _taking_verb(roles, site).children:
        if c.dep_ == "nsubj":
            roles.add(roles.gained, c)
        elif c.dep_ == "agent":
            roles.add_children(roles.gained, c)
    return False


def _taker_of_governing_verb(roles: _Roles, site: Site, card: DecisionCard[Any]) -> bool:
    verb = _taking_verb(roles, site)
    if not roles.gained and verb.dep_ in ("xcomp", "conj", "advcl"):
        for c in verb.head.children:
            if c.dep_ == "nsubj":
                roles.add(roles.gained, c)
    return False


def _hedged_taking(roles: _Roles, site: Site, card: DecisionCard[Any]) -> bool:
    doc, verb = roles.doc, _taking_verb(roles, site)
    lo = max(verb.i - card.thresholds["before"], 0)
    hi = min(site.hit.j + card.thresholds["after"], len(doc))
    window = {t.lower_ for t in doc[lo:hi]}
    if window & word_class("hedge") or any(
        t.lemma_ in word_class("hedging_governor") for t in verb.ancestors
    ):
        roles.frame.hedged = True
    return False


# ---- A verb trigger's own arguments (each child read by the first card that takes it) ----


def _clash_subject_halves(roles: _Roles, site: Site, card: DecisionCard[Any]) -> bool:
    c, tok = site.arg, site.tok
    if not (
        c.dep_ == "nsubj"
        and site.hit.entry.sub_event_type == "Armed clash"
        and c.conjuncts
        and not any(
            d.dep_ in ("dobj", "prep") and d.lower_ in word_class("clash_prep") or d.dep_ == "dobj"
            for d in tok.children
        )
    ):
        return False
    roles.add(roles.agents, without(c, c.conjuncts))
    for cj in c.conjuncts:
        roles.add(roles.patients, cj)
    return True


def _argument(takes: Callable[[Site], bool], side: str, children: bool = False) -> TriggerRule:
    """An argument card's rule: a child that ``takes`` accepts joins the agents or the
    patients (``side``), as the actor it names or, for a preposition, the actors of its
    objects (``children``)."""

    def rule(roles: _Roles, site: Site, card: DecisionCard[Any]) -> bool:
        if not takes(site):
            return False
        target = roles.agents if side == "agents" else roles.patients
        (roles.add_children if children else roles.add)(target, site.arg)
        return True

    return rule


_subject_acts = _argument(lambda s: s.arg.dep_ == "nsubj", "agents")
_object_is_hit = _argument(lambda s: s.arg.dep_ in ("nsubjpass", "dobj"), "patients")
_passive_agent_acts = _argument(lambda s: s.arg.dep_ == "agent", "agents", children=True)
_target_of_preposition = _argument(
    lambda s: s.arg.dep_ == "prep" and s.arg.lower_ in word_class("target_prep"),
    "patients",
    children=True,
)


# ---- An active verb whose subject the parse lost ----


def _subject_of_governing_verb(roles: _Roles, site: Site, card: DecisionCard[Any]) -> bool:
    tok = site.tok
    if not roles.agents and tok.dep_ in ("xcomp", "advcl", "conj"):
        for c in tok.head.children:
            if c.dep_ == "nsubj":
                roles.add(roles.agents, c)
    return False


def _misparsed_as_modifier(roles: _Roles, site: Site, card: DecisionCard[Any]) -> bool:
    tok = site.tok
    if (
        not roles.agents
        and tok.dep_ in ("acl", "relcl")
        and tok.head.i < tok.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        and any(c.dep_ == "dobj" for t in [tok, *tok.conjuncts] for c in t.children)
    ):
        roles.add(roles.agents, without(tok.head, [tok]))
    return False


def _first_actor_of_clause(roles: _Roles, site: Site, card: DecisionCard[Any]) -> bool:
    h, doc = site.hit, roles.doc
    if not roles.agents and h.entry.cls in ("type", "attack", "territory"):
        a = _nearest(roles.actors, roles.frame, doc[site.tok.i].sent.start, h.i)
        if a is not None and not is_supporter(a, doc) and _may_act(a):
            roles.agents.append(a)
    return False


# ---- A passive verb; any verb: who the ground was taken from, who a clash was with ----


def _force_deployed(roles: _Roles, site: Site, card: DecisionCard[Any]) -> bool:
    if site.hit.entry.sub_event_type == "Other":
        for c in site.tok.children:
            if c.dep_ == "nsubjpass":
                roles.add(roles.agents, c)
    return False


def _ground_taken_from(roles: _Roles, site: Site, card: DecisionCard[Any]) -> bool:
    doc, h = roles.doc, site.hit
    if h.entry.cls == "territory":
        for t in doc[h.j : doc[h.j - 1].sent.end]:
            if t.lower_ == "from" and t.dep_ == "prep":
                roles.add_children(roles.patients, t)
                break
    return False


def _clashed_with(roles: _Roles, site: Site, card: DecisionCard[Any]) -> bool:
    doc, h = roles.doc, site.hit
    if not roles.patients and h.entry.sub_event_type == "Armed clash":
        end = doc[h.j - 1].sent.end
        window = doc[h.j : min(h.j + card.thresholds["window"], end)]
        after = next((t.i for t in window if t.lower_ in word_class("clash_prep")), None)
        if after is not None:
            a = _nearest(roles.actors, roles.frame, after, end)
            if a is not None and a not in roles.agents:
                roles.patients.append(a)
    return False


# ---- A noun trigger's own arguments (each child read by the first card that takes it) ----


def _modifier(site: Site) -> bool:
    """The child is a word before the noun that modifies it ("an ELN attack")."""
    c = site.arg
    return c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < site.tok.i


_blamed_on_noun = _argument(
    lambda s: _blamed(s.tok) and s.arg.dep_ == "prep" and s.arg.lower_ in word_class("blame_prep"),
    "agents",
    children=True,
)
# "a car bomb outside a military base": the force the base word names owns the base.
_base_owner = _argument(
    lambda s: (
        _modifier(s)
        and s.arg.i >= s.hit.i
        and s.hit.entry.sub_event_type == "Headquarters or base established"
    ),
    "patients",
)
_modifier_acts = _argument(_modifier, "agents")
_attack_by = _argument(lambda s: s.arg.dep_ == "prep" and s.arg.lower_ == "by", "agents", True)


def _clash_between(roles: _Roles, site: Site, card: DecisionCard[Any]) -> bool:
    c = site.arg
    if not (c.dep_ == "prep" and c.lower_ == "between"):
        return False
    for g in c.children:
        roles.add(roles.agents, g)
        for cj in g.conjuncts:
            roles.add(roles.patients, cj)
    return True


# ---- What the word governing a noun trigger says of its sides ----


def _responsible_for(roles: _Roles, site: Site, card: DecisionCard[Any]) -> bool:
    tok = site.tok
    head = tok.head
    if (
        tok.dep_ == "pobj"
        and head.lower_ in word_class("responsibility_prep")
        and head.head.lower_ in word_class("responsibility_word")
    ):
        doer = head.head.head if head.head.lower_ == "responsible" else head.head
        roles.add(roles.agents, doer)
    return False


def _blamed(tok: Token) -> bool:
    """The noun is what a blame verb's object: "blamed that attack on the ELN"."""
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in word_class("blame_verb")


def _blamed_on_verb(roles: _Roles, site: Site, card: DecisionCard[Any]) -> bool:
    if _blamed(site.tok):
        for c in site.tok.head.children:
            if c.dep_ == "prep" and c.lower_ in word_class("blame_prep"):
                roles.add_children(roles.agents, c)
    return False


def _carried_out_by_subject(roles: _Roles, site: Site, card: DecisionCard[Any]) -> bool:
    tok = site.tok
    if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and not _blamed(tok):
        for c in tok.head.children:
            if c.dep_ == "nsubj":
                roles.add(roles.agents, c)
    return False


def _what_the_noun_hit(roles: _Roles, site: Site, card: DecisionCard[Any]) -> bool:
    tok = site.tok
    if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB":
        for c in tok.head.children:
            if c.dep_ == "dobj":
                roles.add(roles.patients, c)
    return False


# ---- The frame as a whole ----


def _toll_words(frame: Frame, doc: Doc) -> list[Token]:
    """The frame's toll words (not the zeros and totals stated without one)."""
    return [doc[t.word_i] for t in frame.tolls if t.word_i >= 0]


def _toll_victims(roles: _Roles, card: DecisionCard[Any]) -> None:
    frame = roles.frame
    for word in _toll_words(frame, roles.doc):
        victim_deps = ("dobj", "nsubjpass") + (
            ("nsubj",) if word.lemma_ in word_class("death_verb") else ()
        )
        for c in word.children:
            if c.dep_ in victim_deps:
                roles.add(roles.patients, c)
                frame.victim_words.extend(x.lemma_.lower() for x in c.subtree)


def _described_victims(roles: _Roles, card: DecisionCard[Any]) -> None:
    frame = roles.frame
    for word in _toll_words(frame, roles.doc):
        if word.dep_ in ("acl", "amod") and word.head.pos_ in ("NOUN", "PROPN"):
            frame.victim_words.extend(x.lemma_.lower() for x in word.head.subtree)


def _helpers_named(roles: _Roles, card: DecisionCard[Any]) -> None:
    frame = roles.frame
    frame.supporters = [a for a in frame.actors if is_supporter(a, roles.doc)]


def _militia_beside_the_army(roles: _Roles, card: DecisionCard[Any]) -> None:
    frame = roles.frame
    if not any(a.entry is not None and a.entry.kind == "military" for a in frame.actors):
        return
    named = frame.supporters
    frame.supporters = [
        a
        for a in frame.actors
        if a in named or (a.entry is not None and a.entry.kind == "pro_government_militia")
    ]


def _actor_is_not_its_target(roles: _Roles, card: DecisionCard[Any]) -> None:
    frame = roles.frame
    frame.patients = [p for p in frame.patients if p not in frame.agents]


def _helpers_are_no_side(roles: _Roles, card: DecisionCard[Any]) -> None:
    frame = roles.frame
    helpers = frame.supporters
    frame.agents = [a for a in frame.agents if a not in helpers] or frame.agents
    frame.patients = [p for p in frame.patients if p not in helpers]


def _two_sides_of_a_list(roles: _Roles, card: DecisionCard[Any]) -> None:
    frame = roles.frame
    sides = two_sides(frame, roles.doc, roles.actors)
    if sides is not None:
        (a_main, a_rest), (b_main, b_rest) = sides
        frame.agents, frame.patients = [a_main], ([b_main] if b_main is not None else [])
        frame.allies, frame.allies_b = a_rest, b_rest


# ---- The cards, in the order they are asked ----

TRIGGER_CARDS: tuple[TriggerCard, ...] = (
    DecisionCard(
        "territory_taker",
        "who gained territory",
        "a territory trigger",
        "the subject (or the 'by' agent) of the verb of the taking",
        "Who took the ground is the one taking it: 'the army took control of the town'.",
        _taker,
    ),
    DecisionCard(
        "taker_of_governing_verb",
        "who gained territory",
        "a territory trigger",
        "no taker found, and the taking verb is chained to another (xcomp, conj, advcl)",
        "A taking chained to a verb with a subject is that subject's: 'rebels moved in and "
        "seized the town'.",
        _taker_of_governing_verb,
    ),
    DecisionCard(
        "hedged_taking",
        "whether the taking is hedged (no change of hands)",
        "a territory trigger",
        "a hedge word near the taking verb, or a verb of trying above it",
        "Ground taken for a while or in part changed no hands: 'briefly captured', "
        "'partial control', 'tried to take'.",
        _hedged_taking,
        thresholds={"before": 3, "after": 4},  # tokens before the verb, after the trigger
    ),
    DecisionCard(
        "clash_subject_halves",
        "actor1 and actor2",
        "an argument of a verb trigger",
        "the subject of a clash verb is two conjoined parties, and the verb has no object "
        "and no 'with'/'against'",
        "Parties that clashed with each other are two sides: 'rebels and the police clashed'.",
        _clash_subject_halves,
    ),
    DecisionCard(
        "subject_acts",
        "actor1",
        "an argument of a verb trigger",
        "the verb's subject",
        "The one doing is the subject: 'gunmen attacked a bus'.",
        _subject_acts,
    ),
    DecisionCard(
        "object_is_hit",
        "actor2",
        "an argument of a verb trigger",
        "the verb's object, or its passive subject",
        "The one hit is the object: 'gunmen attacked a police patrol', 'a patrol was ambushed'.",
        _object_is_hit,
    ),
    DecisionCard(
        "passive_agent_acts",
        "actor1",
        "an argument of a verb trigger",
        "the 'by' agent of a passive verb",
        "A passive verb's agent is the one doing: 'was ambushed by militants'.",
        _passive_agent_acts,
    ),
    DecisionCard(
        "verb_target_preposition",
        "actor2",
        "an argument of a verb trigger",
        "a preposition of targeting after the verb ('on', 'against', 'at', ...)",
        "What a verb is aimed at is hit: 'soldiers opened fire on protesters'.",
        _target_of_preposition,
    ),
    DecisionCard(
        "subject_of_governing_verb",
        "actor1",
        "an active verb trigger",
        "no agent found, and the verb hangs on another (xcomp, advcl, conj)",
        "A verb chained to another shares its subject: 'stormed the town, killing ten'.",
        _subject_of_governing_verb,
    ),
    DecisionCard(
        "misparsed_as_modifier",
        "actor1",
        "an active verb trigger",
        "no agent found; the verb is parsed as describing the noun before it but has no "
        "subject of its own and has an object",
        "A verb with an object of its own is the act of the noun it seems to describe: "
        "'snipers targeted and killed two soldiers'.",
        _misparsed_as_modifier,
    ),
    DecisionCard(
        "first_actor_of_clause",
        "actor1",
        "an active verb trigger",
        "no agent found for an event word of attack, type or territory: the first actor "
        "between the sentence's start and the trigger (not a helper, not mere people)",
        "The small model loses subjects; the first actor before the verb acts: 'regime "
        "and loyalist militia forces clashed'.",
        _first_actor_of_clause,
    ),
    DecisionCard(
        "force_deployed",
        "actor1",
        "a passive verb trigger",
        "a passive trigger of the 'Other' sub-event type: its passive subject",
        "A force deployed is the one acting: 'the army was deployed to the border'.",
        _force_deployed,
    ),
    DecisionCard(
        "ground_taken_from",
        "actor2",
        "a verb trigger",
        "a territory trigger followed by 'from' in its sentence",
        "Who lost the ground follows 'from': 'captured two villages from the rebels'.",
        _ground_taken_from,
    ),
    DecisionCard(
        "clashed_with",
        "actor2",
        "a verb trigger",
        "no patient found for a clash verb: the first actor after 'with'/'against' within "
        "a few tokens of the trigger",
        "A clash with a side names it after 'with': 'clashed sporadically with HTS fighters'.",
        _clashed_with,
        thresholds={"window": 6},  # tokens after the trigger where 'with' may stand
    ),
    DecisionCard(
        "blamed_on_noun",
        "actor1",
        "an argument of a noun trigger",
        "the noun is the object of a blame verb and has the blame preposition itself",
        "An attack blamed on a group is that group's: 'authorities blamed the attack on the ELN'.",
        _blamed_on_noun,
    ),
    DecisionCard(
        "base_owner",
        "actor2",
        "an argument of a noun trigger",
        "a base trigger whose own modifier names a force",
        "The force a base word names owns the base: 'a bomb outside a military base'.",
        _base_owner,
    ),
    DecisionCard(
        "modifier_acts",
        "actor1",
        "an argument of a noun trigger",
        "a word before the noun that modifies it (compound, adjective, possessive)",
        "A group named before an attack word made it: 'an ELN attack', 'Boko Haram's raid'.",
        _modifier_acts,
    ),
    DecisionCard(
        "attack_by",
        "actor1",
        "an argument of a noun trigger",
        "'by' after the noun",
        "An attack by a group is its act: 'an ambush by militants'.",
        _attack_by,
    ),
    DecisionCard(
        "noun_target_preposition",
        "actor2",
        "an argument of a noun trigger",
        "a preposition of targeting after the noun ('on', 'against', 'at', ...)",
        "What an attack is aimed at is hit: 'an attack on a police station'.",
        _target_of_preposition,
    ),
    DecisionCard(
        "clash_between",
        "actor1 and actor2",
        "an argument of a noun trigger",
        "'between' after the noun: the first party acts, its conjuncts are hit",
        "Clashes between two parties have them as sides: 'clashes between herders and farmers'.",
        _clash_between,
    ),
    DecisionCard(
        "responsible_for",
        "actor1",
        "a noun trigger",
        "the noun hangs on 'responsible for', 'behind', 'claimed for'",
        "The one responsible for an attack made it: 'the gunman responsible for the ambush'.",
        _responsible_for,
    ),
    DecisionCard(
        "blamed_on_verb",
        "actor1",
        "a noun trigger",
        "the noun is the object of a blame verb, whose blame preposition names the doer",
        "The blamed made the attack, not the blamer: 'police blamed the attack on bandits'.",
        _blamed_on_verb,
    ),
    DecisionCard(
        "carried_out_by_subject",
        "actor1",
        "a noun trigger",
        "the noun is the object of a verb (not a blame verb): the verb's subject",
        "Who carried out an attack made it: 'militants carried out an attack'.",
        _carried_out_by_subject,
    ),
    DecisionCard(
        "what_the_noun_hit",
        "actor2",
        "a noun trigger",
        "the noun is the subject of a verb: the verb's object",
        "What an attack word's verb names is hit: 'an airstrike hit a rebel convoy'.",
        _what_the_noun_hit,
    ),
)

FRAME_CARDS: tuple[FrameCard, ...] = (
    DecisionCard(
        "toll_victims",
        "actor2 and the victims' words",
        FRAME_SCOPE,
        "a toll word of the frame with an object or passive subject (a death verb's subject)",
        "The people a toll word counts were hit: 'gunmen killed three soldiers'.",
        _toll_victims,
    ),
    DecisionCard(
        "described_victims",
        "the victims' words",
        FRAME_SCOPE,
        "a toll word describing a noun ('soldiers killed', 'injured villagers')",
        "The noun a toll participle describes names the victims: 'two soldiers killed'.",
        _described_victims,
    ),
    DecisionCard(
        "helpers_named",
        "who only helps",
        FRAME_SCOPE,
        "an actor named as helping another",
        "A helper is part of the side it helps: 'regime forces backed by Russian jets'.",
        _helpers_named,
    ),
    DecisionCard(
        "militia_beside_the_army",
        "who only helps",
        FRAME_SCOPE,
        "a pro-government militia in a frame with a state's military",
        "A pro-government militia fighting beside the army helps it: 'troops and allied militias'.",
        _militia_beside_the_army,
    ),
    DecisionCard(
        "actor_is_not_its_target",
        "actor2",
        FRAME_SCOPE,
        "an actor both acting and hit",
        "An actor found acting is not its own target: 'rebels and the police clashed'.",
        _actor_is_not_its_target,
    ),
    DecisionCard(
        "helpers_are_no_side",
        "actor1 and actor2",
        FRAME_SCOPE,
        "helpers among the agents (unless only helpers act) and the patients",
        "A helper is neither side: 'forces, supported by Coalition jets, clashed with IS'.",
        _helpers_are_no_side,
    ),
    DecisionCard(
        "two_sides_of_a_list",
        "actor1, actor2 and their associates",
        FRAME_SCOPE,
        "a fight told as a list ('between A and B', 'A against B')",
        "A fight told as a list names its two sides: 'clashes between A and B'.",
        _two_sides_of_a_list,
    ),
)
