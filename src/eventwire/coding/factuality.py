"""Whether a trigger tells an event that happened: not a threat, a plan, a denial, a
hypothesis, a campaign total, or a death by disease or accident.

>>> is_modal(doc[4])                                 # doctest: +SKIP
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..dates import MONTH_ABBREVIATIONS, WEEKDAYS
from ..lexicon import speech_words
from .numbers import number_value
from .records import TriggerHit
from .syntax import governors
from .words import triggers, vetoes, word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc, Span, Token

PERIOD = re.compile(
    r"\b(since (?:the |its |their |this |a |an )?\w+|(?:over|in|during) the "
    r"(?:past|last|same) (?:\w+ )?(?:years?|months?|weeks?|decades?|period)|so far|to date|"
    r"this year|last year|in recent (?:weeks|months|years)|each year|every year|"
    r"a year|per year|annually|(?:in|over|during) (?:that|this) (?:time|period)|since then|"
    r"over the years|for (?:more than |over |nearly |almost )?(?:\w+ )?"
    r"(?:years|decades|months|weeks)|"
    # "in the first six months of the year", "during a week of protests"
    r"(?:in|during|over) the first (?:\w+ )?(?:weeks|months|half|quarter)|"
    r"(?:during|over) (?:a|one|two|three|four|five|six|several) (?:weeks?|months?) of)\b",
    re.I,
)


# Words that set a sentence in the background of the news: a stretch of time ("this
# month", "for weeks"), a state reached before ("had already seen"), or a day counted from
# another event ("three days after soldiers and militants fought"). One event recalled
# ("last month, the group ambushed a convoy", "earlier this month") is no background.
_BACKDROP = re.compile(
    r"\b(?:(?<!earlier )(?:this|past) (?:month|week)|for (?:weeks|months)|already|"
    r"in recent days|\w+ (?:days|weeks) (?:after|before))\b",
    re.IGNORECASE,
)


def backdrop(sentence: str) -> bool:
    """The sentence tells background: a period (``PERIOD``) or a backdrop phrase."""
    return bool(PERIOD.search(sentence) or _BACKDROP.search(sentence))


def said_when(start: int, end: int, doc: Doc) -> bool:
    """The date at ``start:end`` is when something was said, not when it happened: "an
    army spokesman said in a statement on Sunday", "police told reporters on Monday"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    if tok.dep_ == "pobj":
        tok = tok.head  # the preposition: "on"
    gov = tok.head
    if gov.i == tok.i:
        return False
    verbs, _, nouns = speech_words()
    if gov.pos_ == "NOUN" and gov.lemma_.lower() in nouns:
        return True  # "in a statement on Sunday"
    return gov.pos_ == "VERB" and gov.lemma_.lower() in verbs


def protest_topic(hit: TriggerHit, doc: Doc) -> bool:
    """What a demonstration is against or for, not an event of it: "protested against the
    arrest of a journalist", "rallied over the killing of a student", "demanding the
    release of their leader". The arrest or killing may be an event of its own, told
    elsewhere; inside the protest's words it is only the cause."""
    return hit.entry.cls != "protest" and in_protest_topic(doc[hit.j - 1])


def in_protest_topic(tok: Token) -> bool:
    """``tok`` lies in the words of what a demonstration is against or for."""
    chain = [tok, *governors(tok, 5)]
    for k, t in enumerate(chain[1:], start=1):
        below = chain[k - 1]
        topic = (below.dep_ == "pobj" and t.lower_ in word_class("protest_topic_prep")) or (
            t.lemma_.lower() in word_class("protest_topic_verb") and below.dep_ in ("dobj", "pobj")
        )
        if topic and any(_protest_word(g) or _holds_protest(g) for g in (t, *governors(t, 2))):
            return True
    return False


def antecedent(tok: Token) -> bool:
    """``tok`` names what came before the event and led to it, as the object of "after",
    "following" or "since" ("protested ... following a riot at the colony last month",
    "after the riots in the prisons the week before"): background, not the event."""
    cur = tok
    for _ in range(3):
        while cur.dep_ == "conj" and cur.head.i != cur.i:
            cur = cur.head  # "the protests and riots": the first conjunct's place
        if cur.dep_ in ("pobj", "dobj") and cur.head.lower_ in word_class("antecedent_prep"):
            return True
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return False


