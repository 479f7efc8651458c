"""Triggers: the words of ``data/triggers.tsv`` matched over a parsed article, each read in
the sense its sentence gives it ("workers on strike" is a stoppage, not an air raid).

>>> [h.text for h in match_triggers(doc)]            # doctest: +SKIP
['airstrike', 'killed']
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicon import parsed_text
from .numbers import number_value
from .records import TriggerHit
from .words import Trigger, triggers, word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc, Token


def _match_at(trig: Trigger, i: int, lemmas: list[str], lowers: list[str], pos: list[str]) -> int:
    """End token of ``trig`` matched from token i (one adjective, determiner or number may
    intervene: "exchanged 20 detainees"), or 0."""
    k, n = i, len(lemmas)
    for m, want in enumerate(trig.lemmas):
        if k >= n:
            return 0
        if want not in (lemmas[k], lowers[k]):
            # "established full control": one adjective or determiner may sit inside.
            if (
                m == 0
                or k + 1 >= n
                or pos[k] not in ("ADJ", "DET", "NUM")
                or want not in (lemmas[k + 1], lowers[k + 1])
            ):
                return 0
            k += 1
        k += 1
    return k


# Particles a phrasal verb's object may stand before ("drove the militants out of the
# village", "handed the camp over to", "burned the house down").
_PARTICLES = frozenset({"out", "over", "off", "away", "down", "up", "back"})


def _split_particle(trig: Trigger, verb: Token) -> int:
    """End token of a phrasal verb's trigger ("drive out") whose particle stands after the
    verb's object ("drove IS fighters out of Tal Samen"): the verb alone is the hit; 0
    where the verb has no such particle within six words."""
    if len(trig.lemmas) != 2 or trig.lemmas[1] not in _PARTICLES or verb.pos_ != "VERB":
        return 0
    return verb.i + 1 if any(
        c.lower_ == trig.lemmas[1] and c.dep_ in ("prt", "prep", "advmod")
        and verb.i + 1 < c.i <= verb.i + 6
        for c in verb.children
    ) else 0


def match_triggers(doc: Doc) -> list[TriggerHit]:
    """Longest lexicon matches over the doc's lemmas (falling back to the lower-cased text).

    Kept in ``doc.user_data``: the claims stage reads the same hits again.
    """
    cached = doc.user_data.get("eventwire.triggers")
    if cached is not None:
        return list(cached)
    hits = _match_triggers(doc)
    doc.user_data["eventwire.triggers"] = tuple(hits)
    return hits


def _match_triggers(doc: Doc) -> list[TriggerHit]:
    index = triggers()
    lemmas = [t.lemma_.lower() for t in doc]
    lowers = [t.lower_ for t in doc]
    pos = [t.pos_ for t in doc]
    hits: list[TriggerHit] = []
    text = parsed_text(doc)
    i = 0
    n = len(doc)
    while i < n:
        found, found_end = None, 0
        # The lemma first, then the word as written: a set here would try them in an
        # order that changes with each process's string hashing (PYTHONHASHSEED), and
        # an entry of either, of the same length, would win by that order.
        for first in dict.fromkeys((lemmas[i], lowers[i])):
            for trig in index.get(first, ()):
                end = _match_at(trig, i, lemmas, lowers, pos) or _split_particle(trig, doc[i])
                if end and (found is None or len(trig.lemmas) > len(found.lemmas)):
                    found, found_end = trig, end
        if found is None:
            i += 1
            continue
        j = found_end
        start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        hits.append(TriggerHit(i, j, start, end, text[start:end], found))
        i = j
    return hits


def _in_a_name(tok: Token, doc: Doc) -> bool:
    """A capitalised proper noun inside a name of capitalised words ("the National Torch
    Movement"), not opening a sentence."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.is_sent_start:
        return False
    return any(
        0 <= k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper()
        and not doc[k].is_sent_start
        for k in (tok.i - 1, tok.i + 1)
    )  # fmt: skip


def _indirect_fire(hit: TriggerHit, first: Token) -> bool:
    """A heavy weapon fired from afar is the act even when used "with" ("destroyed a
    tank using an ATGM", "hit the base with rockets"), unless the list names guns fired
    straight at the target ("with machine guns and mortars": a fight)."""
    if hit.entry.weight < _INDIRECT_FIRE_WEIGHT:
        return False  # "RPG shells", "anti-aircraft guns": weapons of a gunfight
    guns = word_class("direct_fire")
    listed = [first, *first.conjuncts]
    return not any(
        t.lower_ in guns or f"{t.lower_} {t.head.lower_}" in guns or t.lemma_.lower() in guns
        for item in listed
        for t in item.subtree
    )


# Weapons of the lexicon this strong name fire from afar (mortars, rockets, missiles).
_INDIRECT_FIRE_WEIGHT = 0.85


def other_sense(hit: TriggerHit, doc: Doc) -> bool:
    """Words with a common non-event sense: "this demonstrates a policy"."""
    tok = doc[hit.j - 1]
    if hit.j - hit.i == 1 and tok.ent_type_ == "DATE":
        return True  # "6 March", not a march
    if hit.j - hit.i == 1 and hit.j + 1 < len(doc) and doc[hit.j].text == "-" and (
        doc[hit.j + 1].lower_.startswith("shock")
    ):
        return True  # "left shell-shocked": stunned, not shelled
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "with machine guns and RPG shells": the list's first member
    if (
        hit.entry.sub_event_type == "Shelling/artillery/missile attack"
        and tok.pos_ in ("NOUN", "PROPN")
        and first.dep_ in ("pobj", "dobj")
        and first.head.lower_ in ("with", "using", "use")
        and not _indirect_fire(hit, first)
    ):
        return True  # "targeted a checkpoint with machine guns and RPG shells": a weapon used
    if (
        hit.entry.sub_event_type == "Air/drone strike"
        and tok.pos_ == "NOUN"
        and tok.dep_ in ("dobj", "nsubjpass")
        and tok.head.lemma_.lower() in word_class("hit_verb")
    ):
        return True  # "rebels destroyed a warplane", "a helicopter was downed": the target
    if (
        hit.entry.sub_event_type == "Air/drone strike"
        and tok.text[:1].isupper()
        and hit.j < len(doc)
        and doc[hit.j].text[:1].isupper()
        and doc[hit.j].pos_ == "PROPN"
    ):
        return True  # "a regime Air Force Intelligence checkpoint": a name, not a raid
    if hit.entry.lemmas == ("strike",) and (_struck_by_nature(tok) or ran_into_device(tok)):
        # "lightning struck a house": nature; "a truck struck a landmine": the device acts
        return True
    if hit.entry.lemmas in (("hand", "over"), ("hand", "back")) and _hands_over_goods(doc[hit.i]):
        return True  # "must hand over one head of cattle in 30": goods, not ground
    if hit.entry.lemmas[:2] == ("come", "under") and hit.j < len(doc) and (
            doc[hit.j].lower_ == "for"):
        return True  # "the minister came under fire for his remarks": criticism
    if _in_exercise(tok):
        return True  # "fired howitzers during a live-fire drill": training, no attack
    if hit.entry.lemmas == ("mine",) and _mine_site(tok):
        return True  # "a convoy travelling to the Inata mine": a place that is mined
    if hit.entry.lemmas == ("control",) and (
        tok.pos_ != "VERB" or (tok.i > 0 and doc[tok.i - 1].text == "-")
    ):
        return True  # "under the control of", "remote-controlled": a state, not an event
    if hit.entry.cls == "protest" and any(
        c.dep_ == "dobj" and c.lemma_.lower() == "ransom" for c in tok.children
    ):
        return True  # "the gang is demanding a ransom": kidnappers, not a protest
    if (
        hit.entry.cls == "protest"
        and tok.pos_ == "VERB"
        and tok.lemma_ in word_class("protest_verb")
    ):
        return any(c.dep_ in ("dobj", "ccomp") for c in tok.children)
    if (
        hit.entry.cls == "riotous"
        and tok.pos_ == "NOUN"
        and tok.dep_ in ("dobj", "nsubjpass")
        and tok.head.lemma_.lower() in word_class("clear_verb")
    ):
        return True  # "police removed the barricades": the barricades are what was cleared
    if hit.entry.cls == "riotous" and hit.j - hit.i == 1 and _in_a_name(tok, doc):
        return True  # "members of the National Torch Movement": a name, not arson
    if hit.entry.cls == "riotous" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in word_class("blast_word")
        for t in (doc[hit.i], doc[hit.i].head)
        for c in t.children
    ):
        return True  # "the blast destroyed stalls and set fire to shops": no crowd at work
    return False


