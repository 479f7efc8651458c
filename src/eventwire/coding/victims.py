"""The victims a toll word counts: the noun phrase whose number is the toll ("killed two
soldiers", "two soldiers killed", "five dead", "the deaths of three villagers").

>>> victim_head(doc[1]).text   # "Gunmen killed two soldiers."   # doctest: +SKIP
'soldiers'

Every rule is a card (``decision_cards.DecisionCard``). ``VICTIM_CARDS`` are asked in
order where their scope (``SCOPES``) applies to the toll word (a verb, an adjective, a
noun, or any toll word); the first that answers decides: the victims' head token.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from .decision_cards import DecisionCard
from .numbers import animal_noun, part_of_a_date, quantity_words
from .words import word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Token

# The module's lists of cards (for tests and bench scripts).
CARD_LISTS = ("VICTIM_CARDS",)

VictimRule = Callable[["Token", "DecisionCard[Any]"], "Token | None"]
VictimCard = DecisionCard[VictimRule]


def _is_verb(word: Token) -> bool:
    return word.pos_ in ("VERB", "AUX") or word.tag_.startswith("VB")


# Where the victim cards apply: the three kinds of toll word are exclusive.
SCOPES: dict[str, Callable[[Token], bool]] = {
    "a toll word": lambda w: True,
    "a verb toll word": _is_verb,
    "an adjective toll word": lambda w: (
        not _is_verb(w) and w.lower_ in word_class("toll_adjective")
    ),
    "a noun toll word": lambda w: not _is_verb(w) and w.lower_ not in word_class("toll_adjective"),
}


def victim_head(word: Token) -> Token | None:
    """The noun phrase a toll word counts (its head token), or None. Animals are never its
    victims: in "seven killed, about 500 cattle driven off" the next card finds the seven,
    hung on the toll word itself ("wounded a woman and killed livestock" kills nobody)."""
    animals = False
    for found in _answers(word):
        if animals and found.head.i != word.i:
            continue
        if not _animals(found):
            return found
        animals = True
    return None


def _answers(word: Token) -> Iterator[Token]:
    """What each card whose scope applies to the toll word finds, in the cards' order."""
    for card in VICTIM_CARDS:
        if SCOPES[card.applies](word):
            found = card.rule(word, card)
            if found is not None:
                yield found


def _animals(head: Token) -> bool:
    """A phrase of animals only ("40 cattle", not "40 cattle and two herders")."""
    return all(animal_noun(t) for t in (head, *head.conjuncts))


def counts_animals_only(word: Token) -> bool:
    """A toll word whose only victims are animals ("gunmen shot dead 20 camels"): no toll."""
    answered = False
    for found in _answers(word):
        if not _animals(found):
            return False
        answered = True
    return answered


def _verb_own_argument(word: Token, card: DecisionCard[Any]) -> Token | None:
    for dep in ("nsubjpass", "dobj", "attr", "oprd"):
        for c in word.children:
            if c.dep_ == dep and not (dep == "oprd" and c.pos_ == "ADJ") and not part_of_a_date(c):
                return _past_the_place(c)  # "shot dead": "dead" says how, not who
    return None


def _past_the_place(tok: Token) -> Token:
    """The person a place was taken to be: in a note's "in Eldoret, Uasin Gishu, a man was
    shot", the parser makes the place the subject and the man its apposition."""
    if tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON":
        return tok  # "Ahmed, a farmer": the man himself
    for c in tok.children:
        if c.dep_ == "appos" and c.i > tok.i and (c.pos_ == "NOUN" or c.lower_ == "old"):
            return c
    return tok


