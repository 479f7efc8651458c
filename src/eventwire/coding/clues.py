"""What a draft event tells, as the classification cards test it: who the victims are,
whether crowds or armed sides fight, whether fire went both ways, whether ground was taken.

>>> victim_kinds(draft)                              # doctest: +SKIP
Counter({'civilian': 2})
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import TYPE_CHECKING

from .. import actors as act
from ..actors import ActorMention, people_names
from ..placenames import place_words
from ..records import Actor
from .records import Draft, Frame
from .words import word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc, Token

# Within a type, the order in which explosions are preferred when a report names several
# weapons ("a drone dropped a grenade" is a drone strike in ACLED's practice).
EXPLOSIONS = (
    "Suicide bomb",
    "Chemical weapon",
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
)


def victim_kinds(draft: Draft) -> Counter[str]:
    kinds: Counter[str] = Counter()
    for f in draft.frames:
        # "a Red Cross officer", "an election officer": a civilian whose title is armed
        civil = names_any(" ".join(f.victim_words), "civil_body")
        armed = [w for w in f.victim_words if w in word_class("armed_person")] if not civil else []
        kinds["armed"] += len(armed)
        # "two district officials", not "a police official"
        office = set() if armed else word_class("office_person")
        kinds["civilian"] += sum(
            w in word_class("civilian_person") or w in office for w in f.victim_words)
    return kinds


def unnamed_or_fighting(name: str) -> bool:
    """A group's name that says nobody has named it or that it fights for gain
    ("Unidentified Armed Group (Kenya)", "Unidentified Gang", "Gulf Cartel"): its people
    are never a party's crowd."""
    return bool(_UNNAMED_OR_FIGHTING.search(name))


_UNNAMED_OR_FIGHTING = re.compile(r"\b(?:Unidentified|Armed|Gang|Cartel)\b")


def named_crowd(mention: ActorMention, doc: Doc) -> bool:
    """ "BJP supporters", "UDMF cadres", "supporters of the PTI": people of a party, in a
    crowd. The word follows the name, or the name follows "of" after the word."""
    for t in doc[mention.tok_start + 1 : mention.tok_end + 4]:
        if t.lemma_.lower() in word_class("party_person"):
            return True
        if not (t.pos_ in ("PROPN", "CCONJ", "PUNCT") or t.lower_ in ("and", ",")):
            break  # "AAP and BJP supporters": only names and "and" may come between
    start = mention.tok_start
    return (
        start >= 2
        and doc[start - 1].lower_ in word_class("party_link")
        and any(
            t.lemma_.lower() in word_class("party_person") for t in doc[max(start - 3, 0) : start]
        )
    )


def people_held(draft: Draft, doc: Doc) -> bool:
    """Arrests of people the text does not tie to a group ("arrested 15 Palestinians",
    "detained three men"): ACLED codes them as civilians."""
    for f in draft.frames:
        for h in f.triggers:
            if h.entry.sub_event_type != "Arrests":
                continue
            for c in doc[h.j - 1].children:
                if c.dep_ in ("dobj", "nsubjpass") and (
                    c.ent_type_ == "NORP"
                    or c.lemma_.lower() in word_class("civilian_person") | word_class("detainee")
                ):
                    return True
    return False


def crowd_actor(actor: Actor | None) -> bool:
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


@functools.lru_cache(maxsize=1)
def _fighters() -> frozenset[str]:
    """Armed people other than police and guards: facing a crowd, police keep it a riot."""
    return word_class("armed_person") - word_class("guard_person")


def told_as_crowd(draft: Draft, doc: Doc) -> bool:
    """The tellings name crowds (supporters, students, villagers) as the parties."""
    for f in draft.frames:
        for h in f.triggers:
            tok = doc[h.j - 1]
            if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "VERB":
                tok = tok.head.head  # "beat a thief to death": who beat
            # Who acts (and "between"/"with" whom), not who is hit: "people" injured by a
            # blast are victims, not a crowd.
            near = [
                c
                for c in tok.children
                if c.dep_ == "nsubj"
                or (c.dep_ == "prep" and c.lower_ in word_class("crowd_prep"))
            ]
            words = {t.lemma_.lower() for c in near for t in c.subtree}
            if words & _fighters():
                return False  # soldiers, rebels, militants: armed parties after all
            if words & word_class("crowd_person") or _people_of_a_nation(near):
                return True
    return False


