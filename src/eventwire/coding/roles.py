"""Roles: who acts (agents, actor1's candidates) and who is acted on (patients) in a
frame, who gains territory, and who only helps ("backed by Russian jets").

>>> assign_roles(frame, doc, actors); frame.agents[0].text   # doctest: +SKIP
'Gunmen'

Every rule is a card (``decision_cards.DecisionCard``). ``TRIGGER_CARDS`` (those of
``verb_roles.py`` and ``noun_roles.py``) are asked for each trigger of the frame, in
order, each where its scope (``role_sites.SCOPES``) applies: a territory trigger, a verb
trigger (active or passive), a noun trigger. A run of cards scoped to the arguments of a
trigger reads each child of the trigger in turn, and the first card of the run that
takes the child decides its role. ``FRAME_CARDS`` then settle the frame as a whole, all
in order: the victims its toll words count, the helpers, the two sides of a fight told
as a list.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby
from typing import TYPE_CHECKING, Any

from ..actors import CIVILIANS, ActorMention
from .decision_cards import DecisionCard
from .noun_roles import NOUN_CARDS
from .records import Frame
from .role_sites import ARGUMENT_SCOPES, FRAME_SCOPE, SCOPES, FrameCard, Roles, Site, TriggerCard
from .sides import two_sides
from .support import is_supporter
from .verb_roles import VERB_CARDS, reads_as_passive
from .words import word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc, Token

# Every trigger card, in the order they are asked.
TRIGGER_CARDS: tuple[TriggerCard, ...] = (*VERB_CARDS, *NOUN_CARDS)
# The module's lists of cards, in the order they are asked (for tests and bench scripts).
CARD_LISTS = ("TRIGGER_CARDS", "FRAME_CARDS")


def assign_roles(frame: Frame, doc: Doc, all_actors: list[ActorMention]) -> None:
    """Agents (actor1 candidates) and patients (actor2 candidates) from the parse."""
    roles = Roles(frame, doc, all_actors)
    for h in frame.triggers:
        tok = _phrase_verb(doc, h.i, h.j)
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        _trigger_roles(roles, Site(h, tok, tok.pos_ in ("VERB", "AUX"), passive))
    for card in FRAME_CARDS:
        card.rule(roles, card)


def _phrase_verb(doc: Doc, i: int, j: int) -> Token:
    """The token of trigger phrase ``doc[i:j]`` its roles hang on: the verb its last word
    depends on inside the phrase, directly or through "to" ("shot dead", "hacked to
    death": the verb, not "dead" or "death"), else the last word ("came under fire": what
    came under it was fired on, the fire's)."""
    last = doc[j - 1]
    if last.pos_ in ("VERB", "AUX"):
        return last
    up = last.head
    if up.lower_ == "to" and up.head.i != up.i:
        up = up.head  # "hacked to death"
    return up if up.pos_ == "VERB" and i <= up.i < j else last


def _trigger_roles(roles: Roles, site: Site) -> None:
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


# ---- The frame as a whole ----


def _toll_words(frame: Frame, doc: Doc) -> list[Token]:
    """The frame's toll words (not the zeros and totals stated without one)."""
    return [doc[t.word_i] for t in frame.tolls if t.word_i >= 0]


def _phrase_lemmas(head: Token) -> list[str]:
    """The lemmas of a victim's noun phrase, without the clauses that describe it: "a man
    they accused of guiding the gunmen" names a man, not gunmen."""
    clauses = [c for c in head.children if c.dep_ in ("relcl", "acl")]
    inside = {t.i for c in clauses for t in c.subtree}
    return [
        "civilian" if _community_member(t) else t.lemma_.lower()
        for t in head.subtree
        if t.i not in inside
    ]


def _community_member(tok: Token) -> bool:
    """ "members of the Fulani community" (also "a number of members of ..."): people of
    a community, not of an armed group."""
    return tok.lemma_.lower() == "member" and any(
        t.lemma_.lower() in word_class("civilian_collective")
        for prep in tok.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for t in prep.subtree
    )


def _toll_victims(roles: Roles, card: DecisionCard[Any]) -> None:
    frame = roles.frame
    for word in _toll_words(frame, roles.doc):
        victim_deps = ("dobj", "nsubjpass") + (
            ("nsubj",)
            if word.lemma_ in word_class("death_verb") or reads_as_passive(roles, word)
            else ()
        )  # ("Five aid workers killed in ambush": a headline's passive)
        for c in word.children:
            if c.dep_ in victim_deps:
                roles.add(roles.patients, c)
                _head_named_too(roles, c)
                frame.victim_words.extend(_phrase_lemmas(c))


def _head_named_too(roles: Roles, head: Token) -> None:
    """The victims are the people their noun names: in "3 WFP national staff shot dead"
    the staff, civilians, and not the agency named before them as their employer (which
    is then taken neither to act nor to be an armed side hit). A group named after them
    ("judges of HTS") is theirs, as ``actor_in`` reads it."""
    own = next((a for a in roles.actors if a.tok_start <= head.i < a.tok_end), None)
    if own is None or own.entry is None or own.entry.inter != CIVILIANS:
        return
    inside = {t.i for t in head.subtree}
    if any(p.tok_start in inside and p.tok_start > head.i for p in roles.patients):
        return  # "two judges of Hayat Tahrir al-Sham": people of the group named after
    roles.patients[:] = [p for p in roles.patients if p is own or p.tok_start not in inside]
    if own not in roles.patients:
        roles.patients.append(own)


def _described_victims(roles: Roles, card: DecisionCard[Any]) -> None:
    frame = roles.frame
    for word in _toll_words(frame, roles.doc):
        if word.dep_ in ("acl", "amod") and word.head.pos_ in ("NOUN", "PROPN"):
            frame.victim_words.extend(_phrase_lemmas(word.head))
            if word.dep_ == "acl" and word.tag_ == "VBN" and word.head.i < word.i:
                roles.add(roles.patients, word.head)  # "Two gendarmes killed in ambush"


def _helpers_named(roles: Roles, card: DecisionCard[Any]) -> None:
    frame = roles.frame
    frame.supporters = [a for a in frame.actors if is_supporter(a, roles.doc)]


def _militia_beside_the_army(roles: Roles, card: DecisionCard[Any]) -> None:
    frame = roles.frame
    if not any(a.entry is not None and a.entry.kind == "military" for a in frame.actors):
        return
    named = frame.supporters
    frame.supporters = [
        a
        for a in frame.actors
        if a in named or (a.entry is not None and a.entry.kind == "pro_government_militia")
    ]


def _actor_is_not_its_target(roles: Roles, card: DecisionCard[Any]) -> None:
    frame = roles.frame
    frame.patients = [p for p in frame.patients if p not in frame.agents]


def _helpers_are_no_side(roles: Roles, card: DecisionCard[Any]) -> None:
    frame = roles.frame
    helpers = frame.supporters
    frame.agents = [a for a in frame.agents if a not in helpers] or frame.agents
    frame.patients = [p for p in frame.patients if p not in helpers]


def _two_sides_of_a_list(roles: Roles, card: DecisionCard[Any]) -> None:
    frame = roles.frame
    sides = two_sides(frame, roles.doc, roles.actors)
    if sides is not None:
        (a_main, a_rest), (b_main, b_rest) = sides
        frame.agents, frame.patients = [a_main], ([b_main] if b_main is not None else [])
        frame.allies, frame.allies_b = a_rest, b_rest


FRAME_CARDS: tuple[FrameCard, ...] = (
    DecisionCard(
        "toll_victims",
        "actor2 and the victims' words",
        FRAME_SCOPE,
        "a toll word of the frame with an object or passive subject (a death verb's subject)",
        "The people a toll word counts were hit: 'gunmen killed three soldiers'.",
        _toll_victims,
        fires=(
            (
                "A man threw a grenade at a house in Zamboanga on Monday, wounding a woman and "
                "two children.",
                {"actor2": "Civilians (Philippines)"},
            ),
        ),
        not_fires=(
            (
                "A man threw a grenade at a house in Zamboanga on Monday.",
                {"actor2": None},
            ),
        ),
    ),
    DecisionCard(
        "described_victims",
        "the victims' words",
        FRAME_SCOPE,
        "a toll word describing a noun ('soldiers killed', 'injured villagers')",
        "The noun a toll participle describes names the victims, and a participle after "
        "it the side hit: 'two soldiers killed'.",
        _described_victims,
        fires=(
            (
                "Two soldiers killed in the raid near Maiduguri on Monday were buried.",
                {"sub_event_type": "Armed clash", "actor2": "Military Forces of Nigeria (2023-)"},
            ),
        ),
        not_fires=(
            (
                "Gunmen attacked a bus near Gusau on Monday, wounding five passengers.",
                {"sub_event_type": "Attack", "actor2": "Civilians (Nigeria)"},
            ),
        ),
    ),
    DecisionCard(
        "helpers_named",
        "who only helps",
        FRAME_SCOPE,
        "an actor named as helping another",
        "A helper is part of the side it helps: 'regime forces backed by Russian jets'.",
        _helpers_named,
        fires=(
            (
                "Somali soldiers, backed by AMISOM troops, clashed with Al-Shabaab near Bulo "
                "Burde on Monday.",
                {
                    "actor1": "Military Forces of Somalia (2022-)",
                    "assoc_actor_1": "AMISOM: African Union Mission in Somalia",
                    "actor2": "Al Shabaab",
                },
            ),
            (
                "Regime forces, supported by Russian warplanes, clashed with rebels near Hama "
                "on Monday.",
                {
                    "actor1": "Military Forces of Syria (2024-)",
                    "assoc_actor_1": "Military Forces of Russia (2000-)",
                    "actor2": "Opposition Rebels (Syria)",
                },
            ),
        ),
        not_fires=(
            (
                "Somali soldiers clashed with Al-Shabaab near Bulo Burde on Monday.",
                {
                    "actor1": "Military Forces of Somalia (2022-)",
                    "assoc_actor_1": None,
                    "actor2": "Al Shabaab",
                },
            ),
        ),
    ),
    DecisionCard(
        "militia_beside_the_army",
        "who only helps",
        FRAME_SCOPE,
        "a pro-government militia in a frame with a state's military",
        "A pro-government militia fighting beside the army helps it: 'troops and allied militias'.",
        _militia_beside_the_army,
        fires=(
            (
                "Soldiers and allied militiamen attacked ADF positions near Beni on Monday; "
                "two militiamen were killed.",
                {
                    "actor1": "Military Forces of Democratic Republic of Congo (2019-)",
                    "assoc_actor_1": "Militia (Pro-Government)",
                    "actor2": "ADF: Allied Democratic Forces",
                },
            ),
        ),
        not_fires=(
            (
                "M23 rebels attacked FARDC positions near Sake on Monday.",
                {
                    "actor1": "M23: March 23 Movement",
                    "assoc_actor_1": None,
                    "actor2": "Military Forces of Democratic Republic of Congo (2019-)",
                },
            ),
        ),
    ),
    DecisionCard(
        "actor_is_not_its_target",
        "actor2",
        FRAME_SCOPE,
        "an actor both acting and hit",
        "An actor found acting is not its own target: 'rebels and the police clashed'.",
        _actor_is_not_its_target,
        fires=(
            (
                "US warplanes struck Houthi targets in Hodeidah on Monday, the group said. "
                "Three people were killed.",
                {
                    "actor1": "Military Forces of the United States (2021-2025)",
                    "actor2": "Civilians (Yemen)",
                },
            ),
        ),
        not_fires=(
            (
                "Gunmen attacked a village near Jos on Monday.",
                {"actor1": "Unidentified Armed Group (Nigeria)", "actor2": "Civilians (Nigeria)"},
            ),
        ),
    ),
    DecisionCard(
        "helpers_are_no_side",
        "actor1 and actor2",
        FRAME_SCOPE,
        "helpers among the agents (unless only helpers act) and the patients",
        "A helper is neither side: 'forces, supported by Coalition jets, clashed with IS'.",
        _helpers_are_no_side,
        fires=(
            (
                "Units loyal to the government and a rival armed group exchanged fire in "
                "Zawiya on Monday, officials said, adding that two fighters had died.",
                {
                    "actor1": "Unidentified Armed Group (Libya)",
                    "assoc_actor_1": "Government of Libya",
                    "actor2": None,
                },
            ),
        ),
        not_fires=(
            (
                "Two rival militias exchanged fire in Tripoli on Monday.",
                {
                    "actor1": "Unidentified Armed Group (Libya)",
                    "assoc_actor_1": None,
                    "actor2": None,
                },
            ),
        ),
    ),
    DecisionCard(
        "two_sides_of_a_list",
        "actor1, actor2 and their associates",
        FRAME_SCOPE,
        "a fight told as a list ('between A and B', 'A against B')",
        "A fight told as a list names its two sides: 'clashes between A and B'.",
        _two_sides_of_a_list,
        fires=(
            (
                "Clashes took place between regime forces and allied militias against rebel "
                "factions near Hama on Monday.",
                {
                    "actor1": "Military Forces of Syria (2024-)",
                    "assoc_actor_1": "Militia (Pro-Government)",
                    "actor2": "Opposition Rebels (Syria)",
                },
            ),
        ),
        not_fires=(
            (
                "Regime forces clashed with rebel factions near Hama on Monday.",
                {
                    "actor1": "Military Forces of Syria (2024-)",
                    "assoc_actor_1": None,
                    "actor2": "Opposition Rebels (Syria)",
                },
            ),
        ),
    ),
)
