"""Assemble frames into events: merge the tellings of one event, classify it into ACLED's
taxonomy, resolve actors, date, place and counts, and attach evidence for every field.

>>> events = assemble(doc, article, frames)     # doctest: +SKIP
>>> events[0].sub_event_type                     # doctest: +SKIP
'Air/drone strike'
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import actors as act
from .counts import Toll
from .dates import MONTHS, DateMention
from .lexicon import taxonomy
from .mentions import Frame
from .records import Actor, Article, Event, Place, Span
from .shares import Split, find_splits

# Within a type, the order in which explosions are preferred when a report names several
# weapons ("a drone dropped a grenade" is a drone strike in ACLED's practice).
_EXPLOSIONS = (
    "Suicide bomb",
    "Chemical weapon",
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
)
_STRATEGIC = (
    "Arrests",
    "Disrupted weapons use",
    "Looting/property destruction",
    "Agreement",
    "Headquarters or base established",
    "Non-violent transfer of territory",
    "Change to group/activity",
    "Other",
)
_ARMED_VICTIMS = {
    "soldier",
    "troop",
    "fighter",
    "militant",
    "policeman",
    "police",
    "officer",
    "guard",
    "insurgent",
    "rebel",
    "member",
    "personnel",
    "commander",
    "jihadist",
    "gunman",
    "combatant",
    "militiaman",
    "terrorist",
    "operative",
    "recruit",
    "serviceman",
    "trooper",
    "paramilitary",
    "sniper",
    "element",
    "cadre",
    "interpreter",
    "army",
    "force",
    "jawan",
    "constable",
    "security",
}
_CIVILIAN_VICTIMS = {
    "civilian",
    "people",
    "child",
    "woman",
    "man",
    "villager",
    "resident",
    "student",
    "worker",
    "farmer",
    "teacher",
    "journalist",
    "doctor",
    "nurse",
    "family",
    "boy",
    "girl",
    "passenger",
    "shopkeeper",
    "trader",
    "worshipper",
    "pilgrim",
    "refugee",
    "staff",
    "driver",
    "employee",
    "elder",
    "activist",
    "leader",
    "priest",
    "imam",
    "wife",
    "son",
    "daughter",
    "father",
    "mother",
    "brother",
    "herder",
    "fisherman",
    "vendor",
    "person",
}
_TERRITORY_OBJECTS = {
    "control",
    "village",
    "town",
    "city",
    "area",
    "position",
    "hill",
    "checkpoint",
    "base",
    "district",
    "neighbourhood",
    "neighborhood",
    "road",
    "airport",
    "field",
    "mountain",
    "point",
    "site",
    "region",
    "territory",
    "post",
    "outpost",
    "headquarters",
    "border",
    "crossing",
    "dam",
    "highway",
    "farm",
    "farms",
    "locality",
    "hamlet",
    "valley",
    "station",
    "camp",
    "island",
    "airbase",
    "stronghold",
    "mount",
    "junction",
    "bridge",
    "countryside",
    "silo",
}


@dataclass(slots=True)
class Draft:
    """Frames believed to tell one event, before classification."""

    frames: list[Frame] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(f.start for f in self.frames)

    def dates(self) -> list[DateMention]:
        return [d for f in self.frames for d in f.dates]

    def towns(self) -> set[str]:
        return {
            p.place.location
            for f in self.frames
            for p in f.places
            if p.place is not None and p.place.kind == "town"
        }


def _date_range(d: DateMention) -> tuple[dt.date, dt.date] | None:
    if d.date is None:
        return None
    day = dt.date.fromisoformat(d.date)
    if d.precision == 1:
        return day, day
    if d.precision == 2:
        return day - dt.timedelta(days=10), day + dt.timedelta(days=10)
    first = day.replace(day=1)
    nxt = (first + dt.timedelta(days=32)).replace(day=1)
    return first, nxt - dt.timedelta(days=1)


def _norm_date_words(d: DateMention) -> str:
    return d.text.lower().removesuffix("'s").removeprefix("on ").strip()


def _months(words: set[str], ranges: list[tuple[dt.date, dt.date]]) -> set[int]:
    found = {MONTHS[w] for t in words for w in re.findall(r"[a-z]+", t) if w in MONTHS}
    return found | {r[0].month for r in ranges if (r[1] - r[0]).days < 40}


def _dates_agree(a: list[DateMention], b: list[DateMention]) -> bool:
    # Days against days when both sides give one: "this month" must not join the ambush
    # "on Wednesday" to the drone attack "on 9 January".
    if any(d.date and d.precision == 1 for d in a) and any(d.date and d.precision == 1 for d in b):
        a = [d for d in a if d.precision == 1]
        b = [d for d in b if d.precision == 1]
    ra = [r for r in map(_date_range, a) if r]
    rb = [r for r in map(_date_range, b) if r]
    if ra and rb:
        return any(x[0] <= y[1] and y[0] <= x[1] for x in ra for y in rb)
    # Unresolved relative dates ("Friday") agree with the same words, and month names
    # with the same month; two different unresolved days do not agree.
    ta = {_norm_date_words(d) for d in a if d.date is None}
    tb = {_norm_date_words(d) for d in b if d.date is None}
    if ta & tb:
        return True
    ma, mb = _months(ta, ra), _months(tb, rb)
    if ma and mb:
        return bool(ma & mb)
    return not (ta and tb)


def _overlap(draft: Draft, frame: Frame) -> float:
    """How strongly a frame points at a draft: same kind of trigger, place, date words."""
    subs = {h.entry.sub_event_type for f in draft.frames for h in f.triggers}
    lemmas = {h.entry.lemmas[-1] for f in draft.frames for h in f.triggers}
    score = 0.0
    for h in frame.triggers:
        if h.entry.sub_event_type and h.entry.sub_event_type in subs:
            score += 2
        if h.entry.lemmas[-1] in lemmas:
            score += 1
    if frame.places and any(
        p.place is not None
        and p.place.location
        in {q.place.location for f in draft.frames for q in f.places if q.place}
        for p in frame.places
    ):
        score += 1
    if frame.dates and draft.dates():
        score += 1
    return score


def _family(frame: Frame) -> str:
    subs = {t.entry.sub_event_type for t in frame.triggers if t.entry.sub_event_type}
    classes = frame.classes()
    if classes & {"protest", "riotous", "intervene"}:
        return "demonstration"
    types = {taxonomy()[s][0] for s in subs}
    if "Strategic developments" in types and len(types) == 1 and not classes & {"kill", "attack"}:
        return "strategic"
    return "violence"


def _compatible(draft: Draft, frame: Frame) -> bool:
    fams = {_family(f) for f in draft.frames}
    fam = _family(frame)
    same_sentence = frame.sent_i in {f.sent_i for f in draft.frames}
    # Force used on a demonstration told in one sentence ("police fired on students staging
    # a sit-in") is one event; elsewhere a demonstration and a battle are two.
    mixed_ok = same_sentence and "demonstration" in fams | {fam}
    if fam not in fams and not (frame.classes() <= {"kill", "injure", "attack"}) and not mixed_ok:
        return False
    if not _dates_agree(draft.dates(), frame.dates):
        return False
    towns = {
        p.place.location for p in frame.places if p.place is not None and p.place.kind == "town"
    }
    mine = draft.towns()
    if towns and mine and not towns & mine:
        return False
    return True


def merge_frames(frames: list[Frame]) -> list[Draft]:
    """Group frames that tell the same event; the order of first telling is kept."""
    drafts: list[Draft] = []
    for frame in frames:
        target = None
        best = -1.0
        if frame.anaphoric and not frame.dates and not frame.places:
            # "this attack", "the blast": the last event told with the same kind of words.
            generic = frame.classes() <= {"attack", "kill", "injure"}  # "that attack"
            earlier = [
                d
                for d in reversed(drafts)
                if _compatible(d, frame) and all(f.sent_i < frame.sent_i for f in d.frames)
            ]
            # A bare "that attack" points at the event told just before it; other words at
            # the last event told with the same kind of word.
            target = (
                earlier[0]
                if generic
                and earlier
                and max(f.sent_i for f in earlier[0].frames) >= frame.sent_i - 1
                else next(
                    (
                        d
                        for d in reversed(drafts)
                        if _compatible(d, frame) and _overlap(d, frame) >= 1
                    ),
                    earlier[0] if generic and earlier else None,
                )
            )
            if target is not None:
                target.frames.append(frame)
                continue
        # The best-matching compatible draft; among equals the most recent one.
        for draft in reversed(drafts):
            if _compatible(draft, frame):
                score = _overlap(draft, frame)
                if score > best:
                    target, best = draft, score
        if target is None:
            drafts.append(Draft([frame]))
        else:
            target.frames.append(frame)
    return drafts


# ---- classification ------------------------------------------------------------------------


def _victims(draft: Draft) -> Counter[str]:
    kinds: Counter[str] = Counter()
    for f in draft.frames:
        for w in f.victim_words:
            if w in _ARMED_VICTIMS:
                kinds["armed"] += 1
            elif w in _CIVILIAN_VICTIMS:
                kinds["civilian"] += 1
    return kinds


_CROWD = {
    "supporter",
    "student",
    "villager",
    "local",
    "resident",
    "worker",
    "activist",
    "cadre",
    "crowd",
    "mob",
    "protester",
    "protestor",
    "demonstrator",
    "group",
    "party",
    "member",
    "youth",
    "farmer",
    "trader",
    "people",
    "rioter",
    "agitator",
    "family",
    "clan",
    "community",
    "employee",
    "devotee",
    "fan",
    "follower",
}


def _named_crowd(mention: Any, doc: Any) -> bool:
    """ "BJP supporters", "UDMF cadres", "supporters of the PTI": people of a party, in a
    crowd. The word follows the name, or the name follows "of" after the word."""
    for t in doc[mention.tok_start + 1 : mention.tok_end + 4]:
        if t.lemma_.lower() in _PARTY_PEOPLE:
            return True
        if not (t.pos_ in ("PROPN", "CCONJ", "PUNCT") or t.lower_ in ("and", ",")):
            break  # "AAP and BJP supporters": only names and "and" may come between
    start = mention.tok_start
    return (
        start >= 2
        and doc[start - 1].lower_ in ("of", "the")
        and any(t.lemma_.lower() in _PARTY_PEOPLE for t in doc[max(start - 3, 0) : start])
    )


# A party's people in the street: its supporters, workers and cadres, not its members.
_PARTY_PEOPLE = {"supporter", "worker", "activist", "cadre", "follower", "youth", "student"}


def _people_held(draft: Draft, doc: Any) -> bool:
    """Arrests of people the text does not tie to a group ("arrested 15 Palestinians",
    "detained three men"): ACLED codes them as civilians."""
    for f in draft.frames:
        for h in f.triggers:
            if h.entry.sub_event_type != "Arrests":
                continue
            for c in doc[h.j - 1].children:
                if c.dep_ in ("dobj", "nsubjpass") and (
                    c.ent_type_ == "NORP"
                    or c.lemma_.lower() in _CIVILIAN_VICTIMS | {"suspect", "man", "youth"}
                ):
                    return True
    return False


def _crowd_actor(actor: Actor | None) -> bool:
    """Nobody named, or people who riot: protesters, rioters, residents, party workers
    (a named party or movement), never state forces, an armed group's fighters, a cartel
    or a gang."""
    if actor is None:
        return True
    if actor.inter in (act.RIOTERS, act.PROTESTERS, act.CIVILIANS):
        return True
    return (
        actor.inter == act.POLITICAL_MILITIA
        and actor.known
        and "Armed" not in actor.name
        # A named cartel or gang is an armed group; "a gang of assailants" may be a mob.
        and "Cartel" not in actor.name
        and not ("Gang" in actor.name and not actor.name.startswith("Unidentified"))
    )


def _crowd(draft: Draft, doc: Any) -> bool:
    """The tellings name crowds (supporters, students, villagers) as the parties."""
    for f in draft.frames:
        for h in f.triggers:
            tok = doc[h.j - 1]
            # Who acts (and "between"/"with" whom), not who is hit: "people" injured by a
            # blast are victims, not a crowd.
            near = [
                c
                for c in tok.children
                if c.dep_ == "nsubj"
                or (c.dep_ == "prep" and c.lower_ in ("between", "with", "among"))
            ]
            words = {t.lemma_.lower() for c in near for t in c.subtree}
            if words & (
                _ARMED_VICTIMS
                - {
                    "member",
                    "security",
                    "police",
                    "policeman",
                    "officer",
                    "constable",
                    "force",
                    "guard",
                }
            ):
                return False  # soldiers, rebels, militants: armed parties after all
            if words & _CROWD:
                return True
    return False


def _between_sides(draft: Draft, doc: Any) -> bool:
    for f in draft.frames:
        for h in f.triggers:
            if any(c.dep_ == "prep" and c.lower_ == "between" for c in doc[h.j - 1].children):
                return True
    return False


_RETURN_FIRE = {"respond", "response", "retaliate", "retaliation", "return", "exchange", "reply"}
# Words that say fire went both ways, anywhere in a telling: "in turn", "mutual shelling".
_BOTH_WAYS = {"mutual", "reciprocal", "exchange", "exchanged", "turn"}


def _side(mention: Any) -> str:
    """Who a shooter fights for: state forces are one side whatever they are called
    ("Pakistan Air Force", "fighter aircraft", "the army")."""
    entry = mention.entry
    if entry is None:
        return mention.text.lower()
    if entry.inter in (act.STATE, act.EXTERNAL) or entry.kind in ("military", "police"):
        return "state"
    return entry.name


def _exchange(draft: Draft, doc: Any) -> bool:
    """Both sides fire: "the army shelled the town and, in response, AAS fighters shelled
    regime positions"; "Islamist militias responded with shelling"."""
    shooters = {
        _side(f.agents[0])
        for f in draft.frames
        if f.agents and any(h.entry.sub_event_type in _EXPLOSIONS for h in f.triggers)
    }
    if len(shooters) >= 2:
        return True
    if any(
        doc[i].lemma_.lower() in _RETURN_FIRE
        for f in draft.frames
        for h in f.triggers
        if h.entry.sub_event_type == "Shelling/artillery/missile attack"
        for i in range(max(h.i - 4, 0), h.i)
    ):
        return True
    # "HTS targeted regime positions; in response, regime forces attacked with airstrikes":
    # two sides act and the text says one answers the other.
    sides = {_side(f.agents[0]) for f in draft.frames if f.agents}
    if len(sides) < 2:
        return False
    sentences = {f.sent_i for f in draft.frames}
    return any(
        t.lower_ in _BOTH_WAYS or t.lemma_.lower() in _RETURN_FIRE
        for s in sentences
        for t in list(doc.sents)[s]
    )


