"""How many were killed and injured, by ACLED's conservative rules.

Counts are read from the dependency parse around a toll word ("killed", "wounded",
"dead", "casualties"): the victims' noun phrase is counted, conjoined groups are added
("two soldiers and an interpreter" is 3), vague words take the values of
``data/quantities.tsv`` ("dozens" is 12), a range gives low and high, and killed and
injured are never added together.

>>> doc = nlp("Gunmen killed two soldiers and a police officer.")  # doctest: +SKIP
>>> [(t.kind, t.value) for t in find_tolls(doc)]                  # doctest: +SKIP
[('killed', 3)]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .numbers import count_phrase, number_word, part_of_a_date, quantity_words
from .records import Draft, Toll
from .words import word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Span, Token


def _victim_head(word: Token) -> Token | None:
    """The noun phrase a toll word counts."""
    if word.dep_ in ("compound", "amod") and word.lower_ in word_class("death_modifier"):
        return None  # "death threats"
    if word.pos_ in ("VERB", "AUX") or word.tag_.startswith("VB"):
        found = _verb_arguments(word, list(word.children))
        return found if found is not None else _verb_chain(word)
    if word.lower_ in word_class("toll_adjective"):
        return _counted_by_adjective(word, list(word.children))
    return _counted_by_noun(word, list(word.children))


def _verb_arguments(word: Token, children: list[Token]) -> Token | None:
    """The victims among a toll verb's own arguments."""
    for dep in ("nsubjpass", "dobj", "attr", "oprd"):
        for c in children:
            if c.dep_ == dep and not (dep == "oprd" and c.pos_ == "ADJ") and not part_of_a_date(c):
                return c  # "shot dead": "dead" says how, not who
    if word.lemma_ in word_class("death_verb"):
        # "three members died", "a fighter succumbed to his wounds": the subject.
        for c in children:
            if c.dep_ == "nsubj":
                return c
    if word.tag_ in ("VBD", "VBZ", "VBP") and word.lemma_ not in word_class("death_verb"):
        # "announced a strike on Friday killed X": the parser takes X, after an active
        # verb, for its subject; a subject after its verb is the object.
        for c in children:
            if c.dep_ == "nsubj" and c.i > word.i and c.pos_ in ("PROPN", "NOUN", "NUM"):
                return c
    if word.dep_ == "conj" and not any(c.dep_ in ("dobj", "attr") for c in children):
        # "12 civilians were killed and 30 others injured", "five dead and eleven
        # wounded": a counted subject of its own is this clause's victims.
        for c in children:
            if (
                c.dep_ == "nsubj"
                and c.i < word.i
                and (
                    c.like_num
                    or c.pos_ == "NUM"
                    or c.lower_ in quantity_words()
                    or any(g.dep_ == "nummod" or g.like_num for g in c.children)
                )
            ):
                return c  # also "14 killed and dozens wounded"
    return None


def _verb_chain(word: Token) -> Token | None:
    """The victims of a toll verb joined to others ("was shot and killed"), of a reduced
    passive ("1 staff killed"), or the noun a participle describes ("two soldiers killed")."""
    # "was shot and killed", "1 staff shot and killed": the first verb's arguments count.
    verb = word
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
        for c in verb.children:
            if c.dep_ == "nsubjpass" or (
                c.dep_ == "dobj" and verb.lemma_ in word_class("harm_verb")
            ):
                return c
    if verb.dep_ == "advcl" and verb.tag_ == "VBN":
        # "was attacked, stabbed and killed": the first participle's subject.
        for c in verb.head.children:
            if c.dep_ == "nsubjpass":
                return c
    for c in verb.children:
        if c.dep_ == "nummod" and c.i < verb.i:
            return c  # "1 UN staff driver shot and killed", parsed as a number on the verb
    if word.lemma_ not in word_class("death_verb"):
        # Telegraphese reduced passive: "1 national staff killed, 2 wounded".
        has_object = any(c.dep_ in ("dobj", "attr") for c in verb.children) or (
            word.i + 1 < len(word.doc)
            and word.nbor(1).pos_ in ("NUM", "DET", "PROPN")
            and word.nbor(1).ent_type_ != "DATE"
        )
        for c in verb.children:
            if c.dep_ == "nsubj" and c.i < verb.i and not has_object and _victim_like(c):
                return c
    if word.dep_ in ("oprd", "xcomp", "acomp", "ccomp") and word.head.lemma_ == "find":
        for c in word.head.children:  # "was found killed", "found dead"
            if c.dep_ in ("nsubjpass", "dobj"):
                return c
    # "two soldiers killed", "the individual killed": the participle modifies the victims.
    if word.dep_ in ("acl", "amod", "relcl") and word.tag_ == "VBN":
        head = word.head
        if (
            head.dep_ == "pobj"
            and head.head.lower_ == "of"
            and not any(c.dep_ == "nummod" or c.like_num for c in head.children)
            and head.head.head.pos_ in ("NOUN", "PROPN")
        ):
            return head.head.head  # "2 staff of the local partners killed": the staff
        return head
    # "killing himself and three others"; "left five dead"
    return None


