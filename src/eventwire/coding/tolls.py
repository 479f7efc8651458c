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
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .decision_cards import DecisionCard
from .numbers import count_phrase, number_word
from .records import Draft, Toll
from .victims import counts_animals_only, victim_head
from .words import word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Span, Token

# The rules that settle a count are cards (``decision_cards.DecisionCard``), asked in
# order: ``SKIP_CARDS`` (a toll word that counts nobody hit: any that fires skips it),
# the victims of ``victims.VICTIM_CARDS``, ``CAP_CARDS`` (a figure that is no count of
# people),
# ``SENTENCE_CARDS`` (zeros and totals stated in the sentence) and ``SETTLE_CARDS`` (the
# count of an event from its tolls: the first that answers decides).
CARD_LISTS = (
    "SKIP_CARDS", "CAP_CARDS", "SENTENCE_CARDS", "SETTLE_CARDS",
)  # fmt: skip


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
    if finds_the_dead(tok, ("nsubjpass", "dobj")):
        return "killed"  # "the body of a man was found": the dead found are counted
    if lemma in word_class("hurt_verb") and tok.pos_ == "VERB" and _hurt_not_killed(tok):
        # "was shot in the leg", "2 staff beaten", "stabbed by three men": hurt, not killed.
        return "injured"
    return None


def finds_the_dead(verb: Token, deps: tuple[str, ...] = ("dobj",)) -> bool:
    """A verb of finding whose object (of the given dependencies) is a dead body ("found
    the body of a woman", "two corpses were recovered")."""
    body = word_class("body_noun")
    return verb.lemma_.lower() in word_class("found_verb") and any(
        c.dep_ in deps and (c.lemma_.lower() in body or c.lower_ in body)
        for c in verb.children
    )


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


def draft_tolls(draft: Draft, kind: str) -> list[Toll]:
    return [t for f in draft.frames for t in f.tolls if t.kind == kind]


SkipRule = Callable[["Token", str, "DecisionCard[Any]"], bool]
CapRule = Callable[[int | None, "DecisionCard[Any]"], int | None]
SentenceRule = Callable[["Span", "DecisionCard[Any]"], list[Toll]]
# A settled count: (value, low, high, the toll it came from).
Settled = tuple[int | None, int | None, int | None, Toll | None]
SettleRule = Callable[[list[Toll], "DecisionCard[Any]"], Settled | None]


def find_tolls(sent: Span) -> list[Toll]:
    """Killed and injured counts in one sentence (a spaCy Span), in text order."""
    out: list[Toll] = []
    for tok in sent:
        kind = toll_kind(tok)
        if kind is None or any(card.rule(tok, kind, card) for card in SKIP_CARDS):
            continue
        head = victim_head(tok)
        if head is None:
            out.append(Toll(kind, None, None, None, tok.idx, tok.idx + len(tok.text), tok.i))
            continue
        value, low, high, qualifier, s, e = count_phrase(_body_owner(head))
        for cap in CAP_CARDS:
            value = cap.rule(value, cap)
        out.append(Toll(kind, value, low, high, s, e, tok.i, qualifier))
    for stated in SENTENCE_CARDS:
        out.extend(stated.rule(sent, stated))
    return out


def _body_owner(head: Token) -> Token:
    """Whose body a body noun is ("the bodies of two men": men), counted in its place; the
    body noun itself when it names nobody ("three bodies")."""
    if head.lemma_.lower() not in word_class("body_noun") and head.lower_ not in word_class(
        "body_noun"
    ):
        return head
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            owner = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if owner is not None:
                return owner
    return head


def conservative_count(tolls: list[Toll]) -> Settled:
    """Conservative count: a stated total, else the largest restated figure (tellings
    repeat, they rarely add); the first of ``SETTLE_CARDS`` that answers decides."""
    numbered = [t for t in tolls if t.value is not None]
    if numbered:
        for card in SETTLE_CARDS:
            settled = card.rule(numbered, card)
            if settled is not None:
                return settled
    return None, None, None, None


# ---- Toll words that count nobody hit ----