def _territory_ok(draft: Draft, doc: Any) -> bool:
    for f in draft.frames:
        for h in f.triggers:
            if h.entry.cls != "territory":
                continue
            if (
                "control" in h.entry.lemmas
                or h.entry.weight >= 0.9
                and h.entry.lemmas[0] != "advance"
            ):
                return True
            tok = doc[h.j - 1]
            objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "prep")]
            for o in objs:
                if o.dep_ == "dobj" and o.pos_ == "PROPN" and o.ent_type_ != "PERSON":
                    return True  # "captured Sabe Byar": a named place the gazetteer lacks
                words = {t.lemma_.lower() for t in o.subtree}
                if words & _TERRITORY_OBJECTS or any(
                    p.start >= o.left_edge.idx and p.start <= o.right_edge.idx for p in f.places
                ):
                    return True
    return False


def classify(
    draft: Draft,
    doc: Any,
    actor1: Actor | None,
    actor2: Actor | None,
    fatalities: int | None,
    gainer_actor: Actor | None = None,
) -> str | None:
    """The ACLED sub-event type of a draft event, or None when it is no event."""
    votes: dict[str, float] = {}  # sub-event type -> strongest trigger weight
    classes: Counter[str] = Counter()
    for f in draft.frames:
        for h in f.triggers:
            classes[h.entry.cls] += 1
            if h.entry.sub_event_type:
                votes[h.entry.sub_event_type] = max(
                    votes.get(h.entry.sub_event_type, 0.0), h.entry.weight
                )
    victims = _victims(draft)
    state1 = actor1 is not None and actor1.inter in (act.STATE, act.EXTERNAL)
    protest_weight = max(
        (h.entry.weight for f in draft.frames for h in f.triggers if h.entry.cls == "protest"),
        default=0.0,
    )
    if protest_weight >= 0.5 or (actor1 is not None and actor1.inter == act.PROTESTERS):
        if (fatalities or 0) > 0 and (state1 or (actor2 and actor2.inter == act.STATE)):
            return "Excessive force against protesters"
        if classes["riotous"] or votes.get("Mob violence"):
            return "Violent demonstration"
        if classes["intervene"] or votes.get("Arrests"):
            return "Protest with intervention"
        if max(votes.values(), default=0) < 0.8 or classes["protest"] >= 1:
            return "Peaceful protest"
    if votes.get("Mob violence", 0) >= 0.9 or (votes.get("Mob violence") and classes["kill"]):
        return "Mob violence"
    if (
        classes["riotous"]
        and not classes["attack"]
        and not votes.get("Armed clash")
        and max((votes.get(x, 0) for x in _EXPLOSIONS), default=0) < 0.8
    ):
        # Arson, vandalism and stone-throwing by a crowd, party workers or residents: a riot.
        if _crowd_actor(actor1):
            return "Violent demonstration"
        if not (fatalities or 0) and not classes["kill"]:
            # The same acts by soldiers, settlers or an armed group, hurting nobody: ACLED
            # codes the destruction as a strategic development.
            return "Looting/property destruction"
    calm = not (fatalities or 0) and not classes["kill"]
    # Acts that end violence or take property come before the weapons they name:
    # "defused an IED", "shot down two missiles", "looted shops", "arrested in a raid".
    for sub, floor in (
        ("Disrupted weapons use", 0.7),
        ("Looting/property destruction", 0.9),
        ("Non-violent transfer of territory", 0.9),
        ("Arrests", 0.9),
    ):
        if calm and votes.get(sub, 0) >= floor and votes.get("Armed clash", 0) < 0.8:
            return sub
    first_sent = draft.frames[0].sent_i
    lead_clash = any(
        h.entry.sub_event_type == "Armed clash" and h.entry.weight >= 0.8
        for f in draft.frames
        if f.sent_i == first_sent
        for h in f.triggers
    )
    for sub in ("Suicide bomb", "Chemical weapon"):
        if votes.get(sub, 0) >= 0.9 and not lead_clash:
            return sub
    # "fought for control of Bhamo", "the battle for control of the town": control
    # contested, not changed.
    contested = all(
        h.i > 0 and doc[h.i - 1].lower_ == "for"
        for f in draft.frames
        for h in f.triggers
        if h.entry.cls == "territory"
    )
    if (
        classes["territory"]
        and not contested
        and _territory_ok(draft, doc)
        and not any(
            f.hedged for f in draft.frames if any(h.entry.cls == "territory" for h in f.triggers)
        )
    ):
        gainer = gainer_actor
        if gainer is None:
            gainer = actor1
        if gainer is not None and (
            gainer.inter in (act.STATE, act.EXTERNAL) or gainer.name == "Militia (Pro-Government)"
        ):
            return "Government regains territory"
        if gainer is not None and gainer.inter in (
            act.REBEL,
            act.POLITICAL_MILITIA,
            act.IDENTITY_MILITIA,
        ):
            return "Non-state actor overtakes territory"
    crowd = _crowd(draft, doc)
    # "AAP and BJP supporters clashed": a party's supporters are a crowd, not its militia.
    crowds = {
        a.entry.name
        for f in draft.frames
        for a in f.actors
        if a.entry is not None
        and not a.entry.generic
        and a.entry.kind == "political_militia"
        and _named_crowd(a, doc)
    }
    crowd = crowd or bool(crowds)
    nobody_armed = not any(
        a is not None and act.is_armed(a) and a.inter != act.STATE and a.name not in crowds
        for a in (actor1, actor2)
    )
    explosive_vote = max((votes.get(x, 0) for x in _EXPLOSIONS), default=0)
    if (
        crowd
        and nobody_armed
        and explosive_vote < 0.6
        and (votes.get("Armed clash") or classes["riotous"] or classes["attack"])
    ):
        # A clash between party supporters, students or villagers (or them and the
        # police) is a riot, not an armed clash: ACLED keeps Battles for armed groups.
        if (
            classes["kill"]
            and not classes["riotous"]
            and not (actor1 and actor1.inter == act.STATE)
        ):
            return "Mob violence"
        return "Violent demonstration"
    clash = votes.get("Armed clash", 0)
    explosive = max(
        ((votes[s], -k, s) for k, s in enumerate(_EXPLOSIONS) if votes.get(s)), default=None
    )
    if clash >= 0.8:
        return "Armed clash"
    if explosive and (_between_sides(draft, doc) or _exchange(draft, doc)):
        return "Armed clash"  # "shelling between HTS and Zenki fighters": an exchange
    if explosive and explosive[0] >= 0.6:
        return explosive[2]
    if (
        explosive
        and explosive[2] == "Air/drone strike"
        and clash < 0.5
        and actor1 is not None
        and actor1.inter in (act.STATE, act.EXTERNAL)
        and actor1.name.startswith("Military Forces")
    ):
        return "Air/drone strike"  # "US strikes killed 12 militants": a state's armed forces
    if votes.get("Sexual violence", 0) >= 0.8:
        return "Sexual violence"
    if votes.get("Abduction/forced disappearance", 0) >= 0.9 and not (fatalities or 0):
        if victims["armed"] > victims["civilian"] or (actor2 is not None and act.is_armed(actor2)):
            return "Armed clash"  # ACLED codes seizing enemy fighters as a battle
        return "Abduction/forced disappearance"
    violent = classes["attack"] or classes["kill"] or clash or explosive
    if violent:
        armed_target = (actor2 is not None and act.is_armed(actor2)) or (
            victims["armed"] > victims["civilian"]
        )
        civilian_target = (actor2 is not None and actor2.inter == act.CIVILIANS) or victims[
            "civilian"
        ]
        if armed_target and not (civilian_target and not (actor2 and act.is_armed(actor2))):
            return "Armed clash"
        if explosive:
            return explosive[2]
        if votes.get("Abduction/forced disappearance"):
            return "Abduction/forced disappearance"
        if clash:
            return "Armed clash"
        strong = max(
            (
                h.entry.weight
                for f in draft.frames
                for h in f.triggers
                if h.entry.cls in ("attack", "kill")
            ),
            default=0,
        )
        if civilian_target or strong >= 0.7 or (fatalities or 0) > 0:
            return "Attack"
        return None
    for sub in _STRATEGIC:
        if votes.get(sub, 0) >= 0.6:
            if sub == "Agreement" and votes[sub] < 0.8 and not _armed_party(actor1, actor2):
                continue  # "agreed" alone is an agreement only between armed parties
            return sub
    return None


