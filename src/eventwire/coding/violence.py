"""Cards that decide political violence: battles, explosions and remote violence, and
violence against civilians (ACLED's first three event types).

>>> [c.name for c in WEAPON_CARDS]
['suicide_bomb', 'chemical_weapon']

Specific acts come first (a suicide bombing, a chemical attack), then a strong clash
word, an exchange of fire, the weapon named, sexual violence and abductions; last, a
plain attack or killing is a battle when the side hit is armed and an attack on
civilians otherwise, and a weak telling with no victim is no event at all.
"""

from __future__ import annotations

from .. import actors as act
from .cards import NO_EVENT, Card, Situation
from .clues import between_sides, direct_fire, exchange_of_fire
from .words import word_class

# ---- weapons that decide alone -------------------------------------------------------------


def _named_weapon(s: Situation, card: Card) -> str | None:
    if s.vote(card.decides) >= card.thresholds["vote"] and not s.lead_clash():
        return card.decides
    return None


WEAPON_CARDS = (
    Card(
        "suicide_bomb",
        "Suicide bomb",
        "a strong suicide-bombing word, unless the first sentence tells a clash",
        "A bomber who dies with the bomb is a suicide bombing: 'a suicide bomber blew "
        "himself up at the checkpoint'.",
        _named_weapon,
        thresholds={"vote": 0.9},
        certain=True,
        fires=(
            (
                "A suicide bomber blew himself up at a checkpoint in Mogadishu on Monday, "
                "killing four soldiers.",
                "Suicide bomb",
            ),
        ),
        not_fires=("A roadside bomb hit an army convoy near Gao on Tuesday.",),
    ),
    Card(
        "chemical_weapon",
        "Chemical weapon",
        "a strong chemical-weapon word, unless the first sentence tells a clash",
        "Gas used as a weapon is a chemical attack whatever delivered it: 'a chlorine gas "
        "attack on the town'.",
        _named_weapon,
        thresholds={"vote": 0.9},
        certain=True,
        fires=(
            (
                "A chlorine gas attack hit the town of Kafr Zita on Sunday, local doctors said.",
                "Chemical weapon",
            ),
        ),
        not_fires=("Shelling hit the town of Kafr Zita on Sunday, local doctors said.",),
    ),
)

# ---- fighting and weapons ------------------------------------------------------------------


def _clash_word(s: Situation, card: Card) -> str | None:
    if s.vote("Armed clash") < card.thresholds["vote"] or _ambushed_civilians(s):
        return None
    return card.decides


def _ambushed_civilians(s: Situation) -> bool:
    """An ambush whose victims or target the text names as civilians, their vehicles or
    their homes, and none as armed ("bandits ambushed a minibus, killing three
    passengers"): an attack, not a battle. An ambush on men the text does not call
    civilians stays a battle."""
    clash = [h for h in s.hits() if h.entry.sub_event_type == "Armed clash"]
    if not clash or any(h.entry.lemmas != ("ambush",) for h in clash):
        return False
    if s.victims["armed"] or (
            s.actor2 is not None and act.is_armed(s.actor2) and not s.officials_hit()):
        return False
    words = {w for f in s.draft.frames for w in f.victim_words}
    for h in clash:
        for c in s.doc[h.j - 1].children:
            if c.dep_ in ("dobj", "nsubjpass"):
                words |= {t.lemma_.lower() for t in c.subtree}
    if words & word_class("armed_person"):
        return False
    return bool(words & (word_class("civilian_person") | word_class("office_person")
                         | word_class("civilian_vehicle") | word_class("dwelling")))


def _exchange(s: Situation, card: Card) -> str | None:
    if s.weapon() and (between_sides(s.draft, s.doc) or exchange_of_fire(s.draft, s.doc)):
        return card.decides
    return None


# Heavy weapons that, fired beside small arms at men who shoot back, are part of a battle.
_FIELD_WEAPONS = ("Shelling/artillery/missile attack", "Grenade")