def _hands_over_goods(verb: Token) -> bool:
    """"hand over" with an object that is no ground: cattle, money, weapons, a suspect, and
    people handed over ("the freed students were handed over to officials")."""
    ground = word_class("territory_object") | {"control", "security", "responsibility", "position"}
    owners = [verb, verb.head] if verb.dep_ == "conj" else [verb]  # "were freed and handed"
    objs = [c for v in owners for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objs) and all(
        o.pos_ != "PROPN" and o.lemma_.lower() not in ground and o.lower_ not in ground
        for o in objs
    )


def _in_exercise(tok: Token) -> bool:
    """The word's verb is done in a drill ("fired artillery rounds during a live-fire
    exercise", "in the annual drills"): a phrase of time or purpose naming training."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "fired artillery rounds": the verb the weapon hangs on
    training = word_class("exercise_word")
    operation = word_class("operation_exercise")
    # Anywhere in the verb's clause: "fire artillery off Penghu in annual drills" hangs
    # the drills on the island. "During a disarmament exercise" names an operation.
    return any(
        o.dep_ == "pobj"
        and o.lemma_.lower() in training
        and o.head.lower_ in ("during", "in", "for")
        and not any(c.dep_ in ("compound", "amod") and c.lower_ in operation for c in o.children)
        for o in verb.subtree
    )


def _struck_by_nature(tok: Token) -> bool:
    """"struck" with lightning or an animal as its subject (``beast_word``)."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in word_class("beast_word")
               for c in tok.children)


