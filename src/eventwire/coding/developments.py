"""Cards that decide strategic developments and changes of territory (ACLED's
"Strategic developments" event type, and the two territory sub-types of "Battles").

>>> [c.name for c in CALM_CARDS]
['weapons_disrupted', 'looting', 'arrests']

Acts that end violence or take property come before the weapons they name ("defused an
IED", "shot down two missiles", "looted shops", "arrested in a raid"), as long as nobody
was killed (``CALM_CARDS``); ground taken goes to the side that gained it
(``TERRITORY_CARDS``); the rest of the strategic sub-types decide only when nothing
violent was told (``STRATEGIC_CARDS``, asked last).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import actors as act
from ..records import Actor
from .cards import Card, Situation
from .clues import armed_party, territory_taken
from .factuality import is_modal
from .words import word_class

if TYPE_CHECKING:
    from spacy.tokens import Token

# ---- calm acts -----------------------------------------------------------------------------


def _calm_act(s: Situation, card: Card) -> str | None:
    if (
        s.calm
        and s.vote(card.decides) >= card.thresholds["vote"]
        and s.vote("Armed clash") < card.thresholds["clash_vote"]
    ):
        return card.decides
    return None


def _disrupted(s: Situation, card: Card) -> str | None:
    """A weapon stopped, and nobody hurt by the weapons told: "most rockets were
    intercepted, one hit a house and wounded a couple" is shelling that struck."""
    # A toll of the hurt, not a word: "no reports of injuries" hurts nobody.
    hurt = any(t.kind == "injured" and t.value for f in s.draft.frames for t in f.tolls)
    return None if hurt and s.explosive_vote() else _calm_act(s, card)


CALM_CARDS = (
    Card(
        "weapons_disrupted",
        "Disrupted weapons use",
        "a word of disrupting a weapon, nobody killed or hurt, no strong clash word",
        "A weapon stopped before it harms is disrupted weapons use: 'engineers defused a "
        "roadside bomb'.",
        _disrupted,
        thresholds={"vote": 0.7, "clash_vote": 0.8},
        fires=(
            (
                "Engineers defused a roadside bomb on the road to Gao on Thursday.",
                "Disrupted weapons use",
            ),
            ("Troops seized a weapons cache in Kandahar on Monday.", "Disrupted weapons use"),
        ),
        not_fires=("Troops dismantled a bomb-making workshop in Kandahar on Monday.",),
    ),
    Card(
        "looting",
        "Looting/property destruction",
        "a strong looting or destruction word, nobody killed, no strong clash word",
        "Taking or wrecking property without violence on people is looting: 'militiamen "
        "looted shops in the market'.",
        _calm_act,
        thresholds={"vote": 0.9, "clash_vote": 0.8},
        fires=(
            (
                "Militiamen looted shops in the main market of Bunia on Wednesday.",
                "Looting/property destruction",
            ),
        ),
        not_fires=("Houses were demolished in Hebron on Monday.",),
    ),
    Card(
        "arrests",
        "Arrests",
        "a strong arrest word, nobody killed, no strong clash word",
        "People detained by the state are arrests, even in a raid: 'police arrested five "
        "suspects in a raid'.",
        _calm_act,
        thresholds={"vote": 0.9, "clash_vote": 0.8},
        fires=(("Police arrested five suspects in a raid in Mombasa on Tuesday.", "Arrests"),),
        not_fires=("Two journalists were detained in Khartoum on Monday.",),
    ),
)

# ---- territory -----------------------------------------------------------------------------


def _ground_taken(s: Situation) -> bool:
    """A change of control told plainly: not fought for ("for control of"), not hedged
    ("briefly", "partial"), with a place or a named position taken."""
    territory = [h for h in s.hits() if h.entry.cls == "territory"]
    if not territory:
        return False
    contested = all(h.i > 0 and s.doc[h.i - 1].lower_ == "for" for h in territory)
    hedged = any(
        f.hedged for f in s.draft.frames if any(h.entry.cls == "territory" for h in f.triggers)
    )
    return not contested and not hedged and territory_taken(s.draft, s.doc)