def _negated(word: Token, kind: str, card: DecisionCard[Any]) -> bool:
    if any(c.dep_ == "neg" for c in word.children):
        return True
    head = word.head
    if word.dep_ in ("dobj", "pobj", "nsubjpass") and any(c.dep_ == "neg" for c in head.children):
        return True
    return False


def _attempted(word: Token, kind: str, card: DecisionCard[Any]) -> bool:
    head = word.head
    return word.dep_ == "xcomp" and head.lemma_ in word_class("attempt_verb")


def _animals_only(word: Token, kind: str, card: DecisionCard[Any]) -> bool:
    return counts_animals_only(word)


def _wounded_then_died(word: Token, kind: str, card: DecisionCard[Any]) -> bool:
    return kind == "injured" and any(
        c.lemma_.lower() in word_class("death_verb") for c in word.conjuncts
    )


# ---- The number when no victims were found, and figures that are no count ----


def _not_a_count(value: int | None, card: DecisionCard[Any]) -> int | None:
    if value is not None and value > card.thresholds["cap"]:
        return None  # a year or an amount of money, not people
    return value


# ---- What a sentence states outright ----


def _explicit_zero(sent: Span, card: DecisionCard[Any]) -> list[Toll]:
    return find_zero_tolls(sent.text, sent.start_char)


def _stated_total(sent: Span, card: DecisionCard[Any]) -> list[Toll]:
    return find_stated_totals(sent.text, sent.start_char)


# ---- The count of an event from its tolls ----


def _stated_total_wins(numbered: list[Toll], card: DecisionCard[Any]) -> Settled | None:
    stated = [t for t in numbered if t.qualifier in ("total", "stated")]
    if not stated:
        return None
    top = max(stated, key=lambda t: (t.qualifier == "total", t.start))  # the last "total"
    return top.value, None, None, top


def _largest_figure(numbered: list[Toll], card: DecisionCard[Any]) -> Settled | None:
    best = max(numbered, key=lambda t: t.value or 0)
    return best.value, best.low, best.high, best


# ---- The cards, in the order they are asked ----

SKIP_CARDS: tuple[DecisionCard[SkipRule], ...] = (
    DecisionCard(
        "negated_toll",
        "fatalities and injuries",
        "a toll word",
        "the toll word, or the verb it is the object of, is negated",
        "A killing denied counts nobody: 'the soldiers were not killed'.",
        _negated,
        fires=(
            (
                "Gunmen attacked a police post near Gusau on Monday but did not kill the three "
                "officers on duty.",
                {"fatalities": 0},
            ),
            (
                "Gunmen fired on a bus near Gusau on Monday, but the 30 passengers were not hurt.",
                {"injuries": None},
            ),
        ),
        not_fires=(
            (
                "Gunmen attacked a bus near Gusau on Monday; the driver was killed.",
                {"fatalities": 1},
            ),
        ),
    ),
    DecisionCard(
        "attempted_toll",
        "fatalities and injuries",
        "a toll word",
        "the toll verb completes a verb of trying or failing",
        "A killing tried is no killing: 'gunmen tried to kill the mayor'.",
        _attempted,
        fires=(
            (
                "Gunmen stormed a village near Gusau on Monday and tried to kill two elders.",
                {"fatalities": 0},
            ),
            (
                "Gunmen attacked a police post near Gusau on Monday and failed to kill three "
                "officers.",
                {"fatalities": 0},
            ),
        ),
        not_fires=(
            (
                "Gunmen killed two traders in Gusau on Monday.",
                {"fatalities": 2},
            ),
        ),
    ),
    DecisionCard(
        "animals_only",
        "fatalities and injuries",
        "a toll word",
        "the only victims the toll word names are animals",
        "Livestock killed are no fatalities: 'raiders shot dead 20 camels'.",
        _animals_only,
        fires=(
            (
                "Raiders shot dead 20 camels at a watering point near Wajir on Monday and "
                "drove off the rest.",
                {"fatalities": 0},
            ),
        ),
        not_fires=(
            (
                "Raiders shot dead two herders at a watering point near Wajir on Monday.",
                {"fatalities": 2},
            ),
        ),
    ),
    DecisionCard(
        "wounded_then_died",
        "injuries",
        "a toll word",
        "an injury word joined to a verb of dying",
        "One wounded who died is a death, not an injury: 'was wounded and later died'.",
        _wounded_then_died,
        fires=(
            (
                "A trader was wounded and later died in hospital after gunmen attacked a "
                "market in Gusau on Monday.",
                {"fatalities": 1, "injuries": None},
            ),
        ),
        not_fires=(
            (
                "A trader was wounded when gunmen attacked a market in Gusau on Monday.",
                {"fatalities": 0, "injuries": 1},
            ),
        ),
    ),
)