def _armed_party(*actors: Actor | None) -> bool:
    return any(a is not None and act.is_armed(a) for a in actors)


# ---- fields --------------------------------------------------------------------------------


def _pick_date(draft: Draft) -> DateMention | None:
    """The most precise resolved date among the event's tellings (first telling wins ties)."""
    dates = draft.dates()
    resolved = [d for d in dates if d.date]
    if resolved:
        return min(resolved, key=lambda d: (d.precision, draft.dates().index(d)))
    return dates[0] if dates else None


def _pick_place(draft: Draft, all_places: Sequence[Any] = ()) -> Any | None:
    """The most precise place among the event's tellings (villages and towns before
    regions); a place named only as where another lies ("X in Idlib") stands for that
    other."""
    inside = {id(pm.container): pm for pm in all_places if pm.container is not None}
    mentions = [inside.get(id(pm), pm) for f in draft.frames for pm in f.places]
    # "Sanjar town in Idleb": Idleb only says where Sanjar is.
    containers = {
        id(c)
        for pm in mentions
        if pm.place is not None
        for c in (pm.container, getattr(pm, "within", None))
        if c is not None
    }
    best = None
    best_key: tuple[int, int] | None = None
    for order, p in enumerate(mentions):
        if p.place is None or id(p) in containers:
            continue
        # An unlisted village is as precise a name as a town; only its coordinates are
        # those of the place around it (its geo_precision says so).
        precision = 1 if p.place.kind == "unlisted" else (p.place.geo_precision or 3)
        key = (precision, order)
        if best_key is None or key < best_key:
            best, best_key = p, key
    return best