def _people_of_a_nation(phrases: list[Token]) -> bool:
    """A nation's people as a party ("clashes between Palestinians and Israeli forces"):
    a plural demonym standing alone, no noun after it ("Israeli forces" is no people)."""
    demonyms = act.demonym_homes()
    return any(
        t.tag_ in ("NNPS", "NNP", "NNS")
        and t.lower_.endswith("s")
        and t.lower_[:-1] in demonyms
        and t.dep_ != "compound"
        for c in phrases
        for t in c.subtree
    )


def between_sides(draft: Draft, doc: Doc) -> bool:
    for f in draft.frames:
        for h in f.triggers:
            if any(c.dep_ == "prep" and c.lower_ == "between" for c in doc[h.j - 1].children):
                return True
    return False


def _side(mention: ActorMention) -> str:
    """Who a shooter fights for: state forces are one side whatever they are called
    ("Pakistan Air Force", "fighter aircraft", "the army")."""
    entry = mention.entry
    if entry is None:
        return mention.text.lower()
    if entry.inter in (act.STATE, act.EXTERNAL) or entry.kind in ("military", "police"):
        return "state"
    return entry.name


def exchange_of_fire(draft: Draft, doc: Doc) -> bool:
    """Both sides fire: "the army shelled the town and, in response, AAS fighters shelled
    regime positions"; "Islamist militias responded with shelling"."""
    # Who intercepts is no shooter ("the army said most were intercepted; one struck a
    # garden"): the blast of the frame is the other side's.
    shooters = {
        _side(f.agents[0])
        for f in draft.frames
        if f.agents and any(h.entry.sub_event_type in EXPLOSIONS for h in f.triggers)
        and not any(h.entry.sub_event_type == "Disrupted weapons use" for h in f.triggers)
    }
    if len(shooters) >= 2:
        return True
    told = told_text(draft, doc)
    if any(" " in w and w in told for w in word_class("both_ways")):
        return True  # "explosions in both directions of the contact line"
    if any(
        doc[i].lemma_.lower() in word_class("return_fire")
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
        t.lower_ in word_class("both_ways") or t.lemma_.lower() in word_class("return_fire")
        for s in sentences
        for t in list(doc.sents)[s]
    )


def told_text(draft: Draft, doc: Doc) -> str:
    """The sentences that tell ``draft``, lower case, in text order."""
    sents = list(doc.sents)
    return " ".join(sents[i].text.lower() for i in sorted({f.sent_i for f in draft.frames}))


def names_any(told: str, cls: str) -> bool:
    """``told`` (lower case) holds a word of class ``cls``, or one of its phrases."""
    words = set(re.findall(r"[a-z][a-z-]*", told))
    return any((w in words) if " " not in w else (w in told) for w in word_class(cls))


def direct_fire(draft: Draft, doc: Doc) -> bool:
    """Arms fired straight at the target are named in the telling's sentences ("fired
    mortars and small arms at army positions", "machine guns and grenade launchers")."""
    return names_any(told_text(draft, doc), "direct_fire")


def territory_taken(draft: Draft, doc: Doc) -> bool:
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
            if tok.dep_ == "prt":
                tok = tok.head  # "took over the town": the object hangs on the verb
            # "seized at the port a container of cocaine": where, not what was taken
            objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "prep")
                    and not (c.dep_ == "prep" and c.lower_ in word_class("place_prep"))]
            ground = [o for o in objs if _names_ground(o, f)]
            taken = [o for o in objs if o.dep_ == "dobj"]
            if tok.lemma_.lower() in word_class("expel_verb") | word_class("drive_out_verb"):
                # "dislodged the insurgents from Marte", "drove the troops out of the
                # town": the side is the object, the place they were driven from the
                # ground.
                taken = []
                froms = [
                    p
                    for o in (tok, *(c for c in tok.children if c.dep_ == "dobj"))
                    for p in o.children
                    if p.dep_ == "prep" and p.lower_ in ("from", "out")
                ]
                ground = [p for p in froms if _names_ground(p, f)]
            if taken and not any(o.dep_ == "dobj" for o in ground):
                continue  # "seized a cache of weapons in the village": the cache was taken
            if ground:
                return True
    return False