def _subject_hung_on_place(word: Token, card: DecisionCard[Any]) -> Token | None:
    """A passive verb left with no subject ("in Manaus, Amazonas, a 24-year-old was shot
    dead"): the phrase just before it, which the parser hung on the place before it."""
    verb = _chain_top(word)
    if verb.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    i = verb.i - 1
    while i >= 0 and verb.doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
        i -= 1
    tok = verb.doc[i] if i >= 0 else None
    while tok is not None and tok.i < tok.head.i < verb.i:
        tok = tok.head  # up to the head of the phrase that ends before the verb
    if tok is None or tok.head.i >= tok.i or not (tok.pos_ == "NOUN" or tok.lower_ == "old"):
        return None  # the phrase must hang on something before it, not on the verb
    first = tok.left_edge.i
    if first < 2 or verb.doc[first - 1].text != "," or verb.doc[first - 2].pos_ != "PROPN":
        return None  # and follow a place and its comma ("in Belem, Para, a 19-year-old")
    return tok


def _death_verb_subject(word: Token, card: DecisionCard[Any]) -> Token | None:
    if word.lemma_ in word_class("death_verb"):
        for c in word.children:
            if c.dep_ == "nsubj":
                return c
    return None


def _subject_after_verb(word: Token, card: DecisionCard[Any]) -> Token | None:
    if word.tag_ in ("VBD", "VBZ", "VBP") and word.lemma_ not in word_class("death_verb"):
        for c in word.children:
            if c.dep_ == "nsubj" and c.i > word.i and c.pos_ in ("PROPN", "NOUN", "NUM"):
                return c
    return None


def _counted(c: Token) -> bool:
    """A counted phrase: a number, a vague quantity, or a noun with a number on it."""
    return (
        c.like_num
        or c.pos_ == "NUM"
        or c.lower_ in quantity_words()
        or any(g.dep_ == "nummod" or g.like_num for g in c.children)
    )


def _counted_subject_of_conjunct(word: Token, card: DecisionCard[Any]) -> Token | None:
    if word.dep_ == "conj" and not any(c.dep_ in ("dobj", "attr") for c in word.children):
        for c in word.children:
            if c.dep_ == "nsubj" and c.i < word.i and _counted(c):
                return c  # also "14 killed and dozens wounded"
    return None


# ---- A verb joined to others, a reduced passive, a participle ----


def _chain_top(word: Token) -> Token:
    """The first verb of a chain of joined verbs ("was shot and killed": "shot")."""
    verb = word
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    return verb


def _first_verb_of_chain(word: Token, card: DecisionCard[Any]) -> Token | None:
    verb = word
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
        for c in verb.children:
            if c.dep_ == "nsubjpass" or (
                c.dep_ == "dobj" and verb.lemma_ in word_class("harm_verb")
            ):
                return c
    return None


def _first_participle_subject(word: Token, card: DecisionCard[Any]) -> Token | None:
    verb = _chain_top(word)
    if verb.dep_ == "advcl" and verb.tag_ == "VBN":
        for c in verb.head.children:
            if c.dep_ == "nsubjpass":
                return c
    return None


def _number_on_verb(word: Token, card: DecisionCard[Any]) -> Token | None:
    verb = _chain_top(word)
    for c in verb.children:
        # "5 killed, some 700 goats driven off": the parser may hang the number as "meta"
        if c.i < verb.i and (c.dep_ == "nummod" or (c.dep_ == "meta" and c.like_num)):
            return c
    return None


def _reduced_passive(word: Token, card: DecisionCard[Any]) -> Token | None:
    if word.lemma_ in word_class("death_verb"):
        return None
    verb = _chain_top(word)
    has_object = any(
        c.dep_ in ("dobj", "attr") and not animal_noun(c) for c in verb.children
    ) or (
        word.i + 1 < len(word.doc)
        and word.nbor(1).pos_ in ("NUM", "DET", "PROPN")
        and word.nbor(1).ent_type_ != "DATE"
    )
    for c in verb.children:
        if c.dep_ == "nsubj" and c.i < verb.i and not has_object and _victim_like(c):
            return c
    return None


def _victim_like(tok: Token) -> bool:
    """A subject that reads as victims: a counted group or a person noun, not an attacker."""
    if tok.lemma_.lower() in word_class("doer") or tok.ent_type_ in ("ORG", "NORP", "GPE"):
        return any(
            c.like_num or c.dep_ == "nummod" for c in tok.children
        ) and tok.lemma_.lower() not in word_class("not_victim")
    return True


