"""The sides of an event: actor1 and actor2 from the roles of its tellings, named as ACLED
names them for the event's type (demonstrators, civilians, an unidentified armed group),
with the associated actors of each side; who only tells the news ("police said") is no
side.

>>> sides = pick_sides(draft, doc, ("Nigeria", "NG", 2024))   # doctest: +SKIP
>>> sides.actor1.name                                        # doctest: +SKIP
'Unidentified Armed Group (Nigeria)'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import actors as act
from ..actor_tables import coalition_of
from ..actors import ActorMention
from ..lexicon import speech_words, taxonomy
from ..records import Actor
from .clues import (
    communal_clash,
    communal_raiders,
    named_crowd,
    people_held,
    unnamed_or_fighting,
    victim_kinds,
)
from .records import DEMONSTRATIONS, Draft
from .tolls import finds_the_dead
from .words import triggers, word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc, Token


def _civilians(country: str | None) -> Actor:
    """ACLED's civilians of a country ("Civilians (Kenya)"; "International" when unknown)."""
    return Actor(f"Civilians ({country or 'International'})", act.CIVILIANS, country)


def is_teller(mention: ActorMention, doc: Doc) -> bool:
    """The actor only reports the event: the subject of a verb of saying ("police said"),
    or the source after "according to"."""
    verbs, preps, _ = speech_words()
    tok = _phrase_head(mention, doc)  # "the police spokesman said": the spokesman's phrase
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in verbs:
        # "The U.S. military said it had killed two": the teller speaks of its own act.
        own = any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("it", "we", "they")
            for clause in tok.head.children
            if clause.dep_ == "ccomp"
            for c in clause.children
        )
        return not own
    before = doc[max(mention.tok_start - 3, 0) : mention.tok_start].text.lower()
    return any(before.endswith(p) or f"{p} the" in before for p in preps)


def _phrase_head(mention: ActorMention, doc: Doc) -> Token:
    """The head of the phrase a mention stands in ("the police spokesman": spokesman)."""
    tok = doc[mention.tok_end - 1]
    while tok.dep_ in ("compound", "amod", "poss", "nmod", "conj") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _watcher(mention: ActorMention, doc: Doc) -> bool:
    """The subject of a verb of watching ("the OSCE mission recorded 40 explosions"): who
    counted the blasts, never who fired them; who found the dead ("police found the
    body of a man"), never who killed them; and who looks into it ("police are
    investigating")."""
    tok = _phrase_head(mention, doc)
    if tok.dep_ != "nsubj":
        return False
    verb = tok.head
    # "police are investigating", "police opened a probe into the killing": who looks
    # into the event, never who did it.
    inquiry = word_class("inquiry_word")
    finite = verb.tag_ != "VBG" or any(c.dep_ == "aux" for c in verb.children)
    if finite and (verb.lemma_.lower() in inquiry or any(
        c.dep_ == "dobj" and c.lemma_.lower() in inquiry for c in verb.children
    )):
        return True  # not "gunmen killed police investigating a theft": those were hit
    return verb.lemma_.lower() in word_class("observe_verb") or finds_the_dead(verb)


def assoc_names(
    mentions: list[ActorMention],
    taken: set[str | None],
    country: str | None,
    iso2: str | None,
    year: int | None,
) -> str | None:
    """ACLED's associated actors: the other actors of a side, "; "-separated, no repeats."""
    names: list[str] = []
    for m in mentions:
        name = act.resolve(m, country, iso2, year).name
        if name not in names and name not in taken:
            names.append(name)
    return "; ".join(names) or None


_ARMED_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
# Property burned or wrecked by someone: as in violence, civilians are never the ones who
# did it ("men threw Molotov cocktails at two shops": an unidentified armed group).
_DESTRUCTION = "Looting/property destruction"


@dataclass(slots=True)
class Sides:
    """The two sides of an event as coded so far: each actor with the mention it was
    resolved from (None once a rule names the side itself), and their associates."""

    actor1: Actor | None
    mention1: ActorMention | None
    actor2: Actor | None
    mention2: ActorMention | None
    allies: list[ActorMention] = field(default_factory=list)  # actor1's side
    allies_b: list[ActorMention] = field(default_factory=list)  # actor2's side
    agents: list[ActorMention] = field(default_factory=list)  # who acts, main clause first
    gainers: list[ActorMention] = field(default_factory=list)  # who took ground
    gainer: Actor | None = None
    assoc1: str | None = None
    assoc2: str | None = None