def _nearest_place(draft: Draft, places: list[Any], country: str | None) -> Any | None:
    """For an event told without a place: the closest place the article names in its
    country, before the event if any ("Clashes hit Saraqib. Two fighters were killed.")."""
    local = [
        pm
        for pm in places
        if pm.place is not None
        and pm.place.country == country
        and pm.place.kind in ("town", "unlisted", "admin1")
        and not any(q.container is pm for q in places)
    ]
    before = [pm for pm in local if pm.start < draft.first]
    # The closest town or village before the event, else the closest division.
    for pool in ([pm for pm in before if pm.place.kind != "admin1"], before, local):
        if pool:
            return pool[-1] if pool is not local else pool[0]
    return None


def _tolls(draft: Draft, kind: str) -> list[Toll]:
    return [t for f in draft.frames for t in f.tolls if t.kind == kind]


def _count(tolls: list[Toll]) -> tuple[int | None, int | None, int | None, Toll | None]:
    """Conservative count: the largest restated figure (tellings repeat, they rarely add)."""
    numbered = [t for t in tolls if t.value is not None]
    if not numbered:
        return None, None, None, None
    stated = [t for t in numbered if t.qualifier in ("total", "stated")]
    if stated:  # a stated total wins over the sum of its parts; the last "total" first
        top = max(stated, key=lambda t: (t.qualifier == "total", t.start))
        return top.value, None, None, top
    best = max(numbered, key=lambda t: t.value or 0)
    return best.value, best.low, best.high, best


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