def _names_ground(o: Token, frame: Frame) -> bool:
    """The phrase under ``o`` names ground: a named place ("captured Sabe Byar", one the
    gazetteer lacks too), a word of territory, or a place the frame found."""
    if o.dep_ == "dobj" and o.pos_ == "PROPN" and o.ent_type_ != "PERSON":
        return True
    # What was taken, not where ("a cache of rifles in the village"): an object's
    # phrases of place are left out.
    # So are the clauses that describe it ("a crate of rifles found at a farm on the
    # border road"): how it was found, not ground.
    where = {
        t.i
        for c in o.subtree
        if o.dep_ == "dobj" and (c.dep_ == "prep" and c.lower_ in word_class("place_prep")
                                 or c.dep_ in ("acl", "relcl"))
        for t in c.subtree
    }
    inside = [t for t in o.subtree if t.i not in where]
    words = {t.lemma_.lower() for t in inside}
    spans = [(t.idx, t.idx + len(t.text)) for t in inside]
    return bool(words & word_class("territory_object")) or any(
        a <= p.start < b for p in frame.places for a, b in spans
    )



def armed_party(*actors: Actor | None) -> bool:
    return any(a is not None and act.is_armed(a) for a in actors)


def communal_raid(draft: Draft, doc: Doc) -> bool:
    """One community's people attacking another's, as ACLED's communal militias do:
    "farmers attacked a Fulani camp", "Peul herders killed a farmer at his home",
    "villagers raided a herders' settlement". Who attacks is named by a living, a people
    or as locals; who is hit by another living or people, or is a people's camp. A crowd
    that hits a thief or a police post is no such raid."""
    return communal_raiders(draft, doc) is not None


def communal_raiders(draft: Draft, doc: Doc) -> str | None:
    """The people whose militia carried out a communal raid ("tiv" in "members of the Tiv
    community attacked a Fulani hamlet"; "" where the raiders are named by no people,
    "farmers attacked ..."); None where the draft tells no such raid."""
    names = people_names()
    for f in draft.frames:
        for h in f.triggers:
            if h.entry.cls not in ("attack", "kill"):
                continue
            verb = doc[h.j - 1]
            if verb.pos_ != "VERB":
                continue
            head = verb.head if verb.dep_ == "conj" else verb  # "attacked and wounded"
            subjects = [c for c in head.children if c.dep_ == "nsubj"]
            # Many hit, or their camp: one herder beaten by farmers is a mob's victim.
            objects = [c for c in verb.children if c.dep_ == "dobj" and _many(c)]
            if any(_suspects(c) for c in objects):
                continue  # "residents beat three suspected cattle thieves": a mob's victims
            by = _communities(subjects, local=True)
            hit = _communities(objects, local=False)
            if by and hit and not by & hit:
                return next((w for w in sorted(by) if w in names), "")
    return None


def _suspects(phrase: Token) -> bool:
    """People held as suspects of a crime ("three suspected cattle thieves", "two men
    suspected of stealing goats")."""
    suspect = word_class("suspect_word")
    return any(t.lower_ in suspect for t in phrase.subtree)


def communal_clash(draft: Draft, doc: Doc) -> tuple[str, str] | None:
    """Two communities fighting each other, as ACLED's communal militias do: "farmers
    clashed with Fulani herders", "clashes between pastoralists and residents", "Pokot
    and Turkana herders fought". One side is named by a herding living or a people, the
    other by another living, people or as locals. The peoples named of the two sides
    ("" where a side is named by no people); None where the draft tells no such clash."""
    names = people_names()
    for f in draft.frames:
        for h in f.triggers:
            if h.entry.sub_event_type != "Armed clash":
                continue
            found = _community_pair(doc[h.j - 1], names)
            if found is not None:
                return found
            if _rival_communities(doc[h.j - 1]) or _feud(doc, h.j - 1):
                return "", ""  # "two clans clashed", "clashes between rival communities"
    return None


def _community_pair(tok: Token, names: frozenset[str]) -> tuple[str, str] | None:
    """The peoples of the two sides of clash word ``tok`` when both are communities
    ("Pokot and Turkana herders fought"), "" for a side named by no people."""
    pair = _clash_sides(tok)
    if pair is None:
        return None
    a, b = (_communities([t], local=True, alone=True) for t in pair)
    if not a or not b or a & b:
        return None
    if not ({"herding"} | names) & (a | b):
        return None  # students against residents: a brawl, not communal militias
    first, second = (next((w for w in sorted(x) if w in names), "") for x in (a, b))
    return first, second


def _feud(doc: Doc, i: int) -> bool:
    """The clash word at token ``i`` is told as one between peoples or clans by the word
    before it: "an ethnic clash", "tribal clashes", "inter-clan fighting" (not
    "communal", which in South Asia names a riot between creeds)."""
    before = "".join(t.lower_ for t in doc[max(i - 3, 0):i])
    return any(before.endswith(w) for w in word_class("feud_word"))