def _gainer(s: Situation) -> Actor | None:
    """Who gained the ground: the one the text says took it, else actor1."""
    return s.gainer if s.gainer is not None else s.actor1


def _government_regains(s: Situation, card: Card) -> str | None:
    gainer = _gainer(s)
    if gainer is None or not (
        gainer.inter in (act.STATE, act.EXTERNAL) or gainer.name == "Militia (Pro-Government)"
    ):
        return None
    return card.decides if _ground_taken(s) else None


def _non_state_overtakes(s: Situation, card: Card) -> str | None:
    gainer = _gainer(s)
    if gainer is None or gainer.inter not in (
        act.REBEL,
        act.POLITICAL_MILITIA,
        act.IDENTITY_MILITIA,
    ):
        return None
    return card.decides if _ground_taken(s) else None


TERRITORY_CARDS = (
    Card(
        "government_regains",
        "Government regains territory",
        "ground taken plainly, by state forces or a pro-government militia",
        "Ground taken back by the state is regained territory: 'the army recaptured the "
        "town from the rebels'.",
        _government_regains,
        fires=(
            (
                "The army recaptured the town of Kidal from the rebels on Saturday.",
                "Government regains territory",
            ),
        ),
        not_fires=("Rebels seized control of the town of Rutshuru on Friday.",),
    ),
    Card(
        "non_state_overtakes",
        "Non-state actor overtakes territory",
        "ground taken plainly, by rebels or a militia",
        "Ground taken by an armed group is overtaken territory: 'the rebels seized control "
        "of the district'.",
        _non_state_overtakes,
        fires=(
            (
                "Rebels seized control of the town of Rutshuru on Friday.",
                "Non-state actor overtakes territory",
            ),
        ),
        not_fires=("The army recaptured the town of Kidal from the rebels on Saturday.",),
    ),
)

# ---- other strategic developments ----------------------------------------------------------


def _strategic(s: Situation, card: Card) -> str | None:
    return card.decides if s.vote(card.decides) >= card.thresholds["vote"] else None


def _base_set_up(s: Situation, card: Card) -> str | None:
    """A verb of setting up whose object is a base, camp or post ("set up a new
    observation point", "a camp was built"), in a telling of the draft."""
    if not s.calm:
        return None
    doc = s.doc
    for f in s.draft.frames:
        sent = doc.char_span(f.sent_start, f.sent_end, alignment_mode="expand")
        if sent is not None and any(_sets_up_a_base(t) for t in sent):
            return card.decides
    return None


def _sets_up_a_base(tok: Token) -> bool:
    if tok.dep_ not in ("dobj", "nsubjpass") or tok.lemma_.lower() not in word_class("base_noun"):
        return False
    if any(c.lower_ == "temporary" for c in tok.children):
        return False  # ACLED's bases are permanent or semi-permanent
    verb = tok.head
    lemma = verb.lemma_.lower()
    if lemma in ("set", "put"):
        told = any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    else:
        told = lemma in word_class("base_verb")
    # "plans to build a new base": not yet; "destroyed a field to install a camp": a
    # purpose, told of the act it explains.
    purpose = verb.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )
    return told and not purpose and not is_modal(verb)


def _agreement(s: Situation, card: Card) -> str | None:
    vote = s.vote(card.decides)
    if vote < card.thresholds["vote"]:
        return None
    # "agreed" alone is an agreement only between armed parties.
    if vote < card.thresholds["alone"] and not armed_party(s.actor1, s.actor2):
        return None
    return card.decides


def _strategic_card(
    name: str,
    sub: str,
    why: str,
    fires: tuple[tuple[str, str], ...],
    not_fires: tuple[str, ...],
) -> Card:
    return Card(
        name,
        sub,
        f"a {sub.lower()} word, and nothing violent told",
        why,
        _strategic,
        fires,
        not_fires,
        thresholds={"vote": 0.6},
    )