def _direct_fire(s: Situation, card: Card) -> str | None:
    weapon = s.weapon()
    if weapon is None or weapon[1] not in _FIELD_WEAPONS:
        return None
    armed2 = s.actor2 is not None and act.is_armed(s.actor2)
    civilian1 = s.actor1 is not None and not act.is_armed(s.actor1)
    if (armed2 or s.victims["armed"] > s.victims["civilian"]) and not civilian1:
        return card.decides if direct_fire(s.draft, s.doc) else None
    return None


def _weapon(s: Situation, card: Card) -> str | None:
    weapon = s.weapon()
    if weapon is not None and weapon[0] >= card.thresholds["vote"]:
        return weapon[1]
    return None


def _state_air_strike(s: Situation, card: Card) -> str | None:
    weapon = s.weapon()
    a1 = s.actor1
    if (
        weapon is not None
        and weapon[1] == card.decides
        and s.vote("Armed clash") < card.thresholds["clash_vote"]
        and a1 is not None
        and a1.inter in (act.STATE, act.EXTERNAL)
        and a1.name.startswith("Military Forces")
    ):
        return card.decides
    return None


def _sexual_violence(s: Situation, card: Card) -> str | None:
    return card.decides if s.vote(card.decides) >= card.thresholds["vote"] else None


FIGHT_CARDS = (
    Card(
        "clash_word",
        "Armed clash",
        "a strong clash word ('clashed', 'firefight', 'gun battle')",
        "Two armed sides fighting is an armed clash: 'troops clashed with rebels near the border'.",
        _clash_word,
        thresholds={"vote": 0.8},
        fires=(
            (
                "Troops clashed with rebels near the border town of Kamanyola on Monday.",
                "Armed clash",
            ),
            ("Fighting left two dead in Bama on Monday.", "Armed clash"),
        ),
        not_fires=(
            "Shelling between the army and the rebels hit the outskirts of Kidal on Monday.",
            "Bandits ambushed a minibus near Isiolo on Monday, killing three passengers.",
        ),
    ),
    Card(
        "exchange_of_fire",
        "Armed clash",
        "an explosion told as between two sides, or answered by the other side",
        "Shelling both ways is a battle, not remote violence: 'shelling between the army "
        "and the rebels'.",
        _exchange,
        fires=(
            (
                "Shelling between the army and the rebels hit the outskirts of Kidal on Monday.",
                "Armed clash",
            ),
        ),
        not_fires=("Troops clashed with rebels near the border town of Kamanyola on Monday.",),
    ),
    Card(
        "direct_fire",
        "Armed clash",
        "mortars, shells or grenades fired at armed men beside small arms or machine guns",
        "Fire the target can answer in kind is a battle, not remote violence: 'fired "
        "mortars and small arms at army positions'.",
        _direct_fire,
        fires=(
            (
                "Rebels fired mortars and machine guns at army positions near Kidal on Monday.",
                "Armed clash",
            ),
        ),
        not_fires=(
            "Rebels shelled army positions near Kidal with mortars on Monday.",
            "Soldiers fired mortars and machine guns at a market in Kidal on Monday, killing "
            "four traders.",
        ),
    ),
    Card(
        "weapon",
        "the explosion type of the strongest weapon word",
        "a weapon word strong enough (an airstrike, shelling, an IED, a grenade)",
        "The weapon names the explosion: 'a roadside bomb hit the convoy' is an IED.",
        _weapon,
        thresholds={"vote": 0.6},
        fires=(
            (
                "A roadside bomb hit an army convoy near Gao on Tuesday.",
                "Remote explosive/landmine/IED",
            ),
            (
                "Shelling hit the town of Kafr Zita on Sunday, local doctors said.",
                "Shelling/artillery/missile attack",
            ),
        ),
        not_fires=("A device killed two children near Gao on Monday.",),
    ),
    Card(
        "state_air_strike",
        "Air/drone strike",
        "a weak air-strike word, no clash word, and a state's armed forces as actor1",
        "Strikes by a state's armed forces are air strikes even when the word is weak: "
        "'US strikes killed 12 militants'.",
        _state_air_strike,
        thresholds={"clash_vote": 0.5},
        fires=(
            (
                "Military Forces of the United States strikes killed 12 militants in Somalia on "
                "Monday.",
                "Air/drone strike",
            ),
        ),
        not_fires=("A roadside bomb hit an army convoy near Gao on Tuesday.",),
    ),
    Card(
        "sexual_violence",
        "Sexual violence",
        "a strong sexual-violence word",
        "Rape used as violence is sexual violence: 'gunmen raped two women in the village'.",
        _sexual_violence,
        thresholds={"vote": 0.8},
        certain=True,
        fires=(("Gunmen raped two women in a village near Bunia on Saturday.", "Sexual violence"),),
        not_fires=("Gunmen killed three villagers in Zamfara on Monday.",),
    ),
)