def pick_sides(draft: Draft, doc: Doc, place: tuple[str | None, str | None, int | None]) -> Sides:
    """actor1 and actor2 from the roles of a draft's tellings; ``place`` is the event's
    (country, iso2, year), by which generic words and state forces are named."""
    country, iso2, year = place
    supporters = [a for f in draft.frames for a in f.supporters]
    allies_b = [a for f in draft.frames for a in f.allies_b]
    allies = [a for f in draft.frames for a in f.allies] + [
        a for a in supporters if a not in allies_b
    ]
    # The main clause's actors before those of a side remark ("backed by Coalition jets").
    ordered = sorted(draft.frames, key=lambda f: not f.main_clause)
    agents = [a for f in ordered for a in f.agents if not _watcher(a, doc)]
    patients = [a for f in ordered for a in f.patients]
    # Fighters before the civilians caught up in a fight.
    patients.sort(key=lambda a: a.entry is not None and a.entry.inter == act.CIVILIANS)
    # Names the dictionary lacks are kept only where the parse gives them a role; those who
    # only tell the news ("police said", "according to the army") are not in it.
    everyone = [
        a
        for f in draft.frames
        for a in f.actors
        if a not in allies
        and a not in allies_b
        and a.entry is not None
        and not is_teller(a, doc)
        and not _watcher(a, doc)
        and not _in_description(a, doc)
    ]
    a1m = agents[0] if agents else None
    a2m = next(
        (
            p
            for p in patients
            if a1m is None or (p.entry != a1m.entry and not _same_group(p, a1m, doc))
        ),
        None,
    )
    if a1m is None:
        # Not civilians the tellings name as hit ("1 UN national staff killed").
        rest = [
            a
            for a in everyone
            if (a2m is None or a.entry != a2m.entry)
            and not (a in patients and a.entry is not None and a.entry.inter == act.CIVILIANS)
        ]
        rest.sort(key=lambda a: a.entry is None)  # dictionary actors before unknown names
        a1m = rest[0] if rest else None
    if a2m is None:
        a2m = next(
            (
                a
                for a in everyone
                if a1m is None
                or (a.entry != a1m.entry and a is not a1m and not _same_group(a, a1m, doc))
            ),
            None,
        )
    actor1 = act.resolve(a1m, country, iso2, year) if a1m else None
    actor2 = act.resolve(a2m, country, iso2, year) if a2m else None
    if a2m is not None and (
        only_hit(a2m, draft) or (actor1 is not None and _suspects_of_a_crowd(actor1, a2m, doc))
    ):
        # "gunmen killed two Fulani herders": people named by their living, only hit;
        # "villagers killed two suspected kidnappers": suspects in a crowd's hands.
        actor2 = _civilians(country)
    if actor2 is not None and a2m is not None and _crowd_without_demand(a2m, doc):
        # "soldiers opened fire on a crowd of mourners": people gathered, not protesters
        actor2 = _civilians(country)
    if actor1 and actor2 and actor1.name == actor2.name:
        actor2, a2m = None, None
    gainers = [g for f in draft.frames for g in f.gainers]
    gainer = act.resolve(gainers[0], country, iso2, year) if gainers else None
    return Sides(actor1, a1m, actor2, a2m, allies, allies_b, agents, gainers, gainer)


def _crowd_without_demand(mention: ActorMention, doc: Doc) -> bool:
    """A crowd hit in a text with no word of protest or riot: people gathered (at a
    market, a funeral, a food queue), whom ACLED codes as civilians, not demonstrators."""
    entry = mention.entry
    if entry is None or not entry.generic or entry.inter != act.PROTESTERS:
        return False
    if mention.text.lower().split()[-1] not in ("crowd", "crowds"):
        return False
    return not any(t.lemma_.lower() in _demonstration_words() for t in doc)


_CROWD_TYPES = DEMONSTRATIONS | {"Mob violence"}