def _found_killed(word: Token, card: DecisionCard[Any]) -> Token | None:
    if word.dep_ in ("oprd", "xcomp", "acomp", "ccomp") and word.head.lemma_ == "find":
        for c in word.head.children:
            if c.dep_ in ("nsubjpass", "dobj"):
                return c
    return None


def _describing_participle(word: Token) -> bool:
    return word.dep_ in ("acl", "amod", "relcl") and word.tag_ == "VBN"


def _counted_before_of(word: Token, card: DecisionCard[Any]) -> Token | None:
    if not _describing_participle(word):
        return None
    head = word.head
    if (
        head.dep_ == "pobj"
        and head.head.lower_ == "of"
        and not any(c.dep_ == "nummod" or c.like_num for c in head.children)
        and head.head.head.pos_ in ("NOUN", "PROPN")
    ):
        return head.head.head
    return None


def _participle_describes(word: Token, card: DecisionCard[Any]) -> Token | None:
    return word.head if _describing_participle(word) else None


# ---- An adjective: "two dead", "found dead", "left five dead" ----


def _adjective_describes(word: Token, card: DecisionCard[Any]) -> Token | None:
    if word.dep_ in ("amod", "acl") and word.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        return word.head
    return None


def _number_on_adjective(word: Token, card: DecisionCard[Any]) -> Token | None:
    for c in word.children:
        if c.dep_ in ("nummod", "npadvmod", "quantmod") or c.like_num:
            return c
    return None


def _found_dead(word: Token, card: DecisionCard[Any]) -> Token | None:
    if word.head.lemma_ != "find":
        return None
    finder = word.head
    while True:  # "was found dead"; "was stabbed ... and found dead"
        for c in finder.children:
            if c.dep_ in ("nsubjpass", "dobj") and not part_of_a_date(c):
                return c
        if finder.dep_ != "conj":
            return None
        finder = finder.head


def _left_dead(word: Token, card: DecisionCard[Any]) -> Token | None:
    if word.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "advcl"):
        # The object first: "an attack on a village left nine people dead" counts the
        # people, not the attack that is the verb's subject.
        for dep in ("dobj", "nsubjpass", "nsubj"):
            for c in word.head.children:
                if c.dep_ == dep and c.i < word.i and not part_of_a_date(c):
                    return c
    return None


# ---- A noun: "three deaths", "the deaths of two soldiers", "the death toll rose to 12" ----


def _deaths_of(word: Token, card: DecisionCard[Any]) -> Token | None:
    for c in word.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _number_on_noun(word: Token, card: DecisionCard[Any]) -> Token | None:
    for c in word.children:
        if c.dep_ in ("nummod", "det") or c.like_num:
            if c.dep_ == "det" and c.lower_ not in ("no",):
                continue
            return word if c.dep_ == "det" else c
    return None


def _done_to_death(word: Token, card: DecisionCard[Any]) -> Token | None:
    prep = word.head
    if word.lower_ != "death" or word.dep_ != "pobj" or prep.lower_ != "to":
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for dep in ("nsubjpass", "dobj"):
        for c in verb.children:
            if c.dep_ == dep and not part_of_a_date(c):
                return c
    return None


# ---- The cards, in the order they are asked ----

_DECIDES = "the victims a toll word counts"