_KIND_WEIGHT = {"country": 3.0, "region": 3.0, "admin1": 2.0, "town": 1.0}


def actor_homes(mentions: Iterable[Any], helpers: Iterable[Any] = ()) -> Counter[str]:
    """How strongly the actors named point at a country (ISO alpha-2), by who they are.

    A local group whose every dictionary row has one home ("QSD", "HTS", a farmers'
    union) acts at home and counts fully; a name several countries' groups share
    ("Taliban") counts half for its first reading; police and governments act at home
    and count fully too. A state's armed forces act abroad all the time ("Turkish forces
    clashed with IS in Tadef", "Russian warplanes"): they count little, and not at all
    once a local group names another home. Transnational groups (IS) and generic
    phrases ("regime forces") say nothing; ``helpers`` (allies, backers) count half.
    """
    helper_ids = {id(a) for a in helpers}
    # Weights in halves and tenths: Counter takes floats, though typeshed says int.
    local: Counter[str] = Counter()
    state: Counter[str] = Counter()
    seen: set[int] = set()
    for a in mentions:
        e = a.entry
        if id(a) in seen or e is None or e.generic or not e.iso2:
            continue
        seen.add(id(a))
        if e.inter == act.EXTERNAL and e.kind != "external":
            continue  # a foreign force coded as such; a mission's row names its theatre
        # A name shared by groups of several countries ("Taliban"): its first reading,
        # at half weight.
        homes = {x.iso2 for x in (a.entries or (e,)) if not x.generic}
        share = (0.5 if id(a) in helper_ids else 1.0) * (1.0 if len(homes) == 1 else 0.5)
        if e.inter == act.STATE and e.kind not in ("police", "government"):
            state[e.iso2] += 0.3 * share  # type: ignore[assignment]
        else:
            local[e.iso2] += share  # type: ignore[assignment]
    for iso2, v in state.items():
        if not local or iso2 in local:
            local[iso2] += v
    return local


def _country_votes(places: list[Any], frames: list[Frame]) -> tuple[Counter[str], dict[str, Place]]:
    """How strongly the article points at each country: named countries and regions count
    most, towns least, and the home countries of the actors it names count too
    (``actor_homes``).
    """
    from .places import country_by_name

    votes: Counter[str] = Counter()
    first: dict[str, Place] = {}
    for p in places:
        if p.place is not None and p.place.country:
            votes[p.place.country] += _KIND_WEIGHT.get(p.place.kind, 1.0)  # type: ignore[assignment]
            first.setdefault(p.place.country, p.place)
    helpers = [a for f in frames for a in (*f.allies, *f.supporters, *f.allies_b)]
    homes = actor_homes([a for f in frames for a in f.actors], helpers)
    for iso2, weight in homes.items():
        home = country_by_name(iso2)
        if home is not None and home.country:
            votes[home.country] += weight
            first.setdefault(home.country, home)
    return votes, first