@functools.lru_cache(maxsize=1)
def _demonstration_words() -> frozenset[str]:
    """One-word triggers of protest, riot, a mob or a crowd's dispersal ("protest",
    "rioted", "lynch"; "tear gas" is two words and not among them)."""
    return frozenset(
        t.lemmas[0]
        for entries in triggers().values()
        for t in entries
        if len(t.lemmas) == 1
        and (t.cls in ("protest", "riotous", "intervene") or t.sub_event_type in _CROWD_TYPES)
    )


# Groups of no state: who a later "the gunmen" can stand for.
_NON_STATE = (act.REBEL, act.POLITICAL_MILITIA, act.IDENTITY_MILITIA)
# The generic nouns a group's name may take ("Koglweogo militiamen", "Dozo fighters").
_GROUP_NOUNS = ("unidentified_armed_group", "pro_government_militia", "communal_militia")


def _same_group(mention: ActorMention, first: ActorMention, doc: Doc) -> bool:
    """A generic noun right after a group's name is that group's ("Dan Na Ambassagou
    militiamen"); a later definite "the gunmen" or "the assailants" names again the
    armed group the text began with ("suspected Ansaroul Islam militants stormed the
    village ...; the gunmen fired in the air"), not a second side."""
    entry, head = mention.entry, first.entry
    if entry is None or not entry.generic:
        return False
    if mention.tok_start == first.tok_end and entry.kind in _GROUP_NOUNS:
        return True  # "Dan Na Ambassagou militiamen": the group's name and its noun
    if entry.kind != "unidentified_armed_group":
        return False
    if mention.tok_start <= first.tok_start or mention.tok_start == 0:
        return False
    if doc[mention.tok_start - 1].lower_ not in ("the", "these", "those"):
        return False
    return head is None or head.inter in _NON_STATE or head.kind == "unidentified_armed_group"


def _in_description(mention: ActorMention, doc: Doc) -> bool:
    """The actor is named in a relative clause describing someone else ("beat to death a
    man they accused of guiding the gunmen"): no side of the event. (A participle's
    object is: "a car belonging to HTS fighters" names the car's owner.)"""
    tok = doc[mention.tok_end - 1]
    return any(
        up.dep_ == "relcl" and up.head.pos_ in ("NOUN", "PROPN")
        for up in list(tok.ancestors)[:6]
    )


def _suspects_of_a_crowd(actor1: Actor, mention: ActorMention, doc: Doc) -> bool:
    """Suspects a crowd of civilians laid hands on ("residents lynched two suspected
    robbers"): people, not an armed group, whatever they are suspected of."""
    entry = mention.entry
    words = [t.lower_ for t in doc[max(mention.tok_start - 1, 0) : mention.tok_end]]
    return (
        actor1.inter == act.CIVILIANS
        and entry is not None
        and entry.kind == "unidentified_armed_group"
        and any(w in word_class("suspect_word") for w in words)
    )


def only_hit(mention: ActorMention, draft: Draft) -> bool:
    """A community named by its people and its living ("Fulani herders", "Tiv farmers"),
    hit in a telling that tells no fight: civilians, as ACLED codes them; the same words
    acting or fighting are a communal militia."""
    entry = mention.entry
    if entry is None or entry.kind not in ("communal_militia", "identity_militia"):
        return False
    living = word_class("livelihood_word")
    words = mention.text.split()
    if not any(w.lower() in living for w in words) or not all(
        w.lower() in living or w[:1].isupper() for w in words
    ):
        return False
    # An ambush is no fight of two sides until the ambushed are said to be armed.
    return not any(a is mention for f in draft.frames for a in f.agents) and not any(
        h.entry.sub_event_type == "Armed clash" and h.entry.lemmas != ("ambush",)
        or h.entry.cls == "territory"
        for f in draft.frames
        for h in f.triggers
    )


def gainer_first(sides: Sides, sub: str | None) -> None:
    """ACLED codes the side that gains territory as actor1."""
    gainer, actor1 = sides.gainer, sides.actor1
    if (
        sub in ("Government regains territory", "Non-state actor overtakes territory")
        and gainer is not None
        and actor1 is not None
        and gainer.name != actor1.name
    ):
        if sides.actor2 is not None and sides.actor2.name == gainer.name:
            sides.actor2, sides.mention2 = actor1, sides.mention1
        sides.actor1, sides.mention1 = gainer, sides.gainers[0]


