"""The roles a verb trigger gives, and who takes ground: its subject acts, its object is
hit, a subject the parse lost is found elsewhere, a clash names its other side after
"with" ("Al-Shabaab fighters captured the town", "clashed with HTS fighters").

Each rule is a card (``decision_cards.DecisionCard``); ``VERB_CARDS`` holds them in the
order ``roles.assign_roles`` asks them (``role_sites.SCOPES`` says where each applies).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..actors import ActorMention
from .decision_cards import DecisionCard
from .role_sites import (
    Roles,
    Site,
    TriggerCard,
    actor_in,
    argument,
    may_act,
    nearest,
    target_of_preposition,
)
from .support import is_supporter
from .syntax import without
from .triggers import ran_into_device
from .words import word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Token


# ---- Territory: who took the ground, and whether the taking is hedged ----


def _taking_verb(roles: Roles, site: Site) -> Token:
    """The verb of a taking: the trigger's own, or the verb its noun hangs on ("took
    control")."""
    doc, h = roles.doc, site.hit
    verb = doc[h.i] if doc[h.i].pos_ == "VERB" else site.tok
    if verb.pos_ != "VERB" and verb.head.pos_ == "VERB":
        verb = verb.head  # "established control", "took control"
    return verb


def _taker(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
    for c in _taking_verb(roles, site).children:
        if c.dep_ == "nsubj":
            roles.add(roles.gained, c)
        elif c.dep_ == "agent":
            roles.add_children(roles.gained, c)
    return False


def _governing_subject(roles: Roles, target: list[ActorMention], verb: Token) -> None:
    """A verb chained to another (xcomp, conj, advcl) shares its subject: it joins
    ``target``; not the subject of a headline's passive ("staff wounded when convoy
    attacked"), who was hit."""
    if verb.dep_ in ("xcomp", "conj", "advcl") and not reads_as_passive(roles, verb.head) and (
            not ran_into_device(verb.head)):  # "a truck struck a mine, killing two"
        for c in verb.head.children:
            if c.dep_ == "nsubj":
                roles.add(target, c)


def _taker_of_governing_verb(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
    if not roles.gained:
        _governing_subject(roles, roles.gained, _taking_verb(roles, site))
    return False


def _hedged_taking(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
    doc, verb = roles.doc, _taking_verb(roles, site)
    lo = max(verb.i - card.thresholds["before"], 0)
    hi = min(site.hit.j + card.thresholds["after"], len(doc))
    window = {t.lower_ for t in doc[lo:hi]}
    hedges = word_class("hedge")
    # "Conflicting reports said the rebels had retaken it": a doubt on who tells it.
    doubted = any(
        {t.lower_ for t in c.subtree} & hedges
        for up in verb.ancestors
        for c in up.children
        if c.dep_ == "nsubj"
    )
    if window & hedges or doubted or any(
        t.lemma_ in word_class("hedging_governor") for t in verb.ancestors
    ):
        roles.frame.hedged = True
    return False


# ---- A verb trigger's own arguments (each child read by the first card that takes it) ----


def _clash_subject_halves(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
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


def _by_phrase(verb: Token) -> Token | None:
    """The "by" phrase of a verb, whether the parser took it for an agent or a preposition."""
    return next(
        (c for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"), None
    )


def reads_as_passive(roles: Roles, verb: Token) -> bool:
    """A headline's passive without its "was" ("Farmer shot dead by suspected Mungiki
    members", "Three soldiers killed in ambush near Gao"), which the parser reads as an
    active verb: a harming verb with a subject before it, no object and no auxiliary, and
    an actor after "by" or a verb that needs an object to be active."""
    if not (
        verb.tag_ in ("VBD", "VBN")
        and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
        and not any(c.dep_ in ("dobj", "aux", "auxpass") for c in verb.children)
    ):
        return False
    by = _by_phrase(verb)
    lemma = verb.lemma_.lower()
    if by is not None:
        return lemma in word_class("harm_verb") | word_class("kill_word") and any(
            actor_in(roles.actors, g) for g in by.children if g.dep_ == "pobj"
        )
    return _hurt_without_object(verb, lemma)


def _hurt_without_object(verb: Token, lemma: str) -> bool:
    """ "Police officer wounded in grenade attack": a verb of killing or hurting that an
    active sentence gives an object ("gunmen killed two"), with none here or on a verb
    joined to it ("gunmen killed and wounded five"), and no target after a preposition
    ("gunmen shot at a bus")."""
    if lemma not in word_class("object_harm_verb"):
        return False
    if any(
        c.dep_ == "prep"
        and c.lower_ in word_class("target_prep")
        and c.lower_ != "with"  # "killed with machetes": the weapon
        and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)  # "on Tuesday"
        for c in verb.children
    ):
        return False
    joined = [*verb.conjuncts, *([verb.head] if verb.dep_ == "conj" else [])]
    return not any(c.dep_ == "dobj" for cj in joined for c in cj.children)


def _headline_passive(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
    c = site.arg
    if not (c.dep_ == "nsubj" or c is _by_phrase(site.tok)) or not reads_as_passive(
        roles, site.tok
    ):
        return False
    if c.dep_ == "nsubj":
        roles.add(roles.patients, c)
    else:
        roles.add_children(roles.agents, c)
    return True


_subject_acts = argument(lambda s: s.arg.dep_ == "nsubj", "agents")
# "five villagers died when raiders attacked": who dies as the clause under it tells is
# hit, never the one acting.
_subject_dies = argument(
    lambda s: s.arg.dep_ == "nsubj"
    and s.tok.lemma_.lower() in word_class("death_verb")
    and any(c.dep_ == "advcl" for c in s.tok.children),
    "patients",
)
_object_is_hit = argument(lambda s: s.arg.dep_ in ("nsubjpass", "dobj"), "patients")
_passive_agent_acts = argument(lambda s: s.arg.dep_ == "agent", "agents", children=True)
# ---- An active verb whose subject the parse lost ----


def _subject_of_governing_verb(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
    if not roles.agents:
        _governing_subject(roles, roles.agents, site.tok)
    return False


def _misparsed_as_modifier(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
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


def _first_actor_of_clause(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
    h, doc = site.hit, roles.doc
    if not roles.agents and h.entry.cls in ("type", "attack", "territory"):
        a = nearest(roles.actors, roles.frame, doc[site.tok.i].sent.start, h.i)
        if a is not None and not is_supporter(a, doc) and may_act(a):
            roles.agents.append(a)
    return False


# ---- A passive verb; any verb: who the ground was taken from, who a clash was with ----


def _force_deployed(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
    if site.hit.entry.sub_event_type == "Other":
        for c in site.tok.children:
            if c.dep_ == "nsubjpass":
                roles.add(roles.agents, c)
    return False


def _ground_taken_from(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
    doc, h = roles.doc, site.hit
    if h.entry.cls == "territory":
        for t in doc[h.j : doc[h.j - 1].sent.end]:
            if t.lower_ == "from" and t.dep_ == "prep":
                roles.add_children(roles.patients, t)
                break
    return False


def _clashed_with(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
    doc, h = roles.doc, site.hit
    if not roles.patients and h.entry.sub_event_type == "Armed clash":
        end = doc[h.j - 1].sent.end
        window = doc[h.j : min(h.j + card.thresholds["window"], end)]
        after = next((t.i for t in window if t.lower_ in word_class("clash_prep")), None)
        if after is not None:
            a = nearest(roles.actors, roles.frame, after, end)
            if a is not None and a not in roles.agents:
                roles.patients.append(a)
    return False


# ---- The cards, in the order they are asked ----

VERB_CARDS: tuple[TriggerCard, ...] = (
    DecisionCard(
        "territory_taker",
        "who gained territory",
        "a territory trigger",
        "the subject (or the 'by' agent) of the verb of the taking",
        "Who took the ground is the one taking it: 'the army took control of the town'.",
        _taker,
        fires=(
            (
                "Somali troops withdrew from Bulo Burde on Monday and Al-Shabaab fighters took "
                "control of the town.",
                {"sub_event_type": "Non-state actor overtakes territory", "actor1": "Al Shabaab"},
            ),
        ),
        not_fires=(
            (
                "Al-Shabaab fighters attacked a Somali army base near Bulo Burde on Monday.",
                {"sub_event_type": "Armed clash", "actor1": "Al Shabaab"},
            ),
        ),
    ),
    DecisionCard(
        "taker_of_governing_verb",
        "who gained territory",
        "a territory trigger",
        "no taker found, and the taking verb is chained to another (xcomp, conj, advcl)",
        "A taking chained to a verb with a subject is that subject's: 'rebels moved in and "
        "seized the town'.",
        _taker_of_governing_verb,
        fires=(
            (
                "Somali troops withdrew from Bulo Burde on Monday, and Al-Shabaab fighters "
                "moved in and took control of the town.",
                {"sub_event_type": "Non-state actor overtakes territory", "actor1": "Al Shabaab"},
            ),
        ),
        not_fires=(
            (
                "Somali troops withdrew from Bulo Burde on Monday and Al-Shabaab fighters took "
                "control of the town.",
                {"sub_event_type": "Non-state actor overtakes territory", "actor1": "Al Shabaab"},
            ),
        ),
    ),
    DecisionCard(
        "hedged_taking",
        "whether the taking is hedged (no change of hands)",
        "a territory trigger",
        "a hedge word near the taking verb, or a verb of trying above it",
        "Ground taken for a while or in part changed no hands: 'briefly captured', "
        "'partial control', 'tried to take'.",
        _hedged_taking,
        fires=(
            (
                "Al-Shabaab fighters briefly captured the town of Bulo Burde on Monday.",
                {"events": 0},
            ),
            (
                "Al-Shabaab fighters took partial control of the town of Bulo Burde on Monday.",
                {"events": 0},
            ),
        ),
        not_fires=(
            (
                "Al-Shabaab fighters captured the town of Bulo Burde on Monday.",
                {"sub_event_type": "Non-state actor overtakes territory", "actor1": "Al Shabaab"},
            ),
        ),
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
        fires=(
            (
                "Civilian JTF vigilantes and Boko Haram fighters clashed near Bama on Monday.",
                {
                    "actor1": "CJTF: Civilian Joint Task Force",
                    "actor2": "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
                },
            ),
        ),
        not_fires=(
            (
                "Civilian JTF vigilantes clashed with Boko Haram fighters near Bama on Monday.",
                {
                    "actor1": "CJTF: Civilian Joint Task Force",
                    "actor2": "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
                },
            ),
        ),
    ),
    DecisionCard(
        "headline_passive",
        "actor1",
        "an argument of a verb trigger",
        "a harming verb with no auxiliary and no object, a subject before it and an actor "
        "after 'by' or a verb that is active only with an object: a headline's passive",
        "Headlines drop the 'was': in 'Farmer shot dead by suspected Mungiki members' the "
        "farmer is hit and the Mungiki act, though the parser reads an active verb.",
        _headline_passive,
        fires=(
            (
                "Trader shot dead by suspected Boko Haram fighters near Bama",
                {
                    "actor1": "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
                    "actor2": "Civilians (Nigeria)",
                },
            ),
            (
                "Police officer wounded in grenade attack in Garissa",
                {
                    "actor1": "Unidentified Armed Group (Kenya)",
                    "actor2": "Police Forces of Kenya (2022-)",
                },
            ),
        ),
        not_fires=(
            (
                "Police said gunmen attacked a bus near Maiduguri on Monday.",
                {
                    "actor1": "Unidentified Armed Group (Nigeria)",
                    "actor2": "Civilians (Nigeria)",
                },
            ),
        ),
    ),
    DecisionCard(
        "subject_dies",
        "actor2",
        "an argument of a verb trigger",
        "the subject of a verb of dying that a clause of how governs",
        "Who died was hit: 'five villagers died when rustlers attacked a hamlet'.",
        _subject_dies,
        fires=(
            (
                "Five villagers died when armed rustlers attacked a hamlet near Gusau before "
                "dawn.",
                {
                    "sub_event_type": "Attack",
                    "actor1": "Unidentified Armed Group (Nigeria)",
                    "actor2": "Civilians (Nigeria)",
                },
            ),
        ),
        not_fires=(
            (
                "Police said armed rustlers attacked a hamlet near Gusau before dawn.",
                {
                    "sub_event_type": "Attack",
                    "actor1": "Unidentified Armed Group (Nigeria)",
                    "actor2": "Civilians (Nigeria)",
                },
            ),
        ),
    ),
    DecisionCard(
        "subject_acts",
        "actor1",
        "an argument of a verb trigger",
        "the verb's subject",
        "The one doing is the subject: 'gunmen attacked a bus'.",
        _subject_acts,
        fires=(
            (
                "Police said gunmen attacked a bus near Maiduguri on Monday.",
                {
                    "sub_event_type": "Attack",
                    "actor1": "Unidentified Armed Group (Nigeria)",
                    "actor2": "Civilians (Nigeria)",
                },
            ),
        ),
        not_fires=(
            (
                "A bus was attacked near Maiduguri on Monday, police said.",
                {
                    "sub_event_type": "Attack",
                    "actor1": "Unidentified Armed Group (Nigeria)",
                    "actor2": "Civilians (Nigeria)",
                },
            ),
        ),
    ),
    DecisionCard(
        "object_is_hit",
        "actor2",
        "an argument of a verb trigger",
        "the verb's object, or its passive subject",
        "The one hit is the object: 'gunmen attacked a police patrol', 'a patrol was ambushed'.",
        _object_is_hit,
        fires=(
            (
                "A police patrol was ambushed near Maiduguri on Monday.",
                {
                    "actor1": "Unidentified Armed Group (Nigeria)",
                    "actor2": "Police Forces of Nigeria (2023-)",
                },
            ),
        ),
        not_fires=(
            (
                "Gunmen opened fire in a market in Maiduguri on Monday.",
                {"actor1": "Unidentified Armed Group (Nigeria)", "actor2": "Civilians (Nigeria)"},
            ),
        ),
    ),
    DecisionCard(
        "passive_agent_acts",
        "actor1",
        "an argument of a verb trigger",
        "the 'by' agent of a passive verb",
        "A passive verb's agent is the one doing: 'was ambushed by militants'.",
        _passive_agent_acts,
        fires=(
            (
                "Soldiers escorting aid workers were ambushed by Boko Haram fighters near Bama "
                "on Monday.",
                {
                    "actor1": "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
                    "actor2": "Military Forces of Nigeria (2023-)",
                },
            ),
            (
                "A convoy carrying police officers and aid workers was ambushed by Boko Haram "
                "fighters near Bama on Monday.",
                {
                    "actor1": "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
                    "actor2": "Police Forces of Nigeria (2023-)",
                },
            ),
        ),
        not_fires=(
            (
                "A police patrol was ambushed near Bama on Monday.",
                {
                    "actor1": "Unidentified Armed Group (Nigeria)",
                    "actor2": "Police Forces of Nigeria (2023-)",
                },
            ),
        ),
    ),
    DecisionCard(
        "verb_target_preposition",
        "actor2",
        "an argument of a verb trigger",
        "a preposition of targeting after the verb ('on', 'against', 'at', ...)",
        "What a verb is aimed at is hit: 'soldiers opened fire on protesters'.",
        target_of_preposition,
        fires=(
            (
                "Four people were killed when armed herders clashed with local vigilantes near "
                "Jos on Monday.",
                {
                    "actor1": "Unidentified Communal Militia (Nigeria)",
                    "actor2": "Vigilante Group (Nigeria)",
                },
            ),
        ),
        not_fires=(
            (
                "Four people were killed when armed herders and local vigilantes clashed near "
                "Jos on Monday.",
                {
                    "actor1": "Unidentified Communal Militia (Nigeria)",
                    "actor2": "Vigilante Group (Nigeria)",
                },
            ),
        ),
    ),
    DecisionCard(
        "subject_of_governing_verb",
        "actor1",
        "an active verb trigger",
        "no agent found, and the verb hangs on another (xcomp, advcl, conj)",
        "A verb chained to another shares its subject: 'stormed the town, killing ten'.",
        _subject_of_governing_verb,
        fires=(
            (
                "Weeks after soldiers withdrew, gunmen rode into a village near Gusau on "
                "Monday, killing six traders.",
                {"actor1": "Unidentified Armed Group (Nigeria)"},
            ),
            (
                "Days after soldiers left, Boko Haram fighters rode into Gwoza on Monday, "
                "killing ten farmers.",
                {"actor1": "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"},
            ),
        ),
        not_fires=(
            (
                "Weeks after soldiers withdrew, gunmen killed six traders in a village near "
                "Gusau on Monday.",
                {"actor1": "Unidentified Armed Group (Nigeria)"},
            ),
        ),
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
        fires=(
            (
                "IS militants seized Baiji on Monday after days of fighting.",
                {
                    "sub_event_type": "Non-state actor overtakes territory",
                    "actor1": "Islamic State (Iraq)",
                },
            ),
            (
                "IS militants overran Baiji on Monday after Iraqi troops collapsed following "
                "days of fighting.",
                {
                    "sub_event_type": "Non-state actor overtakes territory",
                    "actor1": "Islamic State (Iraq)",
                },
            ),
        ),
        not_fires=(
            (
                "JNIM militants captured Boni on Monday after Malian troops fled following two "
                "days of fighting.",
                {
                    "sub_event_type": "Non-state actor overtakes territory",
                    "actor1": "JNIM: Group for Support of Islam and Muslims",
                },
            ),
        ),
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
        fires=(
            (
                "Al-Shabaab militants occupied parts of Beledweyne on Monday, burning a school "
                "and seizing a hospital, after a failed army raid.",
                {"actor1": "Al Shabaab", "actor2": "Military Forces of Somalia (2022-)"},
            ),
        ),
        not_fires=(
            (
                "Rebels clashed with regime forces near Hama on Monday.",
                {
                    "actor1": "Opposition Rebels (Syria)",
                    "actor2": "Military Forces of Syria (2024-)",
                },
            ),
        ),
    ),
    DecisionCard(
        "force_deployed",
        "actor1",
        "a passive verb trigger",
        "a passive trigger of the 'Other' sub-event type: its passive subject",
        "A force deployed is the one acting: 'the army was deployed to the border'.",
        _force_deployed,
        fires=(
            (
                "Kenyan soldiers were deployed to Lamu on Monday.",
                {"actor1": "Military Forces of Kenya (2022-)", "actor2": None},
            ),
        ),
        not_fires=(
            (
                "Kenyan soldiers deployed to Lamu on Monday.",
                {"actor1": "Military Forces of Kenya (2022-)", "actor2": None},
            ),
        ),
    ),
    DecisionCard(
        "ground_taken_from",
        "actor2",
        "a verb trigger",
        "a territory trigger followed by 'from' in its sentence",
        "Who lost the ground follows 'from': 'captured two villages from the rebels'.",
        _ground_taken_from,
        fires=(
            (
                "Somali troops recaptured Bulo Burde on Monday from the militants of Al-Shabaab.",
                {"actor2": "Al Shabaab"},
            ),
            (
                "Government forces retook the village of Sinja on Monday from fighters of the "
                "Rapid Support Forces.",
                {"actor2": "Rapid Support Forces"},
            ),
        ),
        not_fires=(
            (
                "Somali troops recaptured Bulo Burde on Monday.",
                {"actor2": None},
            ),
        ),
    ),
    DecisionCard(
        "clashed_with",
        "actor2",
        "a verb trigger",
        "no patient found for a clash verb: the first actor after 'with'/'against' within "
        "a few tokens of the trigger",
        "A clash with a side names it after 'with': 'clashed sporadically with HTS fighters'.",
        _clashed_with,
        fires=(
            (
                "Rival clans of the MILF fought with assault rifles and mortars near Datu "
                "Piang on Monday, forcing hundreds of families to flee.",
                {"actor2": "Civilians (Philippines)"},
            ),
        ),
        not_fires=(
            (
                "Nigerian soldiers clashed with Boko Haram fighters near Bama on Monday.",
                {"actor2": "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"},
            ),
        ),
        thresholds={"window": 6},  # tokens after the trigger where 'with' may stand
    ),
)