# ---- abductions ----------------------------------------------------------------------------


def _abduction(s: Situation, card: Card) -> bool:
    return s.vote("Abduction/forced disappearance") >= card.thresholds["vote"] and not (
        s.fatalities
    )


def _fighters_seized(s: Situation, card: Card) -> str | None:
    armed2 = s.actor2 is not None and act.is_armed(s.actor2)
    if _abduction(s, card) and (s.victims["armed"] > s.victims["civilian"] or armed2):
        return card.decides
    return None


def _abducted(s: Situation, card: Card) -> str | None:
    return card.decides if _abduction(s, card) else None


ABDUCTION_CARDS = (
    Card(
        "fighters_seized",
        "Armed clash",
        "a strong abduction word, nobody killed, and the people taken are fighters",
        "ACLED codes seizing enemy fighters as a battle: 'rebels captured two soldiers'.",
        _fighters_seized,
        thresholds={"vote": 0.9},
        fires=(
            ("Rebels kidnapped two soldiers near Beni on Wednesday.", "Armed clash"),
            ("Gunmen abducted three policemen near Katsina on Wednesday.", "Armed clash"),
        ),
        not_fires=("Gunmen kidnapped three aid workers near Maiduguri on Sunday.",),
    ),
    Card(
        "abduction",
        "Abduction/forced disappearance",
        "a strong abduction word and nobody killed",
        "People taken by force are abducted: 'gunmen kidnapped three aid workers'.",
        _abducted,
        thresholds={"vote": 0.9},
        fires=(
            (
                "Gunmen kidnapped three aid workers near Maiduguri on Sunday.",
                "Abduction/forced disappearance",
            ),
            (
                "Gunmen stormed a school in Kaduna and abducted pupils on Monday.",
                "Abduction/forced disappearance",
            ),
        ),
        not_fires=("Rebels kidnapped two soldiers near Beni on Wednesday.",),
    ),
)

# ---- attacks and killings ------------------------------------------------------------------


def _on_armed(s: Situation, card: Card) -> str | None:
    armed2 = s.actor2 is not None and act.is_armed(s.actor2)
    if s.violent() and s.armed_target() and not (s.civilian_target() and not armed2):
        return card.decides
    return None


def _weak_weapon(s: Situation, card: Card) -> str | None:
    weapon = s.weapon() if s.violent() else None
    return weapon[1] if weapon is not None else None


def _abduction_in_violence(s: Situation, card: Card) -> str | None:
    if s.violent() and s.vote("Abduction/forced disappearance"):
        return card.decides
    return None


def _weak_clash(s: Situation, card: Card) -> str | None:
    if _ambushed_civilians(s):
        return None  # left to the attack card
    return card.decides if s.violent() and s.vote("Armed clash") else None


def _attack(s: Situation, card: Card) -> str | None:
    if not s.violent():
        return None
    strong = max((h.entry.weight for h in s.hits() if h.entry.cls in ("attack", "kill")), default=0)
    if s.civilian_target() or strong >= card.thresholds["word"] or s.fatalities > 0:
        return card.decides
    return None


def _untold(s: Situation, card: Card) -> str | None:
    return NO_EVENT if s.violent() else None


def _private(s: Situation, card: Card) -> str | None:
    """A killing or beating the text calls a private matter ("police said it was a domestic
    dispute"), with no weapon of war and no clash told, and no armed, state or political
    actor named (an unidentified one aside)."""
    if not (s.classes["attack"] or s.classes["kill"]) or s.weapon() or s.vote("Armed clash"):
        return None
    if any(a is not None and a.known and a.inter != act.CIVILIANS
           and not a.name.startswith("Unidentified") for a in (s.actor1, s.actor2)):
        return None  # a named group, a state's forces, a party
    private, dispute = word_class("private_word"), word_class("dispute_word")
    told = any(t.i > 0 and t.lemma_.lower() in dispute
               and s.doc[t.i - 1].lemma_.lower() in private for t in s.doc)
    return NO_EVENT if told else None


