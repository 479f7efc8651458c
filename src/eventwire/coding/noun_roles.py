"""The roles a noun trigger gives: "an ELN attack", "the attack by X on Y", "clashes
between A and B", and what the word governing it says ("the gunman responsible for the
ambush", "blamed the attack on X", "X carried out the attack").

Each rule is a card (``decision_cards.DecisionCard``); ``NOUN_CARDS`` holds them in the
order ``roles.assign_roles`` asks them (``role_sites.SCOPES`` says where each applies).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .decision_cards import DecisionCard
from .role_sites import (
    Roles,
    Site,
    TriggerCard,
    argument,
    target_of_preposition,
)
from .triggers import ran_into_device
from .words import word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Token


# ---- A noun trigger's own arguments (each child read by the first card that takes it) ----


def _modifier(site: Site) -> bool:
    """The child is a word before the noun that modifies it ("an ELN attack")."""
    c = site.arg
    return c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < site.tok.i


_blamed_on_noun = argument(
    lambda s: _blamed(s.tok) and s.arg.dep_ == "prep" and s.arg.lower_ in word_class("blame_prep"),
    "agents",
    children=True,
)
# "a car bomb outside a military base": the force the base word names owns the base.
_base_owner = argument(
    lambda s: (
        _modifier(s)
        and s.arg.i >= s.hit.i
        and s.hit.entry.sub_event_type == "Headquarters or base established"
    ),
    "patients",
)
_modifier_acts = argument(_modifier, "agents")
_attack_by = argument(lambda s: s.arg.dep_ == "prep" and s.arg.lower_ == "by", "agents", True)


def _clash_between(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
    c = site.arg
    if not (c.dep_ == "prep" and c.lower_ == "between"):
        return False
    for g in c.children:
        roles.add(roles.agents, g)
        for cj in g.conjuncts:
            roles.add(roles.patients, cj)
    return True


# ---- What the word governing a noun trigger says of its sides ----


def _responsible_for(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
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


def _blamed_on_verb(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
    if _blamed(site.tok):
        for c in site.tok.head.children:
            if c.dep_ == "prep" and c.lower_ in word_class("blame_prep"):
                roles.add_children(roles.agents, c)
    return False


def _met_by(tok: Token) -> Token | None:
    """The verb whose subject ran into the device ``tok`` ("a convoy struck a landmine",
    "a herder stepped on a mine"), or None."""
    verb = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" else None
    return verb if verb is not None and ran_into_device(verb) else None


def _device_met_by_subject(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
    verb = _met_by(site.tok)
    for c in verb.children if verb is not None else ():
        if c.dep_ == "nsubj":
            roles.add(roles.patients, c)
    return False


def _came_under(tok: Token) -> Token | None:
    """The verb above "under" when the noun is what someone came under ("a patrol came
    under fire", "the base was under attack"), or None."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.dep_ == "prep":
        verb = tok.head.head
        if verb.lemma_.lower() in ("come", "be", "remain"):
            return verb
    return None


def _subject_came_under(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
    verb = _came_under(site.tok)
    if verb is None:
        return False
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            roles.add(roles.patients, c)
    for c in [*site.tok.children, *verb.children]:
        if c.dep_ == "prep" and c.lower_ == "from":
            roles.add_children(roles.agents, c)
    return False


def _carried_out_by_subject(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
    tok = site.tok
    if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and not _blamed(tok) and not _met_by(tok):
        # "five people sustained gunshot wounds": who bears a wound was hit, not the hitter
        borne = (site.hit.entry.cls in ("injure", "kill")
                 and tok.head.lemma_.lower() in word_class("bear_verb"))
        for c in tok.head.children:
            if c.dep_ == "nsubj":
                roles.add(roles.patients if borne else roles.agents, c)
    return False


def _what_the_noun_hit(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
    tok = site.tok
    if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB":
        for c in tok.head.children:
            if c.dep_ == "dobj":
                roles.add(roles.patients, c)
    return False


# ---- The cards, in the order they are asked ----

NOUN_CARDS: tuple[TriggerCard, ...] = (
    DecisionCard(
        "blamed_on_noun",
        "actor1",
        "an argument of a noun trigger",
        "the noun is the object of a blame verb and has the blame preposition itself",
        "An attack blamed on a group is that group's: 'authorities blamed the attack on the ELN'.",
        _blamed_on_noun,
        fires=(
            (
                "Police blamed the attack on bandits; three farmers were killed in Zamfara on "
                "Monday.",
                {"actor1": "Unidentified Armed Group (Nigeria)", "actor2": "Civilians (Nigeria)"},
            ),
            (
                "Two grenades went off at a taxi rank in Kigali on Monday, wounding 16 people; "
                "police blamed the attack on the FDLR.",
                {
                    "actor1": "FDLR: Democratic Forces for the Liberation of Rwanda",
                    "actor2": "Civilians (Rwanda)",
                },
            ),
        ),
        not_fires=(
            (
                "Bandits attacked a village in Zamfara on Monday, killing three farmers.",
                {"actor1": "Unidentified Armed Group (Nigeria)", "actor2": "Civilians (Nigeria)"},
            ),
        ),
    ),
    DecisionCard(
        "base_owner",
        "actor2",
        "an argument of a noun trigger",
        "a base trigger whose own modifier names a force",
        "The force a base word names owns the base: 'a bomb outside a military base'.",
        _base_owner,
        fires=(
            (
                "A car bomb exploded outside a military base in Kidal on Monday.",
                {
                    "actor1": "Unidentified Armed Group (Mali)",
                    "actor2": "Military Forces of Mali (2021-)",
                },
            ),
        ),
        not_fires=(
            (
                "A car bomb exploded outside a market in Kidal on Monday.",
                {"actor1": "Unidentified Armed Group (Mali)", "actor2": None},
            ),
        ),
    ),
    DecisionCard(
        "modifier_acts",
        "actor1",
        "an argument of a noun trigger",
        "a word before the noun that modifies it (compound, adjective, possessive)",
        "A group named before an attack word made it: 'an ELN attack', 'Boko Haram's raid'.",
        _modifier_acts,
        fires=(
            (
                "Two soldiers and a police officer were killed in an Al-Shabaab ambush near "
                "Bulo Burde on Monday.",
                {"actor1": "Al Shabaab", "actor2": "Unidentified Military Forces"},
            ),
        ),
        not_fires=(
            (
                "Two soldiers and a police officer were killed in an ambush near Bulo Burde on "
                "Monday.",
                {"actor1": "Unidentified Military Forces", "actor2": None},
            ),
        ),
    ),
    DecisionCard(
        "attack_by",
        "actor1",
        "an argument of a noun trigger",
        "'by' after the noun",
        "An attack by a group is its act: 'an ambush by militants'.",
        _attack_by,
        fires=(
            (
                "Two soldiers and a police officer were killed in an attack by Al-Shabaab "
                "fighters near Bulo Burde on Monday.",
                {"actor1": "Al Shabaab", "actor2": "Unidentified Military Forces"},
            ),
        ),
        not_fires=(
            (
                "Two soldiers and a police officer were killed in an attack near Bulo Burde on "
                "Monday.",
                {"actor1": "Unidentified Military Forces", "actor2": None},
            ),
        ),
    ),
    DecisionCard(
        "noun_target_preposition",
        "actor2",
        "an argument of a noun trigger",
        "a preposition of targeting after the noun ('on', 'against', 'at', ...)",
        "What an attack is aimed at is hit: 'an attack on a police station'.",
        target_of_preposition,
        fires=(
            (
                "Gunmen killed two people in an attack on a police station in Maiduguri on Monday.",
                {"sub_event_type": "Armed clash", "actor2": "Police Forces of Nigeria (2023-)"},
            ),
        ),
        not_fires=(
            (
                "Gunmen killed two people in an attack in Maiduguri on Monday.",
                {"sub_event_type": "Attack", "actor2": "Civilians (Nigeria)"},
            ),
        ),
    ),
    DecisionCard(
        "clash_between",
        "actor1 and actor2",
        "an argument of a noun trigger",
        "'between' after the noun: the first party acts, its conjuncts are hit",
        "Clashes between two parties have them as sides: 'clashes between herders and farmers'.",
        _clash_between,
        fires=(
            (
                "Elders brokered a peace deal between Fulani herders and farmers in Benue on "
                "Monday.",
                {"actor1": "Fulani Ethnic Militia (Nigeria)", "actor2": "Civilians (Nigeria)"},
            ),
            (
                "Elders brokered a truce on Monday between Garre and Degodia clan militias in "
                "Mandera.",
                {"actor1": "Garre Clan Militia (Kenya)", "actor2": "Civilians (Kenya)"},
            ),
        ),
        not_fires=(
            (
                "Elders brokered a peace deal in Benue on Monday.",
                {"actor1": "Civilians (Nigeria)", "actor2": None},
            ),
        ),
    ),
    DecisionCard(
        "responsible_for",
        "actor1",
        "a noun trigger",
        "the noun hangs on 'responsible for', 'behind', 'claimed for'",
        "The one responsible for an attack made it: 'the gunman responsible for the ambush'.",
        _responsible_for,
        fires=(
            (
                "The army said the ISWAP commander responsible for the ambush was killed near "
                "Monguno on Monday.",
                {"actor1": "Islamic State West Africa Province"},
            ),
            (
                "Families fled after shells fell on the market in Kitshanga on Monday; "
                "residents blamed the M23 for the bombardment.",
                {"actor1": "M23: March 23 Movement", "actor2": "Civilians (International)"},
            ),
        ),
        not_fires=(
            (
                "The M23 shelled the market in Kitshanga on Monday.",
                {"actor1": "M23: March 23 Movement"},
            ),
        ),
    ),
    DecisionCard(
        "blamed_on_verb",
        "actor1",
        "a noun trigger",
        "the noun is the object of a blame verb, whose blame preposition names the doer",
        "The blamed made the attack, not the blamer: 'police blamed the attack on bandits'.",
        _blamed_on_verb,
        fires=(
            (
                "Authorities attributed Monday's ambush of a police truck in Aguililla to the "
                "CJNG.",
                {
                    "actor1": "CJNG: Jalisco New Generation Cartel",
                    "actor2": "Police Forces of Mexico (2024-)",
                },
            ),
        ),
        not_fires=(
            (
                "Gunmen ambushed a police truck in Aguililla on Monday.",
                {
                    "actor1": "Unidentified Armed Group (Mexico)",
                    "actor2": "Police Forces of Mexico (2024-)",
                },
            ),
        ),
    ),
    DecisionCard(
        "device_met_by_subject",
        "actor2",
        "a noun trigger",
        "the noun is a device the verb's subject struck, hit, stepped on or ran over",
        "Who ran into a mine was hit by it: 'an army truck struck a landmine'.",
        _device_met_by_subject,
        fires=(
            (
                "An army truck struck a landmine near Kidal on Monday, killing two soldiers.",
                {
                    "actor1": "Unidentified Armed Group (Mali)",
                    "actor2": "Military Forces of Mali (2021-)",
                },
            ),
        ),
        not_fires=(
            (
                "Militants planted a landmine near Kidal on Monday; it killed two soldiers.",
                {
                    "actor1": "Unidentified Armed Group (Mali)",
                    "actor2": "Military Forces of Mali (2021-)",
                },
            ),
        ),
    ),
    DecisionCard(
        "subject_came_under",
        "actor2",
        "a noun trigger",
        "the noun is what the subject of 'come under' or 'be under' came under; 'from' "
        "names the one firing",
        "Who came under fire was fired on: 'a police patrol came under fire from gunmen'.",
        _subject_came_under,
        fires=(
            (
                "A police patrol came under fire from gunmen near Garissa on Monday; two "
                "officers were killed.",
                {
                    "actor1": "Unidentified Armed Group (Kenya)",
                    "actor2": "Police Forces of Kenya (2022-)",
                },
            ),
        ),
        not_fires=(
            (
                "Gunmen fired on a police patrol near Garissa on Monday; two officers were "
                "killed.",
                {
                    "actor1": "Unidentified Armed Group (Kenya)",
                    "actor2": "Police Forces of Kenya (2022-)",
                },
            ),
        ),
    ),
    DecisionCard(
        "carried_out_by_subject",
        "actor1",
        "a noun trigger",
        "the noun is the object of a verb (not a blame verb): the verb's subject",
        "Who carried out an attack made it: 'militants carried out an attack'.",
        _carried_out_by_subject,
        fires=(
            (
                "Weeks after soldiers withdrew, gunmen launched an attack on a village near "
                "Gusau on Monday.",
                {"actor1": "Unidentified Armed Group (Nigeria)"},
            ),
            (
                "Days after soldiers left the area, Boko Haram fighters carried out an attack "
                "on a market in Bama on Monday.",
                {"actor1": "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"},
            ),
        ),
        not_fires=(
            (
                "Weeks after soldiers withdrew, an attack on a village near Gusau killed four "
                "farmers on Monday.",
                {"actor1": "Military Forces of Nigeria (2023-)", "actor2": "Civilians (Nigeria)"},
            ),
        ),
    ),
    DecisionCard(
        "what_the_noun_hit",
        "actor2",
        "a noun trigger",
        "the noun is the subject of a verb: the verb's object",
        "What an attack word's verb names is hit: 'an airstrike hit a rebel convoy'.",
        _what_the_noun_hit,
        fires=(
            (
                "An explosion hit a police vehicle near Mandera on Monday.",
                {
                    "actor1": "Unidentified Armed Group (Kenya)",
                    "actor2": "Police Forces of Kenya (2022-)",
                },
            ),
            (
                "A drone strike hit an Al-Shabaab camp near Bulo Burde on Monday.",
                # Nobody named the striker: only armed forces fly (parties.py).
                {"actor1": "Unidentified Military Forces", "actor2": "Al Shabaab"},
            ),
        ),
        not_fires=(
            (
                "An explosion near Mandera on Monday killed two police officers.",
                {
                    "actor1": "Unidentified Armed Group (Kenya)",
                    "actor2": "Police Forces of Kenya (2022-)",
                },
            ),
        ),
    ),
)