def _country_place(place: Place) -> Place:
    return Place(
        location=place.country or "",
        country=place.country,
        iso=place.iso,
        iso2=place.iso2,
        geo_precision=3,
        kind="country",
    )


def build_event(
    draft: Draft,
    doc: Any,
    article: Article,
    fallback: Place | None,
    all_places: list[Any],
    index: int,
    all_dates: Sequence[DateMention] = (),
    votes: Counter[str] | None = None,
    splits: Sequence[Split] = (),
) -> Event | None:
    """One Event from a draft, or None when the draft is no event after all."""
    text = article.text
    ev = Event()
    evidence: dict[str, list[Span]] = {}
    pm = _pick_place(draft, all_places)
    inherited = False
    if (
        pm is not None
        and fallback is not None
        and votes
        and pm.place.country != fallback.country
        and votes[fallback.country or ""] >= 2 * max(votes[pm.place.country or ""], 1.0)
    ):
        # One town abroad against an article that is plainly about another country: more
        # likely a namesake than a cross-border event; keep the country, not the town.
        pm = None
    if pm is None and fallback is not None:
        pm = _nearest_place(draft, all_places, fallback.country)
        inherited = pm is not None
    place = pm.place if pm is not None else fallback
    if place is None:
        place = _place_from_actors(draft)
    date = _pick_date(draft)
    if date is None:
        # A date leading the sentence ("On 4 April 2019, ...") covers its clauses; failing
        # that, the last date given before the event's first telling.
        sentences = {(f.sent_start, f.sent_end) for f in draft.frames}
        near = [d for d in all_dates if any(s <= d.start < e for s, e in sentences)]
        before = [d for d in all_dates if d.start < draft.first and d.date]
        date = near[0] if near else (before[-1] if before else None)
    year = (
        int(date.date[:4])
        if date and date.date
        else (int(article.published[:4]) if article.published else None)
    )
    iso2 = place.iso2 if place else None
    country = place.country if place else None

    supporters = [a for f in draft.frames for a in f.supporters]
    allies_b = [a for f in draft.frames for a in f.allies_b]
    allies = [a for f in draft.frames for a in f.allies] + [
        a for a in supporters if a not in allies_b
    ]
    # The main clause's actors before those of a side remark ("backed by Coalition jets").
    ordered = sorted(draft.frames, key=lambda f: not f.main_clause)
    agents = [a for f in ordered for a in f.agents]
    patients = [a for f in ordered for a in f.patients]
    # Fighters before the civilians caught up in a fight.
    patients.sort(key=lambda a: a.entry is not None and a.entry.inter == act.CIVILIANS)
    # Names the dictionary lacks are kept only where the parse gives them a role; those who
    # only tell the news ("police said", "according to the army") are not in it.
    everyone = [
        a
        for f in draft.frames
        for a in f.actors
        if a not in allies and a not in allies_b and a.entry is not None and not _teller(a, doc)
    ]
    a1m = agents[0] if agents else None
    a2m = next((p for p in patients if a1m is None or p.entry != a1m.entry), None)
    if a1m is None:
        rest = [a for a in everyone if a2m is None or a.entry != a2m.entry]
        rest.sort(key=lambda a: a.entry is None)  # dictionary actors before unknown names
        a1m = rest[0] if rest else None
    if a2m is None:
        a2m = next(
            (a for a in everyone if a1m is None or (a.entry != a1m.entry and a is not a1m)), None
        )
    actor1 = act.resolve(a1m, country, iso2, year) if a1m else None
    actor2 = act.resolve(a2m, country, iso2, year) if a2m else None
    if actor1 and actor2 and actor1.name == actor2.name:
        actor2, a2m = None, None
    victims = _victims(draft)

    killed, k_low, k_high, k_toll = _count(_tolls(draft, "killed"))
    split = _split_for(splits, k_toll, killed, draft)
    if split is not None and place is not None:
        names = [place.location or ""] + [
            p.text for f in draft.frames for p in f.places if p.place is not None
        ]
        share = split.share(names, killed)
        if share is not None:
            killed, k_low, k_high = share, None, None
            k_toll = Toll("killed", share, None, None, split.start, split.end, -2, "total")
    injured, _, _, i_toll = _count(_tolls(draft, "injured"))
    gainers = [g for f in draft.frames for g in f.gainers]
    gainer = act.resolve(gainers[0], country, iso2, year) if gainers else None
    sub = classify(draft, doc, actor1, actor2, killed, gainer)
    if (
        sub in ("Government regains territory", "Non-state actor overtakes territory")
        and gainer is not None
        and actor1 is not None
        and gainer.name != actor1.name
    ):
        # ACLED codes the side that gains territory as actor1.
        if actor2 is not None and actor2.name == gainer.name:
            actor2, a2m = actor1, a1m
        actor1, a1m = gainer, gainers[0]
    if sub is None:
        return None
    event_type, disorder = taxonomy()[sub]
    if sub in (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
        "Violent demonstration",
    ) and (actor1 is None or actor1.inter not in (act.PROTESTERS, act.RIOTERS)):
        # The demonstrators are actor1 of a demonstration; who they are goes to assoc_actor_1.
        kind = "Rioters" if event_type == "Riots" else "Protesters"
        assoc = (
            actor1
            if actor1 and actor1.inter not in (act.STATE, act.EXTERNAL, act.CIVILIANS)
            else None
        )
        if actor1 and actor1.inter in (act.STATE, act.EXTERNAL):
            actor2, a2m = actor1, a1m
        elif (actor2 is None or actor2.inter in (act.PROTESTERS, act.RIOTERS)) and sub != (
            "Peaceful protest"
        ):
            # "police fired tear gas to disperse the crowd": the force used on the crowd.
            force = next(
                (
                    a
                    for a in agents
                    if a.entry is not None and a.entry.kind in ("police", "military")
                ),
                None,
            )
            if force is not None:
                actor2, a2m = act.resolve(force, country, iso2, year), force
        actor1 = Actor(
            f"{kind} ({country or 'International'})",
            act.RIOTERS if kind == "Rioters" else act.PROTESTERS,
            country,
        )
        ev.assoc_actor_1 = assoc.name if assoc else None
        a1m = None
    if sub == "Peaceful protest":
        actor2 = None
    if sub == "Arrests" and actor2 is None and country and _people_held(draft, doc):
        actor2 = Actor(f"Civilians ({country})", act.CIVILIANS, country)
    if (
        actor2 is None
        and victims["civilian"]
        and not victims["armed"]
        and country
        and event_type in ("Explosions/Remote violence", "Violence against civilians")
    ):
        actor2 = Actor(f"Civilians ({country})", act.CIVILIANS, country)
    if event_type == "Violence against civilians" and (actor2 is None or act.is_armed(actor2)):
        if actor2 is not None and actor1 is None:
            actor1, a1m = actor2, a2m
        actor2 = Actor(f"Civilians ({country or 'International'})", act.CIVILIANS, country)
        a2m = None
    if (
        actor1 is None
        and event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")
        and country
    ):
        actor1 = Actor(f"Unidentified Armed Group ({country})", act.POLITICAL_MILITIA, country)

    taken = {actor1.name if actor1 else None, actor2.name if actor2 else None}
    if allies and actor1 is not None and ev.assoc_actor_1 is None:
        ev.assoc_actor_1 = _assoc_names(allies, taken, country, iso2, year)
    if allies_b and actor2 is not None:
        ev.assoc_actor_2 = _assoc_names(allies_b, taken, country, iso2, year)
    ev.event_type, ev.sub_event_type, ev.disorder_type = event_type, sub, disorder
    triggers = [h for f in draft.frames for h in f.triggers]
    evidence["event_type"] = evidence["sub_event_type"] = [
        _span(text, h.start, h.end) for h in triggers
    ]
    if actor1:
        ev.actor1, ev.inter1 = actor1.name, actor1.inter
        if a1m:
            evidence["actor1"] = [_span(text, a1m.start, a1m.end)]
    if actor2:
        ev.actor2, ev.inter2 = actor2.name, actor2.inter
        if a2m:
            evidence["actor2"] = [_span(text, a2m.start, a2m.end)]
    ev.interaction = act.interaction(ev.inter1, ev.inter2)
    if event_type == "Violence against civilians" or (
        ev.inter2 == act.CIVILIANS and event_type == "Explosions/Remote violence"
    ):
        ev.civilian_targeting = "Civilian targeting"

    if date is not None and date.date:
        ev.event_date, ev.time_precision, ev.date_status = date.date, date.precision, date.status
        evidence["event_date"] = [_span(text, date.start, date.end)]
    elif date is not None:
        ev.date_status, ev.date_text = "unresolved", date.text
        ev.time_precision = date.precision
        evidence["date_text"] = [_span(text, date.start, date.end)]
    elif article.published:
        ev.event_date, ev.time_precision, ev.date_status = article.published[:10], 1, "publication"
    else:
        ev.date_status = "unknown"

    place_evidence: dict[str, list[Span]] = {}
    if place is not None:
        ev.country, ev.iso, ev.admin1, ev.admin2, ev.admin3 = (
            place.country,
            place.iso,
            place.admin1,
            place.admin2,
            place.admin3,
        )
        ev.location = place.location if place.kind != "region" else place.location
        ev.latitude, ev.longitude = place.latitude, place.longitude
        ev.geo_precision, ev.geonameid = place.geo_precision, place.geonameid
        if pm is not None:
            s = pm.qualifier_start if pm.qualifier_start is not None else pm.start
            e = pm.qualifier_end if pm.qualifier_end is not None else pm.end
            spans = [_span(text, s, e)]
            # A village the gazetteer lacks is placed by the place the text puts it in.
            around = (
                [_span(text, pm.container.start, pm.container.end)]
                if (pm.container is not None)
                else spans
            )
            for key in ("location", "country", "admin1", "latitude", "longitude", "geo_precision"):
                if getattr(ev, key) is not None:
                    place_evidence[key] = spans if key in ("location", "geo_precision") else around
            if not inherited:
                evidence.update(place_evidence)

    ev.fatalities = killed if killed is not None else 0
    if k_toll is not None:
        evidence["fatalities"] = [_span(text, k_toll.start, k_toll.end)]
        if k_low is not None and k_high is not None and k_low != k_high:
            ev.fatalities_low, ev.fatalities_high = k_low, k_high
    if injured is not None:
        ev.injuries = injured
        if i_toll is not None:
            evidence["injuries"] = [_span(text, i_toll.start, i_toll.end)]
    ev.evidence = evidence
    ev.sources = [article.id] if article.id else []
    ev.confidence = _confidence(draft, ev)
    # A place taken from elsewhere in the article is evidence, but not a sign that the
    # event itself was told plainly: it joins after the confidence is reckoned.
    evidence.update(place_evidence)
    ev.notes = _notes(ev)
    basis = f"{article.id}|{hashlib.sha1(text.encode('utf-8', 'replace')).hexdigest()[:12]}|{index}"
    ev.event_id = "EW" + hashlib.sha1(basis.encode()).hexdigest()[:12].upper()
    return ev