def _protest_word(tok: Token) -> bool:
    """A demonstration trigger starts at ``tok``, all its words written ("march", "took to
    the streets"; not "took" in "took control")."""
    if tok.ent_type_ in ("DATE", "TIME"):
        return False  # "On 13 March": the month
    doc = tok.doc
    for t in triggers().get(tok.lemma_.lower(), ()):
        words = doc[tok.i : tok.i + len(t.lemmas)]
        if t.cls == "protest" and tuple(w.lemma_.lower() for w in words) == t.lemmas:
            return True
    return False


def _holds_protest(tok: Token) -> bool:
    """A verb whose object is a demonstration, or that is done in protest: "held a march
    over the killing", "organised a sit-in ... in protest at the killing"."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    for c in tok.children:
        if c.dep_ == "dobj" and _protest_word(c):
            return True
        if c.lower_ == "in" and any(g.dep_ == "pobj" and _protest_word(g) for g in c.children):
            return True  # "in protest", "in a march"
    return False


# Words that date a past-perfect clause before the news ("had overrun a week earlier").
_EARLIER = frozenset({"earlier", "before", "previously", "ago"})


def _recalled_clause(tok: Token) -> bool:
    """A relative clause in the past perfect that dates its act before the news ("a town
    the militants had overrun a week earlier"): what is told is the news, not this."""
    verb = tok if tok.dep_ == "relcl" else tok.head if tok.head.dep_ == "relcl" else None
    if verb is None or not any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
        return False
    return any(t.lower_ in _EARLIER for t in verb.subtree)


def is_modal(tok: Token, trigger: range = range(0)) -> bool:
    """Threats, vows, plans, denials, hypotheticals and futures govern this token.

    Words of the trigger itself ("pledge allegiance") do not count as governors.
    """
    if tok.head.lower_ == "without" or denied(tok):
        return True  # "withdrew without any fighting", "no fighting has been reported"
    if _recalled_clause(tok):
        return True
    chain = [tok] + [t for t in governors(tok, 6) if t.i not in trigger]
    for k, t in enumerate(chain):
        if k > 0 and t.lower_ == "without":
            return True  # "talks ended without agreement on a ceasefire"
        if any(c.dep_ == "neg" for c in t.children) and t.pos_ in ("VERB", "AUX", "NOUN"):
            # "did not attack", "no attack": but "killing ... who did not ..." is far up.
            if k <= 1:
                return True
        if k > 1 and t.lemma_.lower() in word_class("court_verb") and any(
                c.lower_ == "for" and c.dep_ == "prep" for c in chain[1:k]):
            return True  # "sentenced three men for the rape of women in 1994": a trial's
        if t.lemma_.lower() in word_class("modal_head") and k > 0:
            if k == 1 and _told_before_appeal(tok, t):
                return False
            if t.lemma_.lower() in word_class("attempt_verb") and any(
                    c.dep_ == "advcl" and c.tag_ == "VBG"
                    for c in [*chain[:k], *(tok.doc[i] for i in trigger)]):
                return False  # "tried to storm the assembly, throwing rocks": they threw
            return True
        if (
            t.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "aux" and c.lower_ in word_class("modal_aux") for c in t.children)
            and k <= 4
        ):
            return True
        if any(c.dep_ == "mark" and c.lower_ in word_class("condition_mark") for c in t.children):
            return True
        if t.pos_ == "VERB" and k > 0:
            if t.dep_ == "xcomp" and t.head.lemma_.lower() in _AHEAD:
                return True  # "hours before they were due to address a rally": not yet
            if t.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in word_class("concurrent_mark")
                for c in t.children
            ):
                continue  # "would stay closed while teams searched": the main verb decides
            if t.dep_ == "pcomp" and t.head.lower_ == "for" and (
                    t.head.head.lemma_.lower() in word_class("court_verb")):
                return True  # "jailed ... for assaulting officers during the riot": a trial's
            break  # the first governing verb decides; reported speech above it does not
    return False


# Heads of a clause of what is still ahead ("were due to address a rally", "plan to hold
# a march"); "tried to hold a rally" is no such head: the attempt was made.
_AHEAD = frozenset({"due", "plan", "intend", "expect", "prepare", "schedule", "set"})


def denied(tok: Token) -> bool:
    """The word counts nothing that happened: "no fighting", "no deaths or injuries",
    "neither injuries nor fatalities were reported", "nobody was killed or injured",
    "none of the soldiers were wounded"."""
    first = tok
    while first.dep_ == "conj" and first.head is not first:
        first = first.head  # "no deaths or injuries": the "no" is the first's
    zero = word_class("zero_word")
    if any(c.dep_ in ("det", "preconj") and c.lower_ in zero for c in first.children):
        return True
    if first.pos_ not in ("VERB", "AUX"):
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (c.lower_ in zero or any(d.dep_ == "det" and d.lower_ in zero for d in c.children))
        for c in first.children
    )