PRIVATE_CARD = Card(
    "private_violence",
    "no event",
    "a killing or beating the text calls a domestic, family or personal matter, nobody "
    "armed or political named",
    "ACLED codes no crime without a political side: 'police said the stabbing was a "
    "domestic dispute'.",
    _private,
    certain=True,
    fires=(
        ("A woman in Mombasa was stabbed to death by her husband on Sunday; police said it "
         "was a domestic dispute.", NO_EVENT),
    ),
    not_fires=("Gunmen stabbed a village chief to death in Kilifi on Sunday.",),
)


ATTACK_CARDS = (
    Card(
        "attack_on_armed",
        "Armed clash",
        "an attack or killing whose side hit is armed (unless civilians were hit too)",
        "An attack on fighters is a battle in ACLED: 'gunmen attacked an army post, "
        "killing three soldiers'.",
        _on_armed,
        fires=(
            (
                "Gunmen attacked an army post near Diffa on Monday, killing three soldiers.",
                "Armed clash",
            ),
        ),
        not_fires=("Gunmen killed three villagers in Zamfara on Monday.",),
    ),
    Card(
        "weak_weapon",
        "the explosion type of the strongest weapon word",
        "an attack or killing with any weapon word",
        "A weak weapon word still names the weapon of an attack: 'a blast killed two "
        "people at the market'.",
        _weak_weapon,
        fires=(
            ("A device killed two children near Gao on Monday.", "Remote explosive/landmine/IED"),
        ),
        not_fires=("An explosive device killed two children near Gao on Monday.",),
    ),
    Card(
        "abduction_in_violence",
        "Abduction/forced disappearance",
        "an attack or killing with any abduction word",
        "An attack whose aim was to take people is an abduction: 'gunmen stormed the "
        "school and abducted pupils'.",
        _abduction_in_violence,
        fires=(
            (
                "Gunmen attacked a bus near Zaria and held the passengers hostage on Monday.",
                "Abduction/forced disappearance",
            ),
        ),
        not_fires=("Gunmen kidnapped three aid workers near Maiduguri on Sunday.",),
    ),
    Card(
        "weak_clash",
        "Armed clash",
        "an attack or killing with any clash word",
        "A weak fighting word with an attack is still a battle: 'fighting left two dead'.",
        _weak_clash,
        fires=(
            ("Two farmers were killed in an encounter near Bama on Monday.", "Armed clash"),
            ("Two farmers were killed during an offensive near Bama on Monday.", "Armed clash"),
        ),
        not_fires=("Troops clashed with rebels near the border town of Kamanyola on Monday.",),
    ),
    Card(
        "attack",
        "Attack",
        "an attack or killing of civilians, with a strong word or a toll",
        "Violence on people who cannot fight back is an attack: 'gunmen killed three villagers'.",
        _attack,
        thresholds={"word": 0.7},
        fires=(
            ("Gunmen killed three villagers in Zamfara on Monday.", "Attack"),
            ("Bandits ambushed a minibus near Isiolo on Monday, killing three passengers.",
             "Attack"),
        ),
        not_fires=("Gunmen attacked an army post near Diffa on Monday, killing three soldiers.",),
    ),
    Card(
        "violence_untold",
        "no event",
        "an attack or killing word with no victim, no toll and only weak words",
        "A weak word of violence with nothing more is no event: 'the attack' said of nothing.",
        _untold,
        fires=(("Gunmen raided and demolished a warehouse in Kano on Monday.", NO_EVENT),),
        not_fires=("Gunmen killed three villagers in Zamfara on Monday.",),
    ),
)

CARDS = (PRIVATE_CARD, *WEAPON_CARDS, *FIGHT_CARDS, *ABDUCTION_CARDS, *ATTACK_CARDS)