def _counted_by_adjective(word: Token, children: list[Token]) -> Token | None:
    """ "two dead", "five people were injured", "was found dead", "left five dead"."""
    if word.dep_ in ("amod", "acl") and word.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        return word.head
    for c in children:
        if c.dep_ in ("nummod", "npadvmod", "quantmod") or c.like_num:
            return c
    if word.head.lemma_ == "find":
        finder = word.head
        while True:  # "was found dead"; "was stabbed ... and found dead"
            for c in finder.children:
                if c.dep_ in ("nsubjpass", "dobj") and not part_of_a_date(c):
                    return c
            if finder.dep_ != "conj":
                break
            finder = finder.head
    # "left five dead": the number is the verb's object, "dead" its complement;
    # "twelve people are confirmed dead": the passive verb's subject.
    if word.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "advcl"):
        for c in word.head.children:
            if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.i < word.i and not part_of_a_date(c):
                return c
    return None


def _counted_by_noun(word: Token, children: list[Token]) -> Token | None:
    """ "three deaths", "the death toll rose to 12", "5 fatalities", "no casualties",
    "the killing of one fighter", "the deaths of two soldiers"."""
    for c in children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    for c in children:
        if c.dep_ in ("nummod", "det") or c.like_num:
            if c.dep_ == "det" and c.lower_ not in ("no",):
                continue
            return word if c.dep_ == "det" else c
    if word.lemma_ == "toll" or (
        word.lemma_ == "death" and any(c.lemma_ == "toll" for c in word.head.children)
    ):
        for t in word.head.subtree:
            if t.like_num and t.i > word.i:
                return t
    return None


def _victim_like(tok: Token) -> bool:
    """A subject that reads as victims: a counted group or a person noun, not an attacker."""
    if tok.lemma_.lower() in word_class("doer") or tok.ent_type_ in ("ORG", "NORP", "GPE"):
        return any(
            c.like_num or c.dep_ == "nummod" for c in tok.children
        ) and tok.lemma_.lower() not in word_class("not_victim")
    return True


def _attempted(word: Token) -> bool:
    """ "failed to assassinate him", "tried to kill": nobody was hit by this verb."""
    head = word.head
    return word.dep_ == "xcomp" and head.lemma_ in word_class("attempt_verb")


def _negated(word: Token) -> bool:
    if any(c.dep_ == "neg" for c in word.children):
        return True
    head = word.head
    if word.dep_ in ("dobj", "pobj", "nsubjpass") and any(c.dep_ == "neg" for c in head.children):
        return True
    return False


_ZERO = re.compile(
    r"\b(?:no|without|not? any|zero)\s+(?:(?:immediate|reported|human|known)\s+)*"
    r"(?P<what>casualties|fatalities|deaths|losses|injuries|one was (?:killed|hurt|injured)|"
    r"one (?:was|were) (?:killed|hurt|injured)|injured|dead)"
    r"|\bno (?:one|body|people) (?:was|were) (?P<what2>killed|hurt|injured|wounded)",
    re.I,
)


_NUMBER = r"(\d+(?:,\d{3})*|[a-z]+(?:-[a-z]+)?)"


# A coder's or reporter's own total: "fatalities coded as 10", "the death toll stands at 12",
# "the death toll from Monday's strike on the market rose to six" (up to 90 characters apart),
# "total fatalities of 42", "for a total of 11 fatalities", "fighters, coded as 10, were
# killed" (the last only in a sentence that speaks of deaths).
_STATED_TOTAL = re.compile(
    r"\b(?:fatalities|deaths|death toll|toll|dead)\b[^.;]{0,90}?\b(?:coded|recorded|counted|"
    r"estimated|put|stands?|stood|rose|risen|climbed|reached|increased)\s+(?:as|at|to)\s*"
    + _NUMBER
    + r"|\btotal (?:number of )?(?:fatalities|deaths|death toll|dead)(?: coded)?"
    r"(?: of| is| was| were| are| stands at| at| to| as|:)?\s+"
    + _NUMBER
    + r"|\b(?:for )?a total of\s+"
    + _NUMBER
    + r"(?= (?:fatalities|deaths|dead|killed|people))"
    r"|\b" + _NUMBER + r" total (?:fatalities|deaths)",
    re.I,
)


_CODED = re.compile(r"\bcoded (?:as|to|at)?\s*" + _NUMBER, re.I)


_DEATH_WORDS = re.compile(
    r"\b(?:killed|killing|dead|died|death|deaths|fatalities|fatality)\b", re.I
)