def _told_before_appeal(tok: Token, head: Token) -> bool:
    """A clause in the past tense with its own subject that the parser hung on an appeal
    ("students protested ..., the students also called for financial help"): a fact told
    before the appeal, not what was called for."""
    return (
        tok.dep_ == "ccomp"
        and tok.tag_ == "VBD"
        and head.lemma_.lower() in word_class("appeal_head")
        and any(c.dep_ == "nsubj" for c in tok.children)
        and tok.i < head.i
    )


# Periods that stretch over time, whatever the tense: "detained 1,850 people during a week
# of unrest", "killed 900 in the first three months" ("since" with a past tense is
# as often one date: "took the villages since 30 May").
_SPAN_START = re.compile(r"(?:over|during|in the (?:past|last|first))\b", re.I)


def _periods(sent: Span) -> Iterator[tuple[str, Token | None]]:
    """Each period phrase of the sentence and its first token (None where the phrase
    starts inside a token)."""
    starts = {t.idx: t for t in sent}
    for m in PERIOD.finditer(sent.text):
        yield m.group(), starts.get(sent.start_char + m.start())


def _periods_elsewhere(verb: Token, sent: Span) -> bool:
    """Every period phrase of the sentence lies in a clause of its own under ``verb``
    (a relative clause: "the town, which insurgents had held for four months"): the
    period is that clause's, not the verb's."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    found = False
    for _, tok in _periods(sent):
        if tok is None:
            return False
        found = True
        clause = tok.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if clause.i == verb.i or clause.dep_ != "relcl" or verb not in clause.ancestors:
            return False
    return found


def _spans_a_period(verb: Token, sent: Span) -> bool:
    """Whether a period phrase that stretches over time hangs on ``verb`` itself."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    for phrase, tok in _periods(sent):
        if not _SPAN_START.match(phrase):
            continue
        if tok is not None and tok.head.i == verb.i and tok.dep_ in ("prep", "mark", "advmod"):
            return True
    return False


# A year or a decade named as the time of what a sentence tells: "In 2014, ...", "the
# fighting of the 1990s", "since 2011", "back in 2009".
YEAR_TOLD = re.compile(
    r"\b(?:in|during|of|by|from|until|between|back in)\s+(?:the\s+)?"
    r"(?:early\s+|late\s+|mid-?)?((?:19|20)\d\d)(s|'s)?\b",
    re.I,
)
# How many calendar years before the report a year must lie for what it dates to be
# history: a report of last year's events may be a late first report, one of events two
# or more years back is background.
HISTORY_YEARS = 2


def told_as_history(sentence: str, published: str | None) -> bool:
    """The sentence dates what it tells to a year two or more years before the report.

    >>> told_as_history("In 2014, fighters overran the town.", "2025-03-14")
    True
    >>> told_as_history("In 2024, fighters overran the town.", "2025-03-14")
    False
    """
    if not published or not published[:4].isdigit():
        return False
    years = [int(m.group(1)) for m in YEAR_TOLD.finditer(sentence)]
    if not years:
        return False
    return int(published[:4]) - max(years) >= HISTORY_YEARS


# One day named: "on Sunday", "on 4 May", "overnight", "yesterday". Many blasts or shells
# counted on one day at one place are one barrage (ACLED codes it as one event), not a tally.
@functools.lru_cache(maxsize=1)
def _one_day() -> re.Pattern[str]:
    """The pattern of one day named, built from the calendar's names and the
    ``one_day_phrase`` words."""
    days = "|".join(sorted(WEEKDAYS))
    months = "|".join(MONTH_ABBREVIATIONS)
    phrases = "|".join(
        re.escape(w).replace(r"\ ", " ") for w in sorted(word_class("one_day_phrase"))
    )
    return re.compile(
        rf"\b(?:(?:on|of) (?:the )?(?:(?:{days})|"
        rf"\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{months})\w*|"
        rf"(?:{months})\w* \d{{1,2}}\b)|{phrases})",
        re.IGNORECASE,
    )


# Words of things fired or set off: counted, they are projectiles of one attack.
_PROJECTILE_TYPES = frozenset({
    "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade",
})