def settle_sides(
    sides: Sides,
    draft: Draft,
    doc: Doc,
    sub: str,
    place: tuple[str | None, str | None, int | None],
) -> None:
    """The sides as ACLED names them for the sub-event type: demonstrators as actor1 of a
    demonstration, civilians as the victims of violence against civilians, an unidentified
    armed group when nobody is named; then the associated actors of each side."""
    event_type = taxonomy()[sub][0]
    _demonstrators_first(sides, sub, event_type, place)
    _party_of_the_crowd(sides, draft, doc, sub, place)
    if sub == "Mob violence":
        _mob(sides, draft, place[0])
    _civilians_and_unknowns(sides, draft, doc, sub, event_type, place[0])
    if sub == "Arrests" and sides.actor1 is None and place[0]:
        # "Two men were arrested": nobody named, and only a state's forces arrest; ACLED
        # names its police.
        sides.actor1 = _police(place)
    country, iso2, year = place
    taken = {a.name if a else None for a in (sides.actor1, sides.actor2)}
    if sides.allies and sides.actor1 is not None and sides.assoc1 is None:
        sides.assoc1 = assoc_names(sides.allies, taken, country, iso2, year)
    if sides.allies_b and sides.actor2 is not None:
        sides.assoc2 = assoc_names(sides.allies_b, taken, country, iso2, year)
    _coalition_members(sides, place)


def _coalition_members(sides: Sides, place: tuple[str | None, str | None, int | None]) -> None:
    """A member group of a coalition acts as the coalition, from the year it joined, and is
    named beside it as the side's associated actor, as ACLED codes it ("Katiba Macina
    militants" in 2019: JNIM, with Katiba Macina; ``actor_tables.coalition_of``)."""
    country, iso2, year = place
    for k in (1, 2):
        actor, assoc = (sides.actor1, sides.assoc1) if k == 1 else (sides.actor2, sides.assoc2)
        coalition = coalition_of(actor.name, year) if actor is not None else None
        group = act.named(coalition, country, iso2, year) if coalition else None
        if actor is None or group is None:
            continue
        others = [n for n in (assoc or "").split("; ") if n and n not in (actor.name, group.name)]
        joined = "; ".join([actor.name, *others])
        if k == 1:
            sides.actor1, sides.assoc1 = group, joined
        else:
            sides.actor2, sides.assoc2 = group, joined


def _demonstrators_first(
    sides: Sides, sub: str, event_type: str, place: tuple[str | None, str | None, int | None]
) -> None:
    """The demonstrators are actor1 of a demonstration; who they are goes to assoc_actor_1,
    and state forces facing them to actor2."""
    actor1 = sides.actor1
    if sub not in DEMONSTRATIONS:
        return
    country = place[0]
    kind = "Rioters" if event_type == "Riots" else "Protesters"
    if actor1 is not None and actor1.inter in (act.PROTESTERS, act.RIOTERS):
        if actor1.name.startswith(("Protesters (", "Rioters (")):
            # "protesters threw Molotov cocktails at police": rioters, by what they did
            sides.actor1 = _crowd(kind, country)
        return
    assoc = (
        actor1 if actor1 and actor1.inter not in (act.STATE, act.EXTERNAL, act.CIVILIANS) else None
    )
    if actor1 and actor1.inter in (act.STATE, act.EXTERNAL):
        sides.actor2, sides.mention2 = actor1, sides.mention1
    elif (
        sides.actor2 is None or sides.actor2.inter in (act.PROTESTERS, act.RIOTERS)
    ) and sub != "Peaceful protest":
        # "police fired tear gas to disperse the crowd": the force used on the crowd.
        force = next(
            (a for a in sides.agents if a.entry is not None and a.entry.kind in _FORCES), None
        )
        if force is not None:
            sides.actor2, sides.mention2 = act.resolve(force, *place), force
    sides.actor1 = _crowd(kind, country)
    sides.assoc1 = assoc.name if assoc else None
    sides.mention1 = None