STRATEGIC_CARDS = (
    _strategic_card(
        "arrests_reported",
        "Arrests",
        "An arrest told without a raid is still an arrest: 'two journalists were detained'.",
        fires=(("Two journalists were detained in Khartoum on Monday.", "Arrests"),),
        not_fires=("Police arrested five suspects in a raid in Mombasa on Tuesday.",),
    ),
    _strategic_card(
        "weapons_disrupted_reported",
        "Disrupted weapons use",
        "A weapon seized is disrupted weapons use: 'troops seized a weapons cache'.",
        fires=(
            (
                "Troops dismantled a bomb-making workshop in Kandahar on Monday.",
                "Disrupted weapons use",
            ),
        ),
        not_fires=("Engineers defused a roadside bomb on the road to Gao on Thursday.",),
    ),
    _strategic_card(
        "looting_reported",
        "Looting/property destruction",
        "Property destroyed without an attack is destruction: 'houses were demolished'.",
        fires=(
            ("Houses were demolished in Hebron on Monday.", "Looting/property destruction"),
            (
                "Soldiers burned down market stalls in Butembo on Friday.",
                "Looting/property destruction",
            ),
        ),
        not_fires=("Militiamen looted shops in the main market of Bunia on Wednesday.",),
    ),
    Card(
        "agreement",
        "Agreement",
        "an agreement word; a weak one ('agreed') only between armed parties",
        "A ceasefire or a deal between armed sides is an agreement: 'the army and the "
        "rebels signed a ceasefire'.",
        _agreement,
        thresholds={"vote": 0.6, "alone": 0.8},
        fires=(
            ("The army and the rebels signed a ceasefire in Juba on Monday.", "Agreement"),
            (
                "The rebels and the army agreed on Monday to exchange prisoners in Juba.",
                "Agreement",
            ),
        ),
        not_fires=(
            "Traders and the town council agreed a truce over market fees in Jos on Monday.",
        ),
    ),
    Card(
        "base_set_up",
        "Headquarters or base established",
        "a verb of setting up with a base, camp or post as its object, nobody killed",
        "A base, camp or post set up is a base established, whoever sets it up and however "
        "new: 'troops set up a new observation point'.",
        _base_set_up,
        certain=True,
        fires=(
            (
                "Turkish troops set up a new observation point near Atarib on Monday.",
                "Headquarters or base established",
            ),
            (
                "A new camp was built by the rebels near Kitchanga on Monday.",
                "Headquarters or base established",
            ),
        ),
        not_fires=("The rebels named a new commander in Kitchanga on Monday.",),
    ),
    _strategic_card(
        "base_established",
        "Headquarters or base established",
        "A group setting up a base is a strategic development: 'the militia set up a base'.",
        fires=(
            (
                "The militia moved into a new base near Beni on Monday.",
                "Headquarters or base established",
            ),
        ),
        not_fires=("Troops were deployed to the city of Kano on Monday.",),
    ),
    _strategic_card(
        "handover_reported",
        "Non-violent transfer of territory",
        "A withdrawal told plainly is a transfer: 'foreign troops withdrew from the area'.",
        fires=(
            (
                "The army withdrew from Tessit and handed the town over to the local militia on "
                "Monday.",
                "Non-violent transfer of territory",
            ),
            (
                "Foreign troops withdrew from the area near Menaka on Monday.",
                "Non-violent transfer of territory",
            ),
        ),
        not_fires=("The army recaptured the town of Kidal from the rebels on Saturday.",),
    ),
    _strategic_card(
        "group_change",
        "Change to group/activity",
        "A group that merges, splits or changes its ways: 'two factions merged'.",
        fires=(
            (
                "Two factions of the rebel movement merged in Bangui on Monday.",
                "Change to group/activity",
            ),
        ),
        not_fires=("The army and the rebels signed a ceasefire in Juba on Monday.",),
    ),
    _strategic_card(
        "other_development",
        "Other",
        "A deployment or a curfew is another development: 'troops were deployed to the city'.",
        fires=(("Troops were deployed to the city of Kano on Monday.", "Other"),),
        not_fires=("The militia set up a base near Beni on Monday.",),
    ),
)

CARDS = (*CALM_CARDS, *TERRITORY_CARDS, *STRATEGIC_CARDS)