@functools.lru_cache(maxsize=1)
def _speech_words() -> tuple[frozenset[str], frozenset[str]]:
    """(verbs of saying, phrases before a source) of ``data/speech.tsv``."""
    from .lexicon import read_table

    rows = read_table("speech.tsv")
    return (
        frozenset(r["phrase"] for r in rows if r["kind"] == "verb"),
        frozenset(r["phrase"] for r in rows if r["kind"] == "prep"),
    )


def _teller(mention: Any, doc: Any) -> bool:
    """The actor only reports the event: the subject of a verb of saying ("police said"),
    or the source after "according to"."""
    verbs, preps = _speech_words()
    tok = doc[mention.tok_end - 1]
    while tok.dep_ in ("compound", "amod", "poss", "nmod", "conj") and tok.head.i != tok.i:
        tok = tok.head  # "the police spokesman said": the spokesman's phrase
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


def _assoc_names(
    mentions: list[Any],
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


def _split_for(
    splits: Sequence[Split], toll: Toll | None, killed: int | None, draft: Draft
) -> Split | None:
    """The split statement that shares out this event's toll, if the article has one.

    It must follow the toll closely (the same or the next sentences) or restate its total.
    """
    for sp in splits:
        if killed is not None and sp.total == killed:
            return sp
        anchor = toll.start if toll is not None else draft.first
        if anchor <= sp.end and sp.start - anchor < 600:
            return sp
    return None


def _place_from_actors(draft: Draft) -> Place | None:
    """The country of an event told with no place, from its actors' homes."""
    from .places import country_by_name

    homes = actor_homes([a for f in draft.frames for a in f.actors])
    for iso2, _weight in homes.most_common(1):
        return country_by_name(iso2)
    return None


def _confidence(draft: Draft, ev: Event) -> float:
    """0-1 from how plainly the text states the event and how many fields it fills.

    Weights are a judgment, not fitted: the trigger's own strength counts most, then the
    number of tellings, then whether the actors, place and date were found in the text.
    """
    weight = max(h.entry.weight for f in draft.frames for h in f.triggers)
    tellings = min(1.0, len(draft.frames) / 3)
    filled = sum(k in ev.evidence for k in ("actor1", "location", "event_date", "fatalities")) / 4
    return round(0.5 * weight + 0.2 * tellings + 0.3 * filled, 3)


def _notes(ev: Event) -> str:
    when = f"On {ev.event_date}" if ev.event_date else "On an unresolved date"
    who = ev.actor1 or "an unidentified actor"
    whom = f" against {ev.actor2}" if ev.actor2 else ""
    where = f" in {ev.location}" if ev.location else ""
    if ev.country and ev.location != ev.country:
        where += f", {ev.country}"
    toll = f" {ev.fatalities} killed" + (f", {ev.injuries} injured" if ev.injuries else "")
    return f"{when}, {who} ({ev.sub_event_type}){whom}{where}:{toll}."


def assemble(
    doc: Any,
    article: Article,
    frames: list[Frame],
    places: list[Any],
    dates: Sequence[DateMention] = (),
) -> list[Event]:
    """Events of one article, main event first."""
    drafts = merge_frames(frames)
    votes, first = _country_votes(places, frames)
    fallback = _country_place(first[votes.most_common(1)[0][0]]) if votes else None
    events: list[tuple[Draft, Event]] = []
    splits = find_splits(article.text)
    # Places a placeless event may inherit: not those of background sentences ("more than
    # 40 strikes since last year, most of them in the mountains of Puntland").
    from .mentions import PERIOD

    background = [(s.start_char, s.end_char) for s in doc.sents if PERIOD.search(s.text)]
    nearby = [p for p in places if not any(a <= p.start < b for a, b in background)]
    for k, draft in enumerate(drafts):
        if all(
            f.anaphoric and not (f.tolls or f.dates or f.places) and _reacted_to(f, doc)
            for f in draft.frames
        ):
            # "The UN condemned the attack", "police are investigating the bombing": an
            # event told elsewhere, of which this text says nothing.
            continue
        ev = build_event(draft, doc, article, fallback, nearby, k, list(dates), votes, splits)
        if ev is not None:
            events.append((draft, ev))
    latest = max(
        (e.event_date for _, e in events if e.event_date and e.time_precision == 1), default=None
    )
    events.sort(key=lambda de: _main_rank(de[0], de[1], doc, latest))
    return [e for _, e in events]


# Verbs of reacting to an event: what they take as object was told elsewhere.
_REACTIONS = frozenset(
    "condemn denounce deplore investigate probe mourn criticise criticize blame".split()
)


def _reacted_to(frame: Frame, doc: Any) -> bool:
    """Every trigger of the frame is what a reaction is about ("condemned the attack")."""
    for h in frame.triggers:
        tok = doc[h.j - 1]
        head = tok.head.head if tok.dep_ == "pobj" else tok.head
        if tok.dep_ not in ("dobj", "pobj") or head.lemma_.lower() not in _REACTIONS:
            return False
    return True


def _main_rank(draft: Draft, ev: Event, doc: Any, latest: str | None) -> tuple[float, int]:
    """Main event first: told in the lead or told most, and not only recalled."""
    recalled = bool(
        latest
        and ev.event_date
        and ev.event_date < latest
        and (dt.date.fromisoformat(latest) - dt.date.fromisoformat(ev.event_date)).days > 3
    )
    lead_end = _lead_end(doc)
    in_lead = any(f.start < lead_end and f.main_clause for f in draft.frames)
    told = len(draft.frames)
    return (-(2.0 * in_lead + min(told, 4) * 0.5 + ev.confidence - 3.0 * recalled), draft.first)


def _lead_end(doc: Any) -> int:
    sents = list(doc.sents)
    return sents[min(1, len(sents) - 1)].end_char if sents else 0
