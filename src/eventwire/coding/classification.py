"""The ACLED sub-event type of a draft event.

>>> classify(draft, doc, actor1, actor2, 3)          # doctest: +SKIP
'Attack'
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .. import actors as act
from ..records import Actor
from .clues import (
    EXPLOSIONS,
    armed_party,
    between_sides,
    crowd_actor,
    exchange_of_fire,
    named_crowd,
    territory_taken,
    told_as_crowd,
    victim_kinds,
)
from .records import Draft

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
    victims = victim_kinds(draft)
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
        and max((votes.get(x, 0) for x in EXPLOSIONS), default=0) < 0.8
    ):
        # Arson, vandalism and stone-throwing by a crowd, party workers or residents: a riot.
        if crowd_actor(actor1):
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
        and territory_taken(draft, doc)
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
    crowd = told_as_crowd(draft, doc)
    # "AAP and BJP supporters clashed": a party's supporters are a crowd, not its militia.
    crowds = {
        a.entry.name
        for f in draft.frames
        for a in f.actors
        if a.entry is not None
        and not a.entry.generic
        and a.entry.kind == "political_militia"
        and named_crowd(a, doc)
    }
    crowd = crowd or bool(crowds)
    nobody_armed = not any(
        a is not None and act.is_armed(a) and a.inter != act.STATE and a.name not in crowds
        for a in (actor1, actor2)
    )
    explosive_vote = max((votes.get(x, 0) for x in EXPLOSIONS), default=0)
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
        ((votes[s], -k, s) for k, s in enumerate(EXPLOSIONS) if votes.get(s)), default=None
    )
    if clash >= 0.8:
        return "Armed clash"
    if explosive and (between_sides(draft, doc) or exchange_of_fire(draft, doc)):
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
            if sub == "Agreement" and votes[sub] < 0.8 and not armed_party(actor1, actor2):
                continue  # "agreed" alone is an agreement only between armed parties
            return sub
    return None