def find_stated_totals(text: str, offset: int = 0) -> list[Toll]:
    """Explicit totals that override the counts of single phrases."""
    out: list[Toll] = []
    seen: set[int] = set()
    matches = list(_STATED_TOTAL.finditer(text))
    if _DEATH_WORDS.search(text):
        matches += list(_CODED.finditer(text))
    for m in matches:
        value, start = None, None
        for k, group in enumerate(m.groups()):
            if group is not None:
                value, start = number_word(group), m.start(k + 1)
                end = m.end(k + 1)
                break
        if value is None or start is None or start in seen:
            continue
        seen.add(start)
        # "total" outranks a plain "coded as": "coded to 25 in all, the unknown rebel
        # fatalities coded as 10" is 25.
        rank = "total" if "total" in m.group(0).lower() else "stated"
        out.append(Toll("killed", value, None, None, start + offset, end + offset, -2, rank))
    out.sort(key=lambda t: t.start)
    return out


def find_zero_tolls(text: str, offset: int = 0) -> list[Toll]:
    """ "No casualties were reported" and the like: explicit zeros."""
    out: list[Toll] = []
    for m in _ZERO.finditer(text):
        what = (m.group("what") or m.group("what2") or "").lower()
        s, e = m.start() + offset, m.end() + offset
        if any(w in what for w in word_class("zero_loss_stem")):
            out.append(Toll("killed", 0, None, None, s, e, -1))
            out.append(Toll("injured", 0, None, None, s, e, -1))
        elif any(w in what for w in word_class("zero_injury_stem")):
            out.append(Toll("injured", 0, None, None, s, e, -1))
        else:
            out.append(Toll("killed", 0, None, None, s, e, -1))
    return out


def toll_kind(tok: Token) -> str | None:
    """ "killed" or "injured" for a toll word (a lemma of killing or injury, or a form as
    written: "injured", "dead"; "lost two fighters"; "was shot in the leg"), else None."""
    lemma = tok.lemma_.lower()
    lower = tok.lower_
    if lemma in word_class("injure_word") or lower in word_class("injured_form"):
        return "injured"
    if lemma in word_class("kill_word") or lower in word_class("killed_form"):
        return "killed"
    if lemma == "lose" and any(
        c.dep_ == "dobj"
        and c.lemma_.lower() in word_class("counted_person")
        and c.lemma_.lower() != "one"
        for c in tok.children
    ):
        return "killed"  # "the brigade lost two fighters"
    if lemma == "shoot" and any(c.lower_ == "dead" for c in tok.children):
        return "killed"
    if lemma in word_class("hurt_verb") and tok.pos_ == "VERB" and _hurt_not_killed(tok):
        # "was shot in the leg", "2 staff beaten", "stabbed by three men": hurt, not killed.
        return "injured"
    return None


def _hurt_not_killed(tok: Token) -> bool:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
        tok.tag_ == "VBN" and tok.dep_ in ("acl", "ROOT", "conj")
    )
    if not passive:
        return False  # "gunmen shot at a vehicle": who was hit is told elsewhere
    near = [tok, *tok.conjuncts, tok.head, *tok.children]
    return not any(
        t.lemma_.lower() in word_class("death_word") or t.lower_ == "dead"
        for n in near
        for t in [n, *n.children]
    )


def find_tolls(sent: Span) -> list[Toll]:
    """Killed and injured counts in one sentence (a spaCy Span), in text order."""
    out: list[Toll] = []
    for tok in sent:
        kind = toll_kind(tok)
        if kind is None or _negated(tok) or _attempted(tok):
            continue
        if kind == "injured" and any(
            c.lemma_.lower() in word_class("death_verb") for c in tok.conjuncts
        ):
            continue  # "was wounded and later died of his injuries": a death, not an injury
        head = _victim_head(tok)
        if head is None and tok.lemma_ in word_class("object_toll_verb") and tok.tag_ == "VBG":
            # "..., killing 2 fighters": spaCy sometimes hangs the object elsewhere.
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            head = nxt if nxt is not None and (nxt.like_num or nxt.pos_ == "NUM") else None
        if head is None:
            out.append(Toll(kind, None, None, None, tok.idx, tok.idx + len(tok.text), tok.i))
            continue
        value, low, high, qualifier, s, e = count_phrase(head)
        if value is not None and value > 100_000:
            value = None  # a year or an amount of money, not people
        out.append(Toll(kind, value, low, high, s, e, tok.i, qualifier))
    out.extend(find_zero_tolls(sent.text, sent.start_char))
    out.extend(find_stated_totals(sent.text, sent.start_char))
    return out


def draft_tolls(draft: Draft, kind: str) -> list[Toll]:
    return [t for f in draft.frames for t in f.tolls if t.kind == kind]


def conservative_count(tolls: list[Toll]) -> tuple[int | None, int | None, int | None, Toll | None]:
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