def _party_of_the_crowd(
    sides: Sides, draft: Draft, doc: Doc, sub: str,
    place: tuple[str | None, str | None, int | None],
) -> None:
    """ "Supporters of the AIADMK protested": the demonstrators are the party's people,
    its name their associate (as "AIADMK supporters" gives it)."""
    crowd = sides.actor1
    if sub not in DEMONSTRATIONS or sides.assoc1 is not None or crowd is None:
        return
    if crowd.inter not in (act.PROTESTERS, act.RIOTERS):
        return
    party = next(
        (
            a for f in draft.frames for a in f.actors
            if a.entry is not None and a.entry.inter == act.POLITICAL_MILITIA
            and named_crowd(a, doc)
        ),
        None,
    )  # fmt: skip
    if party is not None:
        sides.assoc1 = act.resolve(party, *place).name


def _police(place: tuple[str | None, str | None, int | None]) -> Actor | None:
    """The police of the event's country, as the dictionary names them in its year."""
    found = act.find_actor_mentions_in_tokens(["police"], [0])
    return act.resolve(found[0], *place) if found else None


def _crowd(kind: str, country: str | None) -> Actor:
    """ACLED's demonstrators of a country: "Protesters (Kenya)", "Rioters (Kenya)"."""
    inter = act.RIOTERS if kind == "Rioters" else act.PROTESTERS
    return Actor(f"{kind} ({country or 'International'})", inter, country)


def _mob(sides: Sides, draft: Draft, country: str | None) -> None:
    """A mob is coded as rioters, whoever its people are; the people it hurt (when the
    text names no one else) as civilians, and the crowd it fought ("supporters of the two
    candidates clashed") as rioters too."""
    rioters = Actor(f"Rioters ({country or 'International'})", act.RIOTERS, country)
    if sides.actor1 is None or _in_the_mob(sides.actor1):
        sides.assoc1 = _joined(_named_party(sides.actor1), sides.assoc1)
        sides.actor1, sides.mention1 = rioters, None
    fought = any(h.entry.sub_event_type == "Armed clash" for f in draft.frames for h in f.triggers)
    if fought and (sides.actor2 is None or _in_the_mob(sides.actor2)):
        sides.assoc2 = _joined(_named_party(sides.actor2), sides.assoc2)
        sides.actor2, sides.mention2 = rioters, None
    if sides.actor2 is None and any(
        f.patients or f.victim_words or any(t.value for t in f.tolls) for f in draft.frames
    ):
        sides.actor2 = _civilians(country)


def _in_the_mob(actor: Actor) -> bool:
    """Civilians, protesters or a party's people: rioters in a mob, the party associated
    (an unidentified armed group, a gang, a cartel or a community's militia stays itself,
    as ACLED names a communal militia in mob violence)."""
    if actor.inter in (act.CIVILIANS, act.PROTESTERS):
        return True
    return actor.inter == act.POLITICAL_MILITIA and not unnamed_or_fighting(actor.name) and (
        not actor.name.startswith(("Militia", "Vigilante")))


def _named_party(actor: Actor | None) -> str | None:
    """The party a mob's side is named for ("BCL: Bangladesh Chhatra League"), its
    militia's name without the word; None for civilians, protesters or nobody."""
    if actor is None or actor.inter != act.POLITICAL_MILITIA:
        return None
    return actor.name.removesuffix(" Militia")


def _joined(name: str | None, assoc: str | None) -> str | None:
    names = [n for n in (name, *(assoc or "").split("; ")) if n]
    return "; ".join(dict.fromkeys(names)) or None


_FORCES = ("police", "military")


def _raiders(draft: Draft, doc: Doc, country: str) -> Actor | None:
    """The communal militia of a communal raid; None for no such raid."""
    people = communal_raiders(draft, doc)
    return None if people is None else _communal_militia(people, country)


def _same_people(militia: Actor, other: Actor | None) -> bool:
    """``other`` is a militia of the same people as ``militia`` ("Pokot Clan Militia" and
    "Pokot Ethnic Militia (Kenya)"): the name's first word says whose."""
    return other is not None and militia.name.split()[0] == other.name.split()[0]