def is_aggregate(hit: TriggerHit, doc: Doc, sent: Span) -> bool:
    """Campaign totals ("more than 100 strikes in the past year") are claims, not events."""
    tok = doc[hit.j - 1]
    if tok.dep_ in ("compound", "amod") and tok.head.i != tok.i and tok.head.i >= hit.j:
        # "at least 15 bomb attacks": the word names the kind of a counted thing.
        head_hit = TriggerHit(tok.head.i, tok.head.i + 1, 0, 0, "", hit.entry)
        if tok.head.tag_ == "NNS" and is_aggregate(head_hit, doc, sent):
            return True
    if hit.entry.cls == "kill" and tok.pos_ == "VERB" and _running_total(tok):
        return True  # "the army says it has killed thousands of insurgents"
    if hit.entry.cls in ("kill", "injure") and not PERIOD.search(sent.text):
        return False  # "15 fatalities", "12 deaths": a count of people, not of events
    if PERIOD.search(sent.text):
        # "over the past year, forces have captured more than 300": a running total.
        verb = tok
        while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "have captured 300 and killed over 20": the "have" is shared
        if verb.pos_ == "NOUN" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "has seen intense fighting since early last year"
        if _periods_elsewhere(verb, sent):
            return False  # "retook Palma, which insurgents had held for four months"
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
        # A count under the verb ("captured more than 300"); a crowd's size is no tally
        # ("more than a thousand IDPs demonstrated ..., denouncing months without aid").
        counted = hit.entry.cls != "protest" and any(t.dep_ == "quantmod" for t in tok.subtree)
        if tok.tag_ == "NNS" or perfect or counted or _spans_a_period(verb, sent):
            return True
    if tok.tag_ != "NNS" or hit.entry.cls == "protest":
        return False  # "about 400 protesters gathered": a crowd's size, not a tally
    barrage = hit.entry.sub_event_type in _PROJECTILE_TYPES and _one_day().search(sent.text)
    for c in tok.children:
        if (c.like_num or c.dep_ == "nummod") and not barrage:
            v = number_value(c)
            if v is None or v >= 10 or any(q.dep_ == "quantmod" for q in c.children):
                return True
    has_det = any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)
    head = tok.head
    if not has_det and tok.dep_ == "dobj" and head.tag_ in ("VB", "VBP", "VBZ"):
        return True  # a generic plural: "those who plot attacks on our troops"
    if (
        not has_det
        and tok.dep_ == "pobj"
        and head.lower_ in word_class("generic_prep")
        and (
            head.head.pos_ in ("ADJ", "VERB")
            or head.head.lemma_.lower() in word_class("perpetrator_title")
        )
    ):
        return True  # "a commander responsible for roadside bomb attacks", "accused of raids"
    return False


def _running_total(verb: Token) -> bool:
    """A perfect tense with a round, vague count: "has killed thousands", "have arrested
    hundreds": a tally over time, not one event."""
    if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ == "dobj":
            words = {t.lower_ for t in c.subtree}
            if words & word_class("vague_plural"):
                return True
    return False


def nonviolent(sent: Span) -> str | None:
    """Why a sentence's tolls are not political violence: "topic" (sport, markets: nothing
    in it is an event), "cause" (a storm or a crash killed: its deaths are no event),
    "beast" (an animal or a heart attack did the harm: neither its attack nor its deaths
    are an event), None.
    """
    causes, topics, cause_verbs, weak = vetoes()
    if any(_beast_doer(t) for t in sent):
        return "beast"  # "a shark attack", "killed by an elephant": nature, not violence
    lemmas = {t.lemma_.lower() for t in sent}
    strong = len(lemmas & topics)
    if strong and strong + len(lemmas & weak) >= 2:
        return "topic"
    # Causes are things, not acts: "a storm killed", but "fighters stormed".
    # Common nouns only: "Northern Storm Brigade" is a name, not weather.
    nouns = {t.lemma_.lower() for t in sent if t.pos_ == "NOUN"}
    verbs = {t.lemma_.lower() for t in sent if t.pos_ == "VERB"}
    if bool(nouns & causes or verbs & cause_verbs) and not any(
        t.lemma_.lower() in word_class("violence_word") for t in sent
    ):
        return "cause"
    return None


def _beast_doer(tok: Token) -> bool:
    """An animal, lightning or a bodily cause does the harm: "a shark attack", "an
    elephant attacked and killed", "killed by a crocodile", "lightning struck a house",
    "died of a heart attack"."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in word_class("beast_word"):
        return False
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "by":
        head = head.head  # "killed by a crocodile"
    elif tok.dep_ not in ("nsubj", "compound"):
        return False
    lemma = head.lemma_.lower()
    return lemma in word_class("harm_verb") or lemma in word_class("kill_word") or lemma in (
        "maul", "trample", "bite", "strike")