def _struck_on_foot(tok: Token) -> bool:
    """"struck" with raiders on the ground as its subject ("gunmen struck the village
    overnight", "armed rustlers struck a cattle camp"): the attack is theirs, not an air
    raid's. Aircraft or a state's forces as the subject stay a strike."""
    if tok.pos_ != "VERB":
        return False
    air = word_class("air_force_word")
    return any(
        c.dep_ == "nsubj"
        and c.lemma_.lower() in word_class("foot_raider")
        and not any(t.lemma_.lower() in air for t in c.subtree)
        for c in tok.children
    )


def ran_into_device(verb: Token) -> bool:
    """A verb of running into a device ("a convoy struck a landmine", "stepped on a mine",
    "ran over an IED"): its subject is hit by the device, not the one who laid it."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in word_class("meet_device_verb"):
        return False
    devices = word_class("planted_device")
    return any(
        (c.dep_ == "dobj" and c.lower_ in devices)
        or (c.dep_ == "prep" and c.lower_ in ("on", "onto", "over", "into")
            and any(g.lower_ in devices for g in c.children))
        for c in verb.children
    )


def _mine_site(tok: Token) -> bool:
    """A "mine" that is dug, not laid: named ("the Essakane mine") or of a mineral or a
    trade ("a gold mine", "artisanal mines"), or the place people go to, work at or come
    from ("on the road to the mine"). A "mine attack" stays a device; "stepped on a mine"
    too."""
    if any(
        c.dep_ in ("compound", "amod", "nmod")
        and (c.pos_ == "PROPN" or c.lower_ in word_class("mine_site_word"))
        for c in tok.children
    ):
        return True
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ in word_class("site_preposition")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    )


# The weight of "struck" told of raiders on foot: as plain as "raided".
_RAID_WEIGHT = 0.6


def resense(hit: TriggerHit, doc: Doc) -> TriggerHit:
    """A word read in the sense its sentence gives it: "municipal workers have been
    striking", "employees continued a strike" is a stoppage of work (a protest, and a plain
    one: ACLED codes strikes as demonstrations), never an air raid."""
    if hit.entry.lemmas in (("explosion",), ("blast",)) and _barrage(doc[hit.j - 1]):
        shell = next((t for t in triggers().get("shelling", ()) if t.cls == "type"), None)
        # Blasts a monitor logged are as plainly an event as "shelling" ("the SMM noted
        # nine explosions"), though the observer is no side of it.
        counted = _counted_word(doc[hit.j - 1])
        weight = max(hit.entry.weight, _LOGGED) if _observed(counted) else hit.entry.weight
        return hit if shell is None else replace(hit, entry=replace(shell, weight=weight))
    if hit.entry.lemmas == ("bomb",) and _bombed_from_the_air(doc[hit.j - 1]):
        # "the military bombed militant camps": armies bomb from the air.
        air = next((t for t in triggers().get("airstrike", ()) if t.cls == "type"), None)
        return hit if air is None else replace(hit, entry=replace(air, weight=hit.entry.weight))
    if hit.entry.lemmas == ("strike",) and hit.entry.cls == "type" and _struck_on_foot(
            doc[hit.j - 1]):
        # "raiders struck a kraal at dawn": a raid on the ground, an attack, no air raid.
        return replace(hit, entry=Trigger(("strike",), "attack", None, _RAID_WEIGHT))
    if hit.entry.lemmas in (("gather",), ("assemble",)) and _gathered_to_protest(doc[hit.i]):
        # "people assembled on the Capitol steps to oppose a bill": a demonstration.
        return replace(hit, entry=replace(hit.entry, weight=max(hit.entry.weight, 0.8)))
    if hit.entry.lemmas != ("strike",) or not _labour_strike(doc[hit.j - 1]):
        return hit
    protest = next((t for t in triggers().get("strike", ()) if t.cls == "protest"), None)
    if protest is None:
        return hit
    return replace(hit, entry=replace(protest, weight=max(protest.weight, 0.8)))


def _gathered_to_protest(verb: Token) -> bool:
    """A gathering whose purpose is a demand ("gathered to oppose the law", "assembled
    to denounce the killing")."""
    # "to seek a solution" is a meeting's purpose, not a demonstration's.
    purposes = word_class("protest_topic_verb") - {"seek"}
    return verb.pos_ == "VERB" and any(
        c.dep_ in ("advcl", "xcomp")
        and c.lemma_.lower() in purposes
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def _bombed_from_the_air(tok: Token) -> bool:
    """"bombed" with a state's armed forces or aircraft as its subject ("the military
    forces of Mozambique bombed militant targets", "jets bombed the camp")."""
    if tok.pos_ != "VERB":
        return False
    air = word_class("air_force_word")
    return any(
        c.dep_ == "nsubj" and any(t.lemma_.lower() in air for t in c.subtree)
        for c in tok.children
    )


# The weight of blasts an observer counted: a strong trigger (``Policy.strong_trigger``).
_LOGGED = 0.9

# Blasts counted at least this many are a barrage.
_BARRAGE = 5


def _barrage(tok: Token) -> bool:
    """Explosions counted as many, or counted by an observer, with no device and nobody
    hurt named ("observers recorded 27 explosions near the front line", "monitors logged
    two explosions", "several blasts shook the town overnight"): shells or rockets
    landing, as ACLED codes them, not bombs planted. Two blasts that killed people at a
    market stay bombs."""
    if tok.tag_ != "NNS":
        return False
    tok = _counted_word(tok)
    numbers = [number_value(c) or 0 for c in tok.children if c.dep_ == "nummod"]
    counted = (
        any(n >= _BARRAGE for n in numbers)
        or any(c.lower_ in word_class("barrage_count") for c in tok.children)
        or (tok.head.lower_ == "of" and tok.head.head.lower_ in word_class("barrage_count"))
        or (bool(numbers) and _observed(tok))
    )
    if not counted:
        return False
    # A mine that is dug ("near Oktiabr Mine", "at the gold mine") is no device planted.
    words = [t for t in tok.sent if not (t.lemma_.lower() == "mine" and _mine_site(t))]
    told = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    hurt = word_class("kill_word") | word_class("injure_word")
    return not (told & word_class("planted_device") or told & hurt)


def _counted_word(tok: Token) -> Token:
    """The word a count of blasts stands on: the head of a pair written with a slash ("99
    explosions/bursts of fire" counts the bursts' phrase), else the word itself."""
    if tok.dep_ in ("nmod", "compound") and tok.head.tag_ == "NNS":
        return tok.head
    return tok


def _observed(tok: Token) -> bool:
    """Blasts an observer counted: "monitors recorded two explosions", "observed a total of
    3 explosions" (the verb a few heads up)."""
    for up in list(tok.ancestors)[:4]:
        if up.pos_ == "VERB":
            return up.lemma_.lower() in word_class("observe_verb")
    return False


def _labour_strike(tok: Token) -> bool:
    """A strike called, staged or joined by people at work, or "on strike"; never a verb
    that strikes something ("jets struck a farm, killing a farmer": "struck work" aside)."""
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ == "on":
        return True
    if tok.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() != "work"
                                  for c in tok.children):
        return False
    sent = tok.sent
    return any(t.lemma_.lower() in word_class("working_person") for t in sent) and not any(
        t.lemma_.lower() in word_class("air_word") for t in sent
    )
