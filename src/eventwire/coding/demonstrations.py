"""Cards that decide a demonstration: protests, riots and mob violence (ACLED's
"Protests" and "Riots" event types).

>>> [c.name for c in PROTEST_CARDS][:3]
['rioting_demonstrators', 'excessive_force', 'protest_turned_violent']

A demonstration word ("protest", "rally", "sit-in") or a crowd of protesters as actor1
opens the protest cards; riot words ("torched", "vandalised", "stoned") without armed
fighting open the riot cards; a fight between crowds (party supporters, students,
villagers) with nobody armed is a riot, not a battle (``CROWD_CARDS``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import actors as act
from .cards import Card, Situation
from .clues import communal_clash, communal_raid, crowd_actor
from .factuality import antecedent
from .records import TriggerHit

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Token

# ---- protests ------------------------------------------------------------------------------


def _demonstration(s: Situation, card: Card) -> bool:
    """A demonstration word strong enough, or protesters as actor1."""
    return s.protest_weight() >= card.thresholds["protest"] or (
        s.actor1 is not None and s.actor1.inter == act.PROTESTERS
    )


def _excessive_force(s: Situation, card: Card) -> str | None:
    state2 = s.actor2 is not None and s.actor2.inter == act.STATE
    if _demonstration(s, card) and s.fatalities > 0 and (s.state1 or state2):
        return card.decides
    return None


def _riot_hits(s: Situation) -> list[TriggerHit]:
    """The riot words of the demonstration itself, not of what led to it ("protested
    following a riot at the prison last month")."""
    return [
        h
        for h in s.hits()
        if h.entry.cls == "riotous"
        and not antecedent(s.doc[h.j - 1])
        and not _names_a_thing(s.doc[h.j - 1])
    ]


def _names_a_thing(tok: Token) -> bool:
    """A riot word that names no rioting: "riot police", "anti-riot units" (a noun's
    modifier), "ran riot" (a side that won big)."""
    return tok.dep_ in ("compound", "amod", "nmod") or tok.head.lemma_.lower() == "run"


def _turned_violent(s: Situation, card: Card) -> str | None:
    violent = _riot_hits(s) or s.vote("Mob violence")
    # "protested at the county offices; some of them attacked an official": the crowd's
    # own attack makes the demonstration violent (an attack on it does not); so does
    # property the crowd looted or burnt ("students on strike looted the school's computers").
    crowd = s.actor1 is not None and crowd_actor(s.actor1)
    looted = s.vote("Looting/property destruction") >= card.thresholds["loot_vote"]
    by_crowd = crowd and (s.classes["attack"] or looted)
    # "they clashed with police": a fight with the forces facing the crowd, no arms fired.
    police = any(a is not None and a.inter == act.STATE for a in (s.actor1, s.actor2))
    fought = (police and s.vote("Armed clash") >= card.thresholds["clash_vote"]
              and s.weapon() is None)  # fmt: skip
    if _demonstration(s, card) and (violent or by_crowd or fought):
        return card.decides
    return None


def _rioting_crowd(s: Situation, card: Card) -> str | None:
    """Demonstrators who stone, vandalise or fight running battles, with no party's or
    community's people on either side: a strong riot word, however the demonstration is
    otherwise told."""
    strong = max((h.entry.weight for h in _riot_hits(s)), default=0.0)
    # A party's or a community's people on either side fight a rival: mob violence, even
    # at a rally ("supporters ... vandalised the camp of a rival candidate").
    rivals = any(
        a is not None and a.inter in (act.POLITICAL_MILITIA, act.IDENTITY_MILITIA)
        for a in (s.actor1, s.actor2)
    )
    # A demonstration word, not a crowd alone: "villagers pelted homes" is a mob's act;
    # "held a violent demonstration" names its demonstration in the riot phrase itself.
    told = s.protest_weight() >= card.thresholds["protest"] or any(
        h.entry.lemmas[-1] in ("demonstration", "protest") for h in _riot_hits(s)
    )
    if strong >= card.thresholds["riot_word"] and not rivals and told:
        return card.decides
    return None


def _intervention(s: Situation, card: Card) -> str | None:
    if _demonstration(s, card) and (s.classes["intervene"] or s.vote("Arrests")):
        return card.decides
    return None


def _peaceful(s: Situation, card: Card) -> str | None:
    if not _demonstration(s, card):
        return None
    strongest = max(s.votes.values(), default=0)
    if strongest < card.thresholds["other_vote"] or s.classes["protest"] >= 1:
        return card.decides
    return None


PROTEST_CARDS = (
    Card(
        "rioting_demonstrators",
        "Violent demonstration",
        "a demonstration with a strong riot word (stones, vandalism, running battles, "
        "burning tyres)",
        "ACLED's codebook names the acts: demonstrators who throw stones, vandalise, fight "
        "running battles or burn tyres on the road hold a violent demonstration, whatever "
        "force met them: 'protesters stoned police, who fired tear gas'.",
        _rioting_crowd,
        thresholds={"protest": 0.5, "riot_word": 0.8},
        certain=True,
        fires=(
            (
                "Students protesting fee rises threw stones at police in Kisumu on Monday; "
                "officers fired tear gas to disperse them.",
                "Violent demonstration",
            ),
        ),
        not_fires=(
            "Police fired tear gas at protesters marching in Lusaka on Tuesday.",
            "Residents of Kisumu marched on Monday against the vandalism of a school.",
        ),
    ),
    Card(
        "excessive_force",
        "Excessive force against protesters",
        "a demonstration in which people were killed, with state forces as a side",
        "Deaths at a demonstration the police or army faced are force used on it: "
        "'police opened fire on the march, killing two'.",
        _excessive_force,
        thresholds={"protest": 0.5},
        fires=(
            (
                "Police opened fire on protesters marching in Lusaka on Tuesday, killing two of "
                "them.",
                "Excessive force against protesters",
            ),
        ),
        not_fires=("Police fired tear gas at protesters marching in Lusaka on Tuesday.",),
    ),
    Card(
        "protest_turned_violent",
        "Violent demonstration",
        "a demonstration with riot words, a mob-violence vote, the crowd's own attack or "
        "looting, or a clash with state forces",
        "Demonstrators who burn, stone or fight the police are rioters: 'protesters torched "
        "tyres and stoned the governor's office'; 'they clashed with police'.",
        _turned_violent,
        thresholds={"protest": 0.5, "clash_vote": 0.8, "loot_vote": 0.8},
        fires=(
            (
                "Protesters set fire to tyres outside the governor's office in Kisumu on "
                "Monday.",
                "Violent demonstration",
            ),
            (
                "Traders marched on the town hall in Bouake on Monday. They clashed with police "
                "who tried to disperse them.",
                "Violent demonstration",
            ),
        ),
        not_fires=(
            "Hundreds of teachers marched through Accra on Monday to demand unpaid salaries.",
        ),
    ),
    Card(
        "protest_with_intervention",
        "Protest with intervention",
        "a demonstration with words of force used on it, or arrests",
        "A peaceful crowd dispersed or detained is a protest with intervention: 'police "
        "dispersed the sit-in with tear gas'.",
        _intervention,
        thresholds={"protest": 0.5},
        fires=(
            (
                "Police dispersed a sit-in by teachers with tear gas in Harare on Monday.",
                "Protest with intervention",
            ),
            (
                "Police fired tear gas at protesters marching in Lusaka on Tuesday.",
                "Protest with intervention",
            ),
        ),
        not_fires=(
            "Protesters torched tyres and threw stones at the governor's office in Kisumu on "
            "Monday.",
        ),
    ),
    Card(
        "peaceful_protest",
        "Peaceful protest",
        "a demonstration, no strong vote for anything else (or a plain protest word)",
        "A gathering nobody broke up is a peaceful protest: 'hundreds of teachers marched "
        "to demand their pay'.",
        _peaceful,
        thresholds={"protest": 0.5, "other_vote": 0.8},
        fires=(
            (
                "Hundreds of teachers marched through Accra on Monday to demand unpaid salaries.",
                "Peaceful protest",
            ),
        ),
        not_fires=("Police dispersed a sit-in by teachers with tear gas in Harare on Monday.",),
    ),
)

# ---- mob violence and riots ----------------------------------------------------------------


def _mob(s: Situation, card: Card) -> str | None:
    mob = s.vote("Mob violence")
    if mob >= card.thresholds["mob_vote"] or (mob and s.classes["kill"]):
        return card.decides
    if mob and s.classes["attack"] and not s.classes["protest"]:
        return card.decides  # "a mob attacked a suspected thief": no demand, no protest
    return None


MOB_CARD = Card(
    "mob_violence",
    "Mob violence",
    "a strong mob-violence word, or any with a killing, or with an attack and no protest",
    "A crowd that lynches or beats someone to death is a mob: 'a mob lynched a man "
    "accused of theft'.",
    _mob,
    thresholds={"mob_vote": 0.9},
    certain=False,
    fires=(
        ("A mob lynched a man accused of stealing a goat in Kano on Sunday.", "Mob violence"),
        ("On Monday, a mob in Garoua attacked a suspected thief and burnt his motorbike.",
         "Mob violence"),
    ),
    not_fires=("Residents set fire to a police post in Goma on Friday after a boy was run over.",),
)


def _communal(s: Situation, card: Card) -> str | None:
    if s.protest_weight() >= card.thresholds["protest"]:
        return None  # a demonstration's crowd, whoever it hit
    # Rape, abduction, a bomb or a fight on both sides: their own cards decide.
    plainer = max(s.vote(x) for x in _NOT_RAIDS)
    if max(plainer, s.explosive_vote()) >= card.thresholds["other_vote"]:
        return None
    if communal_raid(s.draft, s.doc):
        return card.decides
    return None


# What a communal raid may also be, which its own card tells better.
_NOT_RAIDS = ("Sexual violence", "Abduction/forced disappearance", "Armed clash")

COMMUNAL_CARD = Card(
    "communal_raid",
    "Attack",
    "one community's people attacking another's people or camp, with no demonstration",
    "ACLED codes farmers who raid a herders' camp, or herders who kill a farmer, as a "
    "communal militia attacking civilians, not as a mob: 'farmers attacked a Fulani "
    "camp and wounded three herders'.",
    _communal,
    thresholds={"protest": 0.5, "other_vote": 0.6},
    certain=True,
    fires=(
        ("On Sunday, farmers armed with machetes attacked a Fulani camp near Kalale and "
         "wounded three herders.", "Attack"),
    ),
    not_fires=(
        "Residents of Parakou beat to death a man accused of stealing a motorbike on "
        "Saturday.",
    ),
)


def _riot(s: Situation, card: Card) -> bool:
    """Riot words without fighting: no attack word, no clash vote, no strong explosion."""
    return bool(
        s.classes["riotous"]
        and not s.classes["attack"]
        and not s.vote("Armed clash")
        and s.explosive_vote() < card.thresholds["explosive_vote"]
    )


def _crowd_riot(s: Situation, card: Card) -> str | None:
    if _riot(s, card) and crowd_actor(s.actor1):
        return card.decides
    return None


def _armed_destruction(s: Situation, card: Card) -> str | None:
    if _riot(s, card) and s.calm:
        return card.decides
    return None


RIOT_CARDS = (
    Card(
        "crowd_riot",
        "Violent demonstration",
        "riot words without fighting, by a crowd, party workers, residents or nobody named",
        "Arson, vandalism and stone-throwing by a crowd are a riot: 'residents set fire to "
        "the police post'.",
        _crowd_riot,
        thresholds={"explosive_vote": 0.8},
        fires=(
            (
                "Residents set fire to a police post in Goma on Friday after a boy was run over.",
                "Violent demonstration",
            ),
        ),
        not_fires=("Soldiers torched houses in the village of Kibati on Friday.",),
    ),
    Card(
        "armed_destruction",
        "Looting/property destruction",
        "riot words without fighting, by soldiers, settlers or an armed group, nobody killed",
        "The same acts by an armed group, hurting nobody, are destruction of property: "
        "'soldiers burned down the market stalls'.",
        _armed_destruction,
        thresholds={"explosive_vote": 0.8},
        fires=(
            (
                "Soldiers torched houses in the village of Kibati on Friday.",
                "Looting/property destruction",
            ),
            (
                "Soldiers vandalised the offices of the opposition party in Bukavu on Friday.",
                "Looting/property destruction",
            ),
        ),
        not_fires=(
            "Residents set fire to a police post in Goma on Friday after a boy was run over.",
        ),
    ),
)

# ---- fights between crowds -----------------------------------------------------------------


def _crowd_fight(s: Situation, card: Card) -> bool:
    """Crowds on both sides, nobody armed, no strong explosion, and a fight of some kind
    (a killing too: "residents beat a suspected thief to death")."""
    classes = s.classes
    fight = s.vote("Armed clash") or classes["riotous"] or classes["attack"] or classes["kill"]
    # "a group of police clashed with soldiers": two of the state's forces are no crowds.
    forces = all(a is not None and a.inter == act.STATE for a in (s.actor1, s.actor2))
    return bool(
        fight
        and not forces
        and s.explosive_vote() < card.thresholds["explosive_vote"]
        and s.crowd()
        and s.nobody_armed()
    )


def _crowd_killing(s: Situation, card: Card) -> str | None:
    if not _crowd_fight(s, card):
        return None
    state1 = s.actor1 is not None and s.actor1.inter == act.STATE
    if s.classes["kill"] and not s.classes["riotous"] and not state1:
        return card.decides
    return None


def _crowd_clash(s: Situation, card: Card) -> str | None:
    return card.decides if _crowd_fight(s, card) else None


def _communal_fight(s: Situation, card: Card) -> str | None:
    if s.protest_weight() >= card.thresholds["protest"]:
        return None  # a demonstration's crowd
    if s.explosive_vote() >= card.thresholds["explosive_vote"]:
        return None
    return card.decides if communal_clash(s.draft, s.doc) is not None else None


CROWD_CARDS = (
    Card(
        "communal_clash",
        "Armed clash",
        "two communities fighting, one named by a herding living or a people, or a clash "
        "told as ethnic, tribal or between clans",
        "ACLED codes a fight between farmers and herders, or between two peoples or clans, "
        "as a battle of communal militias, not a mob: 'pastoralists and farmers clashed "
        "near Ketou, wounding four', 'inter-clan fighting over a well'.",
        _communal_fight,
        thresholds={"protest": 0.5, "explosive_vote": 0.6},
        certain=True,
        fires=(
            ("Pastoralists and farmers clashed near Ketou on Sunday, wounding four.",
             "Armed clash"),
            ("Inter-clan fighting over a borehole near Dusamareb left three dead on Friday.",
             "Armed clash"),
        ),
        not_fires=(
            "Students clashed with residents near the market in Kisumu on Sunday.",
        ),
    ),
    Card(
        "crowd_killing",
        "Mob violence",
        "a fight between crowds with nobody armed, someone killed, no riot words",
        "Villagers who kill in a brawl are a mob, not an army: 'supporters of the two "
        "candidates clashed and a man was killed'.",
        _crowd_killing,
        thresholds={"explosive_vote": 0.6},
        fires=(
            (
                "Supporters of two rival candidates clashed in Kisii on Sunday and a man was "
                "killed.",
                "Mob violence",
            ),
        ),
        not_fires=("Students and police clashed outside the university in Dhaka on Monday.",),
    ),
    Card(
        "crowd_clash",
        "Violent demonstration",
        "a fight between crowds (or a crowd and the police) with nobody armed",
        "ACLED keeps Battles for armed groups: 'students and police clashed outside the "
        "university' is a riot.",
        _crowd_clash,
        thresholds={"explosive_vote": 0.6},
        fires=(
            (
                "Students and police clashed outside the university in Dhaka on Monday.",
                "Violent demonstration",
            ),
        ),
        not_fires=(
            "Supporters of two rival candidates clashed in Kisii on Sunday and a man was killed.",
        ),
    ),
)

CARDS = (*PROTEST_CARDS, MOB_CARD, COMMUNAL_CARD, *RIOT_CARDS, *CROWD_CARDS)