def _rival_communities(tok: Token) -> bool:
    """The sides of a clash word are named together as clans or communities, two or
    rival ones: "two clans clashed over a borehole", "clashes between rival
    communities", "two rival pastoralist communities clashed"."""
    kinds = word_class("clan_kind_word") | word_class("community_kind_word")
    for owner in (tok, tok.head):
        for c in owner.children:
            side = _clan_side(c, kinds)
            if side is None:
                continue
            said = {m.lower_ for m in side.children}
            # "rival political clans", "rival clans of the MILF": a party's or an armed
            # group's factions, not communal militias
            if said & {"political", "of"}:
                continue
            if said & word_class("paired_side") or _two_names(side):
                return True
    return False


def _clan_side(c: Token, kinds: frozenset[str]) -> Token | None:
    """The clans or communities a subject or a "between" phrase names: "two clans clashed",
    "members of the Marehan and Ogaden clans clashed", "clashes between the A and B clans"."""
    side = c if c.dep_ == "nsubj" else next(
        (o for o in c.children if o.dep_ == "pobj"),
        None) if c.dep_ == "prep" and c.lower_ == "between" else None
    if side is not None and side.lemma_.lower() not in kinds and (
            side.lemma_.lower() in word_class("crowd_person")):
        of = next((o for o in side.children if o.dep_ == "prep" and o.lower_ == "of"), None)
        side = next((o for o in of.children if o.dep_ == "pobj"), None) if of else None
    if side is None or side.lemma_.lower() not in kinds or side.lower_ == "villagers":
        return None
    return side


def _two_names(side: Token) -> bool:
    """Two names joined before the clan word: "the Marehan and Ogaden clans"."""
    return any(
        m.text[:1].isupper() and any(x.dep_ == "conj" and x.text[:1].isupper()
                                     for x in m.children)
        for m in side.children if m.dep_ in ("amod", "nmod", "compound")
    )


def _clash_sides(tok: Token) -> tuple[Token, Token] | None:
    """The two sides of a clash word: "X clashed with Y", "X and Y clashed", "clashes
    between X and Y" (or "clashes erupted between X and Y")."""
    def paired(head: Token) -> tuple[Token, Token] | None:
        # "farmers and herders"; "Pokot and Turkana herders" (the pair modifies the noun)
        for first in (head, *(m for m in head.children if m.dep_ in ("nmod", "compound"))):
            conj = next((c for c in first.children if c.dep_ == "conj"), None)
            if conj is not None:
                return first, conj
        return None

    for owner in (tok, tok.head):
        for c in owner.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None and paired(obj):
                    return paired(obj)
    if tok.pos_ != "VERB":
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    with_obj = next(
        (o for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
         for o in c.children if o.dep_ == "pobj"), None)
    return (subj, with_obj) if with_obj is not None else paired(subj)


def _many(head: Token) -> bool:
    """The phrase names a settlement or a community ("a Fulani camp", "a Pokot village"),
    or more than one person ("herders", "three members of the community")."""
    lemma = head.lemma_.lower()
    if lemma in place_words("people_place") or lemma in word_class("civilian_collective"):
        return True
    return head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in head.children)


def _communities(heads: list[Token], local: bool, alone: bool = False) -> set[str]:
    """The communities the phrases under ``heads`` name: by their living ("herding" for
    herders, pastoralists, nomads; else the word's lemma, "farmer"), by their people
    ("fulani"), or, where ``local``, as the place's own people ("villagers", "youths").
    ``alone``: without the phrases joined by "and" ("farmers" of "farmers and herders")."""
    out: set[str] = set()
    names = people_names()
    for head in heads:
        joined = {t.i for c in head.children if alone and c.dep_ in ("conj", "cc")
                  for t in c.subtree}
        words = [t for t in head.subtree if t.is_alpha and t.i not in joined]
        lowers = [t.lower_ for t in words]
        for k, t in enumerate(words):
            lemma = t.lemma_.lower()
            if t.lower_ in word_class("herding_word") or lemma in word_class("herding_word"):
                out.add("herding")
            elif t.lower_ in word_class("livelihood_word"):
                out.add(lemma)
            elif local and t.lower_ in word_class("local_person"):
                out.add("local")
            pair = " ".join(lowers[k : k + 2])  # "Habar Gidir"
            out.update(w for w in (t.lower_, pair) if w in names)
    return out