CAP_CARDS: tuple[DecisionCard[CapRule], ...] = (
    DecisionCard(
        "not_a_count",
        "fatalities and injuries",
        "a figure read for a toll word",
        "a figure over the cap",
        "A figure past a hundred thousand is a year or money, not people: 'killed in 2019'.",
        _not_a_count,
        fires=(
            (
                "The war in Yemen has killed more than 150,000 people, and fighting near Marib "
                "killed four soldiers on Monday.",
                {"fatalities": 4},
            ),
        ),
        not_fires=(
            (
                "Fighting near Marib killed four soldiers on Monday.",
                {"fatalities": 4},
            ),
        ),
        thresholds={"cap": 100_000},
    ),
)

SENTENCE_CARDS: tuple[DecisionCard[SentenceRule], ...] = (
    DecisionCard(
        "explicit_zero",
        "fatalities and injuries",
        "a sentence",
        "'no casualties', 'no one was killed' and the like",
        "A report that nobody died is a count of zero: 'no casualties were reported'.",
        _explicit_zero,
        fires=(
            (
                "A drone strike hit a power station in Port Sudan on Monday, causing a fire "
                "but no casualties.",
                {"injuries": 0},
            ),
        ),
        not_fires=(
            (
                "A drone strike hit a power station in Port Sudan on Monday, causing a fire.",
                {"injuries": None},
            ),
        ),
    ),
    DecisionCard(
        "stated_total",
        "fatalities",
        "a sentence",
        "a toll stated as a total ('the death toll rose to', 'a total of')",
        "A total the report states is read as one: 'the death toll rose to 12'.",
        _stated_total,
        fires=(
            (
                "A missile strike hit an apartment block in Dnipro on Monday; the death toll "
                "stands at 9.",
                {"fatalities": 9},
            ),
        ),
        not_fires=(
            (
                "A missile strike hit an apartment block in Dnipro on Monday, killing four people.",
                {"fatalities": 4},
            ),
        ),
    ),
)

SETTLE_CARDS: tuple[DecisionCard[SettleRule], ...] = (
    DecisionCard(
        "stated_total_wins",
        "fatalities and injuries",
        "the tolls of an event",
        "a stated total among the figures: the last 'total' first, else the last stated",
        "A stated total wins over the sum of its parts: 'the death toll rose to 12'.",
        _stated_total_wins,
        fires=(
            (
                "Gunmen killed eight villagers near Gusau on Monday; officials later said the "
                "death toll stood at five.",
                {"fatalities": 5},
            ),
        ),
        not_fires=(
            (
                "Gunmen killed eight villagers near Gusau on Monday; five of them were farmers.",
                {"fatalities": 8},
            ),
        ),
    ),
    DecisionCard(
        "largest_figure",
        "fatalities and injuries",
        "the tolls of an event",
        "no stated total: the largest figure",
        "Tellings repeat a toll, they rarely add to it: 'killed three' and then "
        "'the three dead' is 3.",
        _largest_figure,
        fires=(
            (
                "Gunmen killed three farmers near Gusau on Monday. The three farmers were "
                "buried on Tuesday.",
                {"fatalities": 3},
            ),
        ),
        not_fires=(
            (
                "Gunmen killed eight villagers near Gusau on Monday; officials later said the "
                "death toll stood at five.",
                {"fatalities": 5},
            ),
        ),
    ),
)