VICTIM_CARDS: tuple[VictimCard, ...] = (
    DecisionCard(
        "verb_own_argument",
        _DECIDES,
        "a verb toll word",
        "the verb's passive subject, object, attribute or predicate (not an adjective: "
        "'shot dead')",
        "A killing verb counts its object: 'gunmen killed three farmers'.",
        _verb_own_argument,
        fires=(
            (
                "Gunmen killed three farmers near Gusau on Monday.",
                {"fatalities": 3},
            ),
        ),
        not_fires=(
            (
                "Three farmers died when gunmen attacked a village near Gusau on Monday.",
                {"fatalities": 3},
            ),
        ),
    ),
    DecisionCard(
        "subject_hung_on_place",
        _DECIDES,
        "a verb toll word",
        "a passive verb with no subject: the phrase just before it that the parser hung on "
        "the place before that",
        "A note's 'in Manaus, Amazonas, a 24-year-old was shot dead' counts the 24-year-old, "
        "whom the parser reads as another name of the place.",
        _subject_hung_on_place,
        fires=(
            (
                "On 2 March 2022, in Manaus, Amazonas, a 24-year-old was shot dead near a bar.",
                {"fatalities": 1},
            ),
        ),
        not_fires=(
            (
                "Gunmen killed three farmers near Gusau on Monday.",
                {"fatalities": 3},
            ),
        ),
    ),
    DecisionCard(
        "death_verb_subject",
        _DECIDES,
        "a verb toll word",
        "a verb of dying ('die', 'succumb'): its subject",
        "Those who died are the dead: 'two fighters succumbed to their wounds'.",
        _death_verb_subject,
        fires=(
            (
                "Three farmers died when gunmen attacked a village near Gusau on Monday.",
                {"fatalities": 3},
            ),
            (
                "Two soldiers succumbed to their wounds after an ambush near Afgoye on Monday.",
                {"fatalities": 2},
            ),
        ),
        not_fires=(
            (
                "Gunmen killed three farmers near Gusau on Monday.",
                {"fatalities": 3},
            ),
        ),
    ),
    DecisionCard(
        "subject_after_verb",
        _DECIDES,
        "a verb toll word",
        "an active killing verb whose subject stands after it",
        "A subject after an active verb is its object, misparsed: 'announced a strike "
        "on Friday killed two commanders'.",
        _subject_after_verb,
        fires=(
            (
                "The Nigerian Air Force (NAF) announced a targeted airstrike in Borno state on "
                "Tuesday killed Abu Musab al-Barnawi, an Islamic State-affiliated commander "
                "linked to the attack on Monguno.",
                {"fatalities": 1},
            ),
        ),
        not_fires=(
            (
                "Two commanders were killed in a drone strike near Jilib on Monday.",
                {"fatalities": 2},
            ),
        ),
    ),
    DecisionCard(
        "counted_subject_of_conjunct",
        _DECIDES,
        "a verb toll word",
        "a joined verb with no object and a counted subject of its own",
        "A second clause with its own count counts its own victims: '12 civilians were "
        "killed and 30 others injured'.",
        _counted_subject_of_conjunct,
        fires=(
            (
                "Twelve civilians were killed and 30 others injured when gunmen attacked a "
                "market in Gusau on Monday.",
                {"fatalities": 12, "injuries": 30},
            ),
            (
                "Gunmen attacked a market in Gusau on Monday; 14 people were killed and dozens "
                "wounded.",
                {"fatalities": 14, "injuries": 12},
            ),
        ),
        not_fires=(
            (
                "Gunmen attacked a market in Gusau on Monday, killing twelve civilians and "
                "wounding 30 others.",
                {"fatalities": 12, "injuries": 30},
            ),
        ),
    ),
    DecisionCard(
        "first_verb_of_chain",
        _DECIDES,
        "a verb toll word",
        "a verb joined to earlier ones: the first verb's passive subject (or object of harm)",
        "Verbs joined in one telling share their victims: 'a driver was shot and killed'.",
        _first_verb_of_chain,
        fires=(
            (
                "A shopkeeper was shot and killed by gunmen in Gusau on Monday.",
                {"fatalities": 1},
            ),
            (
                "Two traders were beaten and killed by a mob in Kano on Monday.",
                {"fatalities": 2},
            ),
        ),
        not_fires=(
            (
                "Gunmen shot dead a shopkeeper in Gusau on Monday.",
                {"fatalities": 1},
            ),
        ),
    ),
    DecisionCard(
        "first_participle_subject",
        _DECIDES,
        "a verb toll word",
        "the first verb of the chain is a participle clause: its governor's passive subject",
        "A list of participles shares the passive subject: 'a guard was attacked, "
        "stabbed and killed'.",
        _first_participle_subject,
        fires=(
            (
                "A night guard was attacked, stabbed and killed by gunmen in Gusau on Monday.",
                {"fatalities": 1},
            ),
            (
                "A health worker was abducted, tortured and killed by militiamen near Bunia on "
                "Monday.",
                {"fatalities": 1},
            ),
        ),
        not_fires=(
            (
                "Gunmen stabbed and killed a night guard in Gusau on Monday.",
                {"fatalities": 1},
            ),
        ),
    ),
    DecisionCard(
        "number_on_verb",
        _DECIDES,
        "a verb toll word",
        "a number before the verb hung on it by the parse",
        "A number the parse hangs on the verb is the count: '1 driver shot and killed'.",
        _number_on_verb,
        fires=(
            (
                "Kutaisi, Central Square: police beat protesters during a dispersal on Monday; "
                "at least 9 hospitalised, two with head wounds.",
                {"injuries": 9},
            ),
        ),
        not_fires=(
            (
                "Police beat protesters in Kutaisi on Monday; nine were hospitalised.",
                {"injuries": 9},
            ),
        ),
    ),
    DecisionCard(
        "reduced_passive",
        _DECIDES,
        "a verb toll word",
        "not a verb of dying; no object; a subject before it that reads as victims",
        "Telegraphese drops the auxiliary: '1 national staff killed, 2 wounded'.",
        _reduced_passive,
        fires=(
            (
                "Near Bunia on Monday: gunmen ambushed an NGO vehicle; 2 staff killed.",
                {"fatalities": 2},
            ),
        ),
        not_fires=(
            (
                "Gunmen ambushed an NGO vehicle near Bunia on Monday, killing a driver.",
                {"fatalities": 1},
            ),
        ),
    ),
    DecisionCard(
        "found_killed",
        _DECIDES,
        "a verb toll word",
        "the verb completes 'find'",
        "Who was found killed is counted: 'a herder was found killed'.",
        _found_killed,
        fires=(
            (
                "A herder was found killed near Gusau on Monday, a day after he went missing.",
                {"fatalities": 1},
            ),
            (
                "Two traders were found murdered in Gusau on Monday.",
                {"fatalities": 2},
            ),
        ),
        not_fires=(
            (
                "A herder was found near Gusau on Monday, a day after he went missing.",
                {"events": 0},
            ),
        ),
    ),
    DecisionCard(
        "counted_before_of",
        _DECIDES,
        "a verb toll word",
        "a participle describing the object of 'of' with no number of its own",
        "The count before 'of' counts the people: '2 staff of the local partner killed'.",
        _counted_before_of,
        fires=(
            (
                "Two staff of a local partner killed in an ambush near Bunia on Monday.",
                {"fatalities": 2},
            ),
        ),
        not_fires=(
            (
                "Two staff killed in an ambush near Bunia on Monday.",
                {"fatalities": 2},
            ),
        ),
    ),
    DecisionCard(
        "participle_describes",
        _DECIDES,
        "a verb toll word",
        "a participle describing a noun",
        "A participle describing people counts them: 'two soldiers killed in the raid'.",
        _participle_describes,
        fires=(
            (
                "Police said the two soldiers killed in the ambush near Afgoye on Monday were "
                "buried.",
                {"fatalities": 2},
            ),
        ),
        not_fires=(
            (
                "Gunmen attacked a village near Gusau on Monday.",
                {"fatalities": 0},
            ),
        ),
    ),
    DecisionCard(
        "adjective_describes",
        _DECIDES,
        "an adjective toll word",
        "the adjective describes a noun, a number or a pronoun",
        "A toll adjective counts what it describes: 'five injured civilians'.",
        _adjective_describes,
        fires=(
            (
                "Rescuers counted five dead civilians after an airstrike on a market in "
                "Omdurman on Monday.",
                {"fatalities": 5},
            ),
        ),
        not_fires=(
            (
                "An airstrike hit a market in Omdurman on Monday.",
                {"fatalities": 0},
            ),
        ),
    ),
    DecisionCard(
        "number_on_adjective",
        _DECIDES,
        "an adjective toll word",
        "a number hung on the adjective",
        "A number on a toll adjective is the count: 'two dead'.",
        _number_on_adjective,
        fires=(
            (
                "An airstrike hit a market in Omdurman on Monday; the health ministry reported "
                "31 dead.",
                {"fatalities": 31},
            ),
            (
                "Shelling of a market in Omdurman on Monday left at least 31 dead, medics said.",
                {"fatalities": 31},
            ),
        ),
        not_fires=(
            (
                "Shelling hit a market in Omdurman on Monday, medics said.",
                {"fatalities": 0},
            ),
        ),
    ),
    DecisionCard(
        "found_dead",
        _DECIDES,
        "an adjective toll word",
        "the adjective completes 'find' (or a verb joined to it)",
        "Who was found dead is counted: 'a trader was found dead'.",
        _found_dead,
        fires=(
            (
                "A trader was abducted on Sunday and found dead near Gusau on Monday.",
                {"fatalities": 1},
            ),
        ),
        not_fires=(
            (
                "A trader was abducted near Gusau on Monday.",
                {"fatalities": 0},
            ),
        ),
    ),
    DecisionCard(
        "left_dead",
        _DECIDES,
        "an adjective toll word",
        "the adjective completes a verb: that verb's object or subject before it",
        "'left five dead': the number is the verb's object; 'twelve people are confirmed "
        "dead': the subject.",
        _left_dead,
        fires=(
            (
                "Villagers attacked each other with machetes over a farmland boundary near "
                "Abakaliki on Monday, leaving three people dead.",
                {"fatalities": 3},
            ),
            (
                "An attack by gunmen on a farming village near Abakaliki on Monday left nine "
                "people dead.",
                {"fatalities": 9},
            ),
        ),
        not_fires=(
            (
                "Villagers attacked each other with machetes over a farmland boundary near "
                "Abakaliki on Monday.",
                {"fatalities": 0},
            ),
        ),
    ),
    DecisionCard(
        "deaths_of",
        _DECIDES,
        "a noun toll word",
        "'of' after the noun",
        "Deaths of people count those people: 'the deaths of two soldiers'.",
        _deaths_of,
        fires=(
            (
                "Police confirmed the deaths of two soldiers in an ambush near Afgoye on Monday.",
                {"fatalities": 2},
            ),
            (
                "The army reported the killing of four Al-Shabaab fighters near Jilib on Monday.",
                {"fatalities": 4},
            ),
        ),
        not_fires=(
            (
                "Police confirmed an ambush near Afgoye on Monday.",
                {"fatalities": 0},
            ),
        ),
    ),
    DecisionCard(
        "number_on_noun",
        _DECIDES,
        "a noun toll word",
        "a number (or 'no') on the noun",
        "A number on a death noun is the count: 'three deaths', 'no casualties'.",
        _number_on_noun,
        fires=(
            (
                "An airstrike hit a market in Omdurman on Monday; three deaths were reported.",
                {"fatalities": 3},
            ),
            (
                "Gunmen attacked a market in Gusau on Monday, causing two deaths.",
                {"fatalities": 2},
            ),
        ),
        not_fires=(
            (
                "Gunmen attacked a market in Gusau on Monday.",
                {"fatalities": 0},
            ),
        ),
    ),
    DecisionCard(
        "done_to_death",
        _DECIDES,
        "a noun toll word",
        "'death' after 'to' on a verb ('beaten to death'): that verb's object, or its "
        "subject in the passive",
        "Who was beaten, stoned or burnt to death is counted: 'residents beat a suspected "
        "thief to death'.",
        _done_to_death,
        fires=(
            (
                "On Monday, angry residents in Garoua beat a suspected thief to death.",
                {"fatalities": 1},
            ),
            (
                "Villagers stoned to death two men accused of witchcraft near Malindi on Sunday.",
                {"fatalities": 2},
            ),
        ),
        not_fires=(
            (
                "On Monday, a mob in Garoua attacked a suspected thief and burnt his motorbike.",
                {"fatalities": 0},
            ),
        ),
    ),
)