def _communal_militia(people: str, country: str) -> Actor:
    """A community's militia, by the people named ("Tiv Ethnic Militia (Nigeria)") or none
    ("Unidentified Communal Militia (Benin)")."""
    entries = act.dictionary()[0].get((*people.split(), "militia"), ())
    named = next((e.name for e in entries if e.kind == "identity_militia"), None)
    if named:
        return Actor(f"{named.split(' (')[0]} ({country})", act.IDENTITY_MILITIA, country)
    return Actor(f"Unidentified Communal Militia ({country})", act.IDENTITY_MILITIA, country)


def _civilians_and_unknowns(
    sides: Sides, draft: Draft, doc: Doc, sub: str, event_type: str, country: str | None
) -> None:
    """Civilians as the side hit where ACLED codes them so; an unidentified armed group as
    actor1 of violence when nobody is named."""
    if sub == "Peaceful protest":
        sides.actor2 = None
    if sub == "Arrests" and sides.actor2 is None and country and people_held(draft, doc):
        sides.actor2 = _civilians(country)
    victims = victim_kinds(draft)
    if (
        sides.actor2 is None
        and victims["civilian"]
        and not victims["armed"]
        and country
        and event_type in ("Explosions/Remote violence", "Violence against civilians")
    ):
        sides.actor2 = _civilians(country)
    if event_type == "Violence against civilians" and (
        sides.actor2 is None or act.is_armed(sides.actor2)
    ):
        if sides.actor2 is not None and sides.actor1 is None:
            sides.actor1, sides.mention1 = sides.actor2, sides.mention2
        elif sides.actor2 is not None and act.is_government(sides.actor2):
            # "two government officials were gunned down": civilians, of the government
            sides.assoc2 = _joined(sides.actor2.name, sides.assoc2)
        sides.actor2 = _civilians(country)
        sides.mention2 = None
    violent = event_type in _ARMED_TYPES or sub == _DESTRUCTION
    if sides.actor1 is not None and sides.actor1.inter == act.CIVILIANS and violent:
        # Civilians never act in violence: "a man threw a grenade" is an unidentified
        # armed actor; in "the body of a man was found" the man is the side hit.
        acting = any(a is sides.mention1 for a in sides.agents)
        if not acting and (sides.actor2 is None or sides.actor2.inter == act.CIVILIANS):
            sides.actor2, sides.mention2 = sides.actor1, sides.mention1
        sides.actor1, sides.mention1 = None, None
    if sides.actor1 is None and sub == "Attack" and country:
        # "farmers attacked a Fulani camp": ACLED's communal militia, not a gang.
        sides.actor1 = _raiders(draft, doc, country)
    fought = communal_clash(draft, doc) if sub == "Armed clash" and country else None
    if fought is not None and country:
        # "farmers clashed with herders": the two communities' militias, where the text
        # names the side no more precisely ("local vigilantes" stay a vigilante group).
        first, second = (_communal_militia(p, country) for p in fought)
        if _vague(sides.actor1):
            sides.actor1 = second if _same_people(first, sides.actor2) else first
            sides.mention1 = None
        if _vague(sides.actor2):
            sides.actor2 = first if _same_people(second, sides.actor1) else second
            sides.mention2 = None
    if sides.actor1 is None and sub == "Air/drone strike":
        # Only armed forces fly: ACLED's name for a state's forces it cannot tell.
        sides.actor1 = Actor("Unidentified Military Forces", act.EXTERNAL, None)
    if sides.actor1 is None and violent and country:
        sides.actor1 = Actor(
            f"Unidentified Armed Group ({country})", act.POLITICAL_MILITIA, country
        )
    if sub == _DESTRUCTION and sides.actor1 is not None and sides.actor2 is None:
        # "militants burned the school", "pillaged shops": what was looted or destroyed is
        # the people's, whom ACLED names as the side hit.
        sides.actor2 = _civilians(country)


def _vague(actor: Actor | None) -> bool:
    """No actor, or one ACLED names by kind only (civilians, rioters, an unidentified
    group)."""
    return actor is None or actor.inter in (act.CIVILIANS, act.RIOTERS, act.PROTESTERS) or (
        actor.name.startswith("Unidentified"))
