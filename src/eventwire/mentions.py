"""Event mentions: triggers found in a parsed article, grouped into frames with their roles.

A *frame* is one telling of one event inside a sentence: its trigger words ("airstrike",
"killed"), the dates, places, actors and tolls that belong to it. Triggers in one sentence
share a frame unless one sits inside a phrase about a participant ("the gunman responsible
for a December ambush that killed two soldiers" tells a second event). Threats, vows,
plans, denials, hypotheticals and campaign totals are not frames.

>>> frames = find_frames(doc)                  # doctest: +SKIP
>>> frames[0].triggers[0].text                 # doctest: +SKIP
'airstrike'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from typing import Any

from .actors import ActorMention
from .counts import Toll, find_tolls
from .dates import DateMention
from .lexicon import Trigger, read_table, triggers

# Governing words that make what they govern not (yet) an event.
_MODAL_HEADS = {
    "threaten",
    "vow",
    "plan",
    "warn",
    "pledge",
    "promise",
    "intend",
    "deny",
    "prepare",
    "aim",
    "seek",
    "want",
    "urge",
    "demand",
    "fear",
    "prevent",
    "avert",
    "thwart",
    "foil",
    "risk",
    "call",
    "consider",
    "propose",
    "expect",
    "refuse",
    "hope",
    "avoid",
    "plot",
    "inspire",
    "vowed",
    "attempt",
    "try",
    "resist",
}
_MODAL_AUX = {"will", "would", "could", "might", "may", "shall", "should", "must", "'ll", "can"}
_PERIOD = re.compile(
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
_PARTICIPANT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "conj"}
_TIME_MARKS = {"after", "before", "since", "until"}
_HEDGES = {
    "briefly",
    "partial",
    "partially",
    "parts",
    "part",
    "majority",
    "towards",
    "toward",
    "temporarily",
    "attempted",
    "attempt",
    "tried",
    "some",
}
_DEFINITE = {"the", "that", "this", "these", "those", "its", "their", "his", "her"}


@dataclass(slots=True)
class TriggerHit:
    """A lexicon entry matched at tokens ``i:j``."""

    i: int
    j: int
    start: int
    end: int
    text: str
    entry: Trigger


@dataclass(slots=True)
class Frame:
    """One telling of one event in one sentence."""

    sent_i: int
    sent_start: int
    sent_end: int
    triggers: list[TriggerHit]
    tolls: list[Toll] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[Any] = field(default_factory=list)  # places.PlaceMention
    actors: list[ActorMention] = field(default_factory=list)
    agents: list[ActorMention] = field(default_factory=list)
    patients: list[ActorMention] = field(default_factory=list)
    victim_words: list[str] = field(default_factory=list)
    gainers: list[ActorMention] = field(default_factory=list)  # who took territory
    supporters: list[ActorMention] = field(default_factory=list)  # "backed by", "loyal to"
    allies: list[ActorMention] = field(default_factory=list)  # actor1's side, not helpers
    allies_b: list[ActorMention] = field(default_factory=list)  # actor2's side
    hedged: bool = False  # "briefly captured", "partial control": no change of hands
    anaphoric: bool = False
    main_clause: bool = True  # the frame hangs off the sentence root, not off a participant
    tokens: set[int] = field(default_factory=set)

    @property
    def start(self) -> int:
        return min(t.start for t in self.triggers)

    @property
    def weight(self) -> float:
        return max(t.entry.weight for t in self.triggers)

    def classes(self) -> set[str]:
        return {t.entry.cls for t in self.triggers}


@functools.lru_cache(maxsize=1)
def vetoes() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(cause nouns, topic words, cause verbs, weak topic words) of ``data/vetoes.tsv``."""
    rows = read_table("vetoes.tsv")
    return (
        frozenset(r["word"] for r in rows if r["context"] == "cause"),
        frozenset(r["word"] for r in rows if r["context"] == "topic"),
        frozenset(r["word"] for r in rows if r["context"] == "cause_verb"),
        frozenset(r["word"] for r in rows if r["context"] == "topic_weak"),
    )


def _match_at(trig: Trigger, i: int, lemmas: list[str], lowers: list[str], pos: list[str]) -> int:
    """End token of ``trig`` matched from token i (one adjective may intervene), or 0."""
    k, n = i, len(lemmas)
    for m, want in enumerate(trig.lemmas):
        if k >= n:
            return 0
        if want not in (lemmas[k], lowers[k]):
            # "established full control": one adjective or determiner may sit inside.
            if (
                m == 0
                or k + 1 >= n
                or pos[k] not in ("ADJ", "DET")
                or want not in (lemmas[k + 1], lowers[k + 1])
            ):
                return 0
            k += 1
        k += 1
    return k


def match_triggers(doc: Any) -> list[TriggerHit]:
    """Longest lexicon matches over the doc's lemmas (falling back to the lower-cased text).

    Kept in ``doc.user_data``: the claims stage reads the same hits again.
    """
    cached = doc.user_data.get("eventwire.triggers")
    if cached is not None:
        return list(cached)
    hits = _match_triggers(doc)
    doc.user_data["eventwire.triggers"] = tuple(hits)
    return hits


def _match_triggers(doc: Any) -> list[TriggerHit]:
    index = triggers()
    lemmas = [t.lemma_.lower() for t in doc]
    lowers = [t.lower_ for t in doc]
    pos = [t.pos_ for t in doc]
    hits: list[TriggerHit] = []
    text = doc.text  # spaCy rebuilds Doc.text on every access: read it once
    i = 0
    n = len(doc)
    while i < n:
        found, found_end = None, 0
        # The lemma first, then the word as written: a set here would try them in an
        # order that changes with each process's string hashing (PYTHONHASHSEED), and
        # an entry of either, of the same length, would win by that order.
        for first in dict.fromkeys((lemmas[i], lowers[i])):
            for trig in index.get(first, ()):
                end = _match_at(trig, i, lemmas, lowers, pos)
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


def _ancestors(tok: Any, limit: int = 6) -> list[Any]:
    out: list[Any] = []
    while tok.head.i != tok.i and len(out) < limit:
        tok = tok.head
        out.append(tok)
    return out


def _governors(tok: Any, limit: int) -> list[Any]:
    """The words that govern ``tok``, nearest first. A conjunct's governor is its first
    conjunct's: in "pledged allegiance and merged", "pledged" does not govern "merged"."""
    out: list[Any] = []
    cur = tok
    while cur.head.i != cur.i and len(out) < limit:
        if cur.dep_ == "conj":
            while cur.dep_ == "conj" and cur.head.i != cur.i:
                cur = cur.head
            continue
        cur = cur.head
        out.append(cur)
    return out


def _is_modal(tok: Any, trigger: range = range(0)) -> bool:
    """Threats, vows, plans, denials, hypotheticals and futures govern this token.

    Words of the trigger itself ("pledge allegiance") do not count as governors.
    """
    if tok.head.lower_ == "without" or any(
        c.dep_ == "det" and c.lower_ == "no" for c in tok.children
    ):
        return True  # "withdrew without any fighting", "no fighting has been reported"
    chain = [tok] + [t for t in _governors(tok, 6) if t.i not in trigger]
    for k, t in enumerate(chain):
        if any(c.dep_ == "neg" for c in t.children) and t.pos_ in ("VERB", "AUX", "NOUN"):
            # "did not attack", "no attack": but "killing ... who did not ..." is far up.
            if k <= 1:
                return True
        if t.lemma_.lower() in _MODAL_HEADS and k > 0:
            return True
        if (
            t.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "aux" and c.lower_ in _MODAL_AUX for c in t.children)
            and k <= 4
        ):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
            return True
        if t.pos_ == "VERB" and k > 0:
            if t.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in ("while", "until", "as", "when")
                for c in t.children
            ):
                continue  # "would stay closed while teams searched": the main verb decides
            break  # the first governing verb decides; reported speech above it does not
    return False


# Periods that stretch over time, whatever the tense: "detained 1,850 people during a week
# of unrest", "killed 900 in the first three months" ("since" with a past tense is
# as often one date: "took the villages since 30 May").
_SPAN_START = re.compile(r"(?:over|during|in the (?:past|last|first))\b", re.I)


def _spans_a_period(verb: Any, sent: Any) -> bool:
    """Whether a period phrase that stretches over time hangs on ``verb`` itself."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    for m in _PERIOD.finditer(sent.text):
        if not _SPAN_START.match(m.group()):
            continue
        start = sent.start_char + m.start()
        tok = next((t for t in sent if t.idx == start), None)
        if tok is not None and tok.head.i == verb.i and tok.dep_ in ("prep", "mark", "advmod"):
            return True
    return False


def _is_aggregate(hit: TriggerHit, doc: Any, sent: Any) -> bool:
    """Campaign totals ("more than 100 strikes in the past year") are claims, not events."""
    tok = doc[hit.j - 1]
    if tok.dep_ in ("compound", "amod") and tok.head.i != tok.i and tok.head.i >= hit.j:
        # "at least 15 bomb attacks": the word names the kind of a counted thing.
        head_hit = TriggerHit(tok.head.i, tok.head.i + 1, 0, 0, "", hit.entry)
        if tok.head.tag_ == "NNS" and _is_aggregate(head_hit, doc, sent):
            return True
    if hit.entry.cls == "kill" and tok.pos_ == "VERB" and _running_total(tok):
        return True  # "the army says it has killed thousands of insurgents"
    if hit.entry.cls in ("kill", "injure") and not _PERIOD.search(sent.text):
        return False  # "15 fatalities", "12 deaths": a count of people, not of events
    if _PERIOD.search(sent.text):
        # "over the past year, forces have captured more than 300": a running total.
        verb = tok
        while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "have captured 300 and killed over 20": the "have" is shared
        if verb.pos_ == "NOUN" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "has seen intense fighting since early last year"
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
        counted = any(t.dep_ == "quantmod" for t in tok.subtree)
        if tok.tag_ == "NNS" or perfect or counted or _spans_a_period(verb, sent):
            return True
    if tok.tag_ != "NNS" or hit.entry.cls == "protest":
        return False  # "about 400 protesters gathered": a crowd's size, not a tally
    for c in tok.children:
        if c.like_num or c.dep_ == "nummod":
            from .counts import number_value

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
        and head.lower_ in ("for", "of", "about")
        and (head.head.pos_ in ("ADJ", "VERB") or head.head.lemma_.lower() in _DOERS)
    ):
        return True  # "a commander responsible for roadside bomb attacks", "accused of raids"
    return False


# People named for what they do: "the mastermind of attacks", "a commander of raids".
_DOERS = frozenset(
    "commander mastermind planner leader suspect perpetrator organiser organizer author "
    "specialist expert".split()
)


def _running_total(verb: Any) -> bool:
    """A perfect tense with a round, vague count: "has killed thousands", "have arrested
    hundreds": a tally over time, not one event."""
    if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ == "dobj":
            words = {t.lower_ for t in c.subtree}
            if words & {"thousands", "hundreds", "dozens", "scores", "tens", "millions"}:
                return True
    return False


def _other_sense(hit: TriggerHit, doc: Any) -> bool:
    """Words with a common non-event sense: "this demonstrates a policy"."""
    tok = doc[hit.j - 1]
    if hit.j - hit.i == 1 and tok.ent_type_ == "DATE":
        return True  # "6 March", not a march
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "with machine guns and RPG shells": the list's first member
    if (
        hit.entry.sub_event_type == "Shelling/artillery/missile attack"
        and tok.pos_ in ("NOUN", "PROPN")
        and first.dep_ in ("pobj", "dobj")
        and first.head.lower_ in ("with", "using", "use")
    ):
        return True  # "targeted a checkpoint with machine guns and RPG shells": a weapon used
    if (
        hit.entry.sub_event_type == "Air/drone strike"
        and tok.pos_ == "NOUN"
        and tok.dep_ in ("dobj", "nsubjpass")
        and tok.head.lemma_.lower() in _HIT_VERBS
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
    if hit.entry.lemmas == ("control",) and (
        tok.pos_ != "VERB" or (tok.i > 0 and doc[tok.i - 1].text == "-")
    ):
        return True  # "under the control of", "remote-controlled": a state, not an event
    if (
        hit.entry.cls == "protest"
        and tok.pos_ == "VERB"
        and tok.lemma_ in ("demonstrate", "rally", "march")
    ):
        return any(c.dep_ in ("dobj", "ccomp") for c in tok.children)
    if hit.entry.cls == "riotous" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _BLAST_WORDS
        for t in (doc[hit.i], doc[hit.i].head)
        for c in t.children
    ):
        return True  # "the blast destroyed stalls and set fire to shops": no crowd at work
    return False


def _resense(hit: TriggerHit, doc: Any) -> TriggerHit:
    """A word read in the sense its sentence gives it: "municipal workers have been
    striking", "employees continued a strike" is a stoppage of work (a protest, and a plain
    one: ACLED codes strikes as demonstrations), never an air raid."""
    if hit.entry.lemmas != ("strike",) or not _labour_strike(doc[hit.j - 1]):
        return hit
    protest = next((t for t in triggers().get("strike", ()) if t.cls == "protest"), None)
    if protest is None:
        return hit
    return replace(hit, entry=replace(protest, weight=max(protest.weight, 0.8)))


_HIT_VERBS = frozenset(
    "destroy down shoot hit damage target capture seize intercept disable".split()
)
_BLAST_WORDS = frozenset(
    "blast explosion bomb device fire shell shelling strike airstrike missile rocket".split()
)
_LABOUR = frozenset(
    "worker employee staff union teacher doctor nurse driver trader transporter labourer "
    "laborer miner farmer student lawyer shopkeeper porter physician professor".split()
)


def _labour_strike(tok: Any) -> bool:
    """A strike called, staged or joined by people at work, or "on strike"."""
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ == "on":
        return True
    sent = tok.sent
    return any(t.lemma_.lower() in _LABOUR for t in sent) and not any(
        t.lemma_.lower() in ("air", "drone", "missile", "airstrike", "warplane", "jet")
        for t in sent
    )


def _title_end(doc: Any) -> int:
    """End of a headline line (short, no final stop, then a newline), else 0."""
    text = doc.text
    nl = text.find("\n")
    if 0 < nl < 200 and text[:nl].strip() and text[:nl].rstrip()[-1] not in ".!?\"'":
        return nl
    return 0


def _nonviolent(sent: Any) -> str | None:
    """Why a sentence's tolls are not political violence: "topic" (sport, markets: nothing
    in it is an event), "cause" (a storm or a crash killed: its deaths are no event), None.
    """
    causes, topics, cause_verbs, weak = vetoes()
    lemmas = {t.lemma_.lower() for t in sent}
    strong = len(lemmas & topics)
    if strong and strong + len(lemmas & weak) >= 2:
        return "topic"
    # Causes are things, not acts: "a storm killed", but "fighters stormed".
    # Common nouns only: "Northern Storm Brigade" is a name, not weather.
    nouns = {t.lemma_.lower() for t in sent if t.pos_ == "NOUN"}
    verbs = {t.lemma_.lower() for t in sent if t.pos_ == "VERB"}
    if bool(nouns & causes or verbs & cause_verbs) and not any(
        t.lemma_.lower() in ("attack", "gunman", "militant", "bomb", "shell", "airstrike")
        for t in sent
    ):
        return "cause"
    return None


def _prior(tok: Any) -> bool:
    """The clause tells an event before or after the one of its sentence: "two weeks
    after a bomb hit the road". (A phrase such as "following clashes" is left to the
    event it explains: "captured the village following clashes" is one event in ACLED.)"""
    return tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in tok.children
    )


def _anchor(tok: Any, trigger_tokens: set[int]) -> Any:
    """Climb from a trigger while the path stays on verbs and event words."""
    cur = tok
    while cur.head.i != cur.i:
        head = cur.head
        if head.pos_ in ("NOUN", "PROPN", "PRON") and head.i not in trigger_tokens:
            return cur
        if _prior(cur):
            return cur  # "two weeks after a bomb hit the road": another, earlier event
        cur = head
    return cur


def _group(hits: list[TriggerHit], doc: Any) -> list[list[TriggerHit]]:
    trigger_tokens = {k for h in hits for k in range(h.i, h.j)}
    groups: dict[int, list[TriggerHit]] = {}
    for h in hits:
        anchor = _anchor(doc[h.j - 1], trigger_tokens)
        groups.setdefault(anchor.i, []).append(h)
    ordered = sorted(groups.values(), key=lambda g: g[0].i)
    return _join_subject(ordered, doc)


_NESTING = {"relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp", "csubj"}


def _join_subject(groups: list[list[TriggerHit]], doc: Any) -> list[list[TriggerHit]]:
    """ "According to CENTCOM, an airstrike on Friday killed X": the parse hangs the
    airstrike off the source, apart from "killed"; it is the verb's subject all the same.

    A group of only killing words on the sentence's root verb takes in the nearest event
    word before it that no clause of its own governs.
    """
    for g in groups:
        verb = doc[g[0].j - 1]
        if verb.dep_ != "ROOT" or any(h.entry.cls not in ("kill", "injure") for h in g):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue  # the verb has its subject: "gunmen killed X"
        before = [
            o
            for o in groups
            if o is not g
            and o[-1].j <= g[0].i
            and all(h.entry.cls not in ("kill", "injure") for h in o)
            and not any(t.dep_ in _NESTING for t in _path_up(doc[o[0].j - 1], verb))
        ]
        if before:
            nearest = before[-1]
            g[:0] = nearest
            groups = [o for o in groups if o is not nearest]
            return _join_subject(groups, doc)
    return groups


def _path_up(tok: Any, stop: Any) -> list[Any]:
    """Tokens from ``tok`` up to (not including) ``stop``."""
    out: list[Any] = []
    while tok.i != stop.i and tok.head.i != tok.i and len(out) < 12:
        out.append(tok)
        tok = tok.head
    return out


def _scope(
    group: list[TriggerHit], others: list[list[TriggerHit]], sent: Any, doc: Any
) -> set[int]:
    """Tokens of the sentence that belong to this frame (all of it when it is alone)."""
    sent_tokens = set(range(sent.start, sent.end))
    if not others:
        return sent_tokens
    trigger_tokens = {k for g in [group, *others] for h in g for k in range(h.i, h.j)}
    mine = _anchor(doc[group[0].j - 1], trigger_tokens)
    own = {t.i for t in mine.subtree}
    for g in others:
        theirs = _anchor(doc[g[0].j - 1], trigger_tokens)
        sub = {t.i for t in theirs.subtree}
        if sub < own or not (sub & own):
            own -= sub
    if mine.head.i == mine.i or mine.dep_ == "ROOT":
        return own
    # The main clause owns what hangs off the sentence root outside nested frames.
    return own or sent_tokens


def _is_anaphoric(hit: TriggerHit, doc: Any) -> bool:
    tok = doc[hit.j - 1]
    if tok.pos_ != "NOUN":
        return False
    for c in tok.children:
        if c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE:
            return True
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_ == "DATE"):
            return True
    return False


def find_frames(
    doc: Any, dates: list[DateMention], places: list[Any], actors: list[ActorMention]
) -> list[Frame]:
    """Frames of the doc in text order, with the dates, places, actors and tolls they own."""
    hits = match_triggers(doc)
    by_sent: dict[int, list[TriggerHit]] = {}
    sents = list(doc.sents)
    sent_of = {}
    for k, s in enumerate(sents):
        for t in range(s.start, s.end):
            sent_of[t] = k
    for h in hits:
        by_sent.setdefault(sent_of[h.i], []).append(h)
    frames: list[Frame] = []
    title_end = _title_end(doc)
    for k, sent_hits in sorted(by_sent.items()):
        sent = sents[k]
        veto = _nonviolent(sent)
        # (The sentence may end in the blank lines after the headline: its words end it.)
        if sent.start_char + len(sent.text.rstrip()) <= title_end + 1 or veto == "topic":
            # The headline retells the lead: its words would only blur the frames.
            continue
        if veto == "cause":
            # "protested against the lack of relief for flood victims" is still a protest;
            # only the deaths and injuries a flood or a crash caused are no event.
            sent_hits = [h for h in sent_hits if h.entry.cls not in ("kill", "injure")]
        sent_hits = [_resense(h, doc) for h in sent_hits]
        # "National Liberation Army", "Northern Storm Brigade": words of a group's name.
        named = [(a.tok_start, a.tok_end) for a in actors if a.entry is None or not a.entry.generic]
        sent_hits = [
            h
            for h in sent_hits
            if not (
                h.text[:1].isupper()
                and h.i > sent.start
                and any(s <= h.i and h.j <= e for s, e in named)
            )
        ]  # ("Israeli warplanes", "Russian artillery": the weapon is the act, kept)
        tolls = find_tolls(sent)
        # "nobody was killed", "no one was hurt": the words say what did not happen.
        zeros = {t.word_i for t in tolls if t.value == 0 and t.word_i >= 0}
        kept = [
            h
            for h in sent_hits
            if not _is_modal(doc[h.j - 1], range(h.i, h.j))
            and not _is_aggregate(h, doc, sent)
            and not _other_sense(h, doc)
            and not _in_support(doc[h.j - 1])
            and not (h.entry.cls in ("kill", "injure") and any(i in zeros for i in range(h.i, h.j)))
        ]
        if not kept:
            continue
        # A group of only weak demonstration words ("where hundreds of traders had
        # gathered") tells no event of its own.
        groups = [
            g
            for g in _group(kept, doc)
            if not all(h.entry.cls == "protest" and h.entry.weight < 0.5 for h in g)
        ]
        if not groups:
            continue
        for gi, group in enumerate(groups):
            others = groups[:gi] + groups[gi + 1 :]
            scope = _scope(group, others, sent, doc)
            frame = Frame(k, sent.start_char, sent.end_char, group, tokens=scope)
            lo = doc[min(scope)].idx if scope else sent.start_char
            hi = doc[max(scope)].idx + len(doc[max(scope)].text) if scope else sent.end_char
            frame.tolls = [
                t for t in tolls if (t.word_i in scope) or (t.word_i < 0 and lo <= t.start < hi)
            ]
            if gi > 0:
                # Zeros and stated totals not inside a nested frame belong to the first.
                frame.tolls = [t for t in frame.tolls if t.word_i >= 0 or t.start >= lo]
            frame.dates = [
                d for d in dates if lo <= d.start < hi and _in_scope(d.start, scope, doc, sent)
            ]
            frame.places = [p for p in places if _in_scope(p.start, scope, doc, sent)]
            frame.actors = [
                a for a in actors if sent.start <= a.tok_start < sent.end and a.tok_start in scope
            ]
            frame.anaphoric = any(_is_anaphoric(h, doc) for h in group)
            trigger_tokens = {t for g in groups for h in g for t in range(h.i, h.j)}
            frame.main_clause = any(
                _anchor(doc[h.j - 1], trigger_tokens).dep_ == "ROOT" for h in group
            )
            _roles(frame, doc, actors)
            frames.append(frame)
        _own_when_dates(frames[len(frames) - len(groups) :], groups, doc)
        if len(groups) > 1:
            first = frames[len(frames) - len(groups)]
            claimed = {id(t) for f in frames[len(frames) - len(groups) :] for t in f.tolls}
            first.tolls.extend(t for t in tolls if t.word_i < 0 and id(t) not in claimed)
    return frames


def _own_when_dates(frames: list[Frame], groups: list[list[TriggerHit]], doc: Any) -> None:
    """ "the deadliest since 17 January, when a device killed four people": the date a
    "when" clause hangs on is that clause's event's date, not the sentence's."""
    if len(frames) < 2:
        return
    trigger_tokens = {t for g in groups for h in g for t in range(h.i, h.j)}
    for frame, group in zip(frames, groups, strict=True):
        anchor = _anchor(doc[group[0].j - 1], trigger_tokens)
        if anchor.dep_ != "relcl":
            continue
        head = anchor.head.idx
        owned = [d for f in frames for d in f.dates if d.start <= head < d.end]
        if not owned:
            continue
        for other in frames:
            other.dates = [d for d in other.dates if d not in owned]
        frame.dates = owned[:1]


def _in_scope(char: int, scope: set[int], doc: Any, sent: Any) -> bool:
    if not (sent.start_char <= char < sent.end_char):
        return False
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span is not None and span.start in scope


def _actor_at(actors: list[ActorMention], tokens: set[int]) -> ActorMention | None:
    for a in actors:
        if any(i in tokens for i in range(a.tok_start, a.tok_end)):
            return a
    return None


def _actor_in(actors: list[ActorMention], tok: Any) -> ActorMention | None:
    """The actor a phrase names: its first actor, but a named armed group over the people
    it names ("a man belonging to QSD's intelligence", "two fighters of the Islamic State").
    """
    tokens = {t.i for t in tok.subtree}
    found = [a for a in actors if any(i in tokens for i in range(a.tok_start, a.tok_end))]
    if not found:
        return None
    first = found[0]
    if first.entry is not None and first.entry.generic and first.entry.inter in (3, 7):
        named = [
            a
            for a in found[1:]
            if a.entry is None  # a group the dictionary lacks, kept as written
            or (not a.entry.generic and a.entry.inter in (1, 2, 3, 4, 8))
        ]
        if named:
            return named[0]
    return first


class _Tokens:
    """A phrase minus some of its parts, walkable like a token's subtree."""

    def __init__(self, tokens: list[Any]) -> None:
        self.subtree = tokens


def _without(tok: Any, parts: Any) -> Any:
    """``tok``'s phrase without the conjuncts in ``parts`` (and their subtrees)."""
    drop = {t.i for p in parts for t in p.subtree}
    return _Tokens([t for t in tok.subtree if t.i not in drop])


def _may_act(mention: ActorMention) -> bool:
    """An actor that can be the one acting when the parse does not say: not the people a
    sentence is about ("12 people were killed when a bomb exploded")."""
    entry = mention.entry
    return entry is None or entry.inter not in (7,)


def _nearest(
    actors: list[ActorMention], frame: Frame, lo: int, hi: int, last: bool = False
) -> ActorMention | None:
    """The first (or last) actor of the frame between tokens lo and hi."""
    inside = [
        a for a in actors if lo <= a.tok_start and a.tok_end <= hi and a.tok_start in frame.tokens
    ]
    if not inside:
        return None
    return inside[-1] if last else inside[0]


def _roles(frame: Frame, doc: Any, all_actors: list[ActorMention]) -> None:
    """Agents (actor1 candidates) and patients (actor2 candidates) from the parse."""
    agents: list[ActorMention] = []
    patients: list[ActorMention] = []

    def add(target: list[ActorMention], tok: Any) -> None:
        a = _actor_in(all_actors, tok)
        if a is not None and a not in target:
            target.append(a)

    for h in frame.triggers:
        tok = doc[h.j - 1]
        if h.entry.cls == "territory":
            verb = doc[h.i] if doc[h.i].pos_ == "VERB" else tok
            if verb.pos_ != "VERB" and verb.head.pos_ == "VERB":
                verb = verb.head  # "established control", "took control"
            gained: list[ActorMention] = []
            for c in verb.children:
                if c.dep_ == "nsubj":
                    add(gained, c)
                elif c.dep_ == "agent":
                    for g in c.children:
                        add(gained, g)
            if not gained and verb.dep_ in ("xcomp", "conj", "advcl"):
                for c in verb.head.children:
                    if c.dep_ == "nsubj":
                        add(gained, c)
            frame.gainers.extend(gained)
            window = {t.lower_ for t in doc[max(verb.i - 3, 0) : min(h.j + 4, len(doc))]}
            if window & _HEDGES or any(t.lemma_ in ("attempt", "try") for t in verb.ancestors):
                frame.hedged = True
        if tok.pos_ in ("VERB", "AUX"):
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
            for c in tok.children:
                if c.dep_ == "nsubj":
                    if (
                        h.entry.sub_event_type == "Armed clash"
                        and c.conjuncts
                        and not any(
                            d.dep_ in ("dobj", "prep")
                            and d.lower_ in ("with", "against")
                            or d.dep_ == "dobj"
                            for d in tok.children
                        )
                    ):
                        # "UDMF cadres and the police clashed": the subject's two halves
                        add(agents, _without(c, c.conjuncts))
                        for cj in c.conjuncts:
                            add(patients, cj)
                    else:
                        add(agents, c)
                elif c.dep_ == "nsubjpass" or c.dep_ == "dobj":
                    add(patients, c)
                elif c.dep_ == "agent":
                    for g in c.children:
                        add(agents, g)
                elif c.dep_ == "prep" and c.lower_ in ("on", "against", "with", "at", "targeting"):
                    for g in c.children:
                        add(patients, g)
            if not passive and not agents and tok.dep_ in ("xcomp", "advcl", "conj"):
                # "... stormed the town, killing ten": the subject is the governing verb's.
                head = tok.head
                for c in head.children:
                    if c.dep_ == "nsubj":
                        add(agents, c)
            if (
                not passive
                and not agents
                and tok.dep_ in ("acl", "relcl")
                and tok.head.i < tok.i
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
                and any(c.dep_ == "dobj" for t in [tok, *tok.conjuncts] for c in t.children)
            ):
                # "Free Idlib Army snipers targeted and killed 2 soldiers", parsed as if the
                # verb described the snipers: with an object of its own it is their act.
                add(agents, _without(tok.head, [tok]))
            if passive and h.entry.sub_event_type == "Other":
                # "the army was deployed": the force deployed is the one acting.
                for c in tok.children:
                    if c.dep_ == "nsubjpass":
                        add(agents, c)
            if not passive and not agents and h.entry.cls in ("type", "attack", "territory"):
                # The small model often loses the subject ("regime and loyalist militia forces
                # clashed", "QSD forces, supported by ..., clashed"): the first actor of the
                # clause before the verb.
                a = _nearest(all_actors, frame, doc[tok.i].sent.start, h.i)
                if a is not None and not _is_supporter(a, doc) and _may_act(a):
                    agents.append(a)
            if h.entry.cls == "territory":
                # "captured the villages of A and B from Islamic State fighters"
                for t in doc[h.j : doc[h.j - 1].sent.end]:
                    if t.lower_ == "from" and t.dep_ == "prep":
                        for g in t.children:
                            add(patients, g)
                        break
            if not patients and h.entry.sub_event_type == "Armed clash":
                # "clashed sporadically with HTS fighters": the first actor after with/against.
                after = next(
                    (
                        t.i
                        for t in doc[h.j : min(h.j + 6, doc[h.j - 1].sent.end)]
                        if t.lower_ in ("with", "against")
                    ),
                    None,
                )
                if after is not None:
                    a = _nearest(all_actors, frame, after, doc[h.j - 1].sent.end)
                    if a is not None and a not in agents:
                        patients.append(a)
        else:
            blamed = tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("blame", "attribute", "pin")
            for c in tok.children:
                if blamed and c.dep_ == "prep" and c.lower_ in ("on", "to"):
                    for g in c.children:  # "blamed that attack on the ELN": the attacker
                        add(agents, g)
                elif c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < tok.i:
                    if c.i >= h.i and h.entry.sub_event_type == "Headquarters or base established":
                        add(patients, c)  # "a car bomb outside a military base": its owner
                    else:
                        add(agents, c)
                elif c.dep_ == "prep" and c.lower_ == "by":
                    for g in c.children:
                        add(agents, g)
                elif c.dep_ == "prep" and c.lower_ in ("on", "against", "targeting", "at"):
                    for g in c.children:
                        add(patients, g)
                elif c.dep_ == "prep" and c.lower_ == "between":
                    for g in c.children:
                        add(agents, g)
                        for cj in g.conjuncts:
                            add(patients, cj)
                elif c.dep_ == "prep" and c.lower_ == "with":
                    for g in c.children:
                        add(patients, g)
            head = tok.head
            if (
                tok.dep_ == "pobj"
                and head.lower_ in ("for", "behind")
                and head.head.lower_ in ("responsible", "behind", "blamed", "claimed")
            ):
                # "the ISIS gunman responsible for a December ambush"
                doer = head.head.head if head.head.lower_ == "responsible" else head.head
                add(agents, doer)
            if tok.dep_ == "dobj" and head.lemma_.lower() in ("blame", "attribute", "pin"):
                # "authorities blamed that attack on the ELN": the blamed, not the blamer.
                for c in head.children:
                    if c.dep_ == "prep" and c.lower_ in ("on", "to"):
                        for g in c.children:
                            add(agents, g)
            elif tok.dep_ in ("dobj",) and head.pos_ == "VERB":
                for c in head.children:
                    if c.dep_ == "nsubj":
                        add(agents, c)
            if tok.dep_ == "nsubj" and head.pos_ == "VERB":
                for c in head.children:
                    if c.dep_ in ("dobj",):
                        add(patients, c)
    for t in frame.tolls:
        if t.word_i >= 0:
            word = doc[t.word_i]
            victim_deps = ("dobj", "nsubjpass") + (
                ("nsubj",) if word.lemma_ in ("die", "succumb", "perish") else ()
            )
            for c in word.children:
                if c.dep_ in victim_deps:
                    add(patients, c)
                    frame.victim_words.extend(x.lemma_.lower() for x in c.subtree)
            if word.dep_ in ("acl", "amod") and word.head.pos_ in ("NOUN", "PROPN"):
                frame.victim_words.extend(x.lemma_.lower() for x in word.head.subtree)
    has_state = any(a.entry is not None and a.entry.kind == "military" for a in frame.actors)
    frame.supporters = [
        a
        for a in frame.actors
        if _is_supporter(a, doc)
        or (has_state and a.entry is not None and a.entry.kind == "pro_government_militia")
    ]
    frame.agents = [a for a in agents if a not in frame.supporters] or agents
    frame.patients = [p for p in patients if p not in agents and p not in frame.supporters]
    sides = _sides(frame, doc, all_actors)
    if sides is not None:
        (a_main, a_rest), (b_main, b_rest) = sides
        frame.agents, frame.patients = [a_main], ([b_main] if b_main is not None else [])
        frame.allies, frame.allies_b = a_rest, b_rest


_SUPPORT = {
    "back",
    "support",
    "assist",
    "aid",
    "ally",
    "accompany",
    "loyal",
    "join",
    "cover",
    "reinforce",
    "alongside",
    "help",
}


def _in_support(tok: Any) -> bool:
    """A weapon named as help to the fighters ("QSD, supported by Coalition airstrikes,
    clashed with IS"; "with the cover of Russian warplanes") is part of their fight.
    (A verb is never help: "forces backed by militias clashed with IS", misparsed.)"""
    if tok.pos_ in ("VERB", "AUX"):
        return False
    for anc in _ancestors(tok, 4):
        if anc.dep_ == "agent" and anc.head.lemma_.lower() in _SUPPORT:
            return True
        if anc.lower_ == "of" and anc.head.lemma_.lower() in ("support", "cover", "backing"):
            return True
        if anc.pos_ == "VERB" and anc.lemma_.lower() not in _SUPPORT:
            return False
    return False


def _is_supporter(mention: ActorMention, doc: Any) -> bool:
    """An actor named as helping another: "regime forces backed by Russian jets"."""
    tok = doc[mention.tok_end - 1]
    for k, anc in enumerate([tok, *_ancestors(tok, 4)]):
        lemma = anc.lemma_.lower()
        if anc.dep_ == "prep" and anc.lower_ in ("against", "on", "between"):
            return False  # "backed by jets, against IS fighters": the enemy, not a helper
        if k > 0 and lemma in _SUPPORT:
            return True
        if (
            k > 0
            and anc.dep_ == "prep"
            and anc.lower_ in ("with", "alongside")
            and anc.head.pos_ in ("NOUN", "PROPN")
            and anc.head.lemma_
            not in ("clash", "battle", "fighting", "fight", "confrontation", "skirmish")
        ):
            return True
        if anc.pos_ == "VERB" and lemma not in _SUPPORT:
            return False
    return mention.tok_start > 0 and doc[mention.tok_start - 1].lower_ in ("allied", "pro-regime")


# Words that open the second side of a fight told as one list: "between A and B",
# "A against B", "A on one side and B on the other".
_SIDE_SPLIT = {"against", "versus", "vs", "vs."}
# An umbrella named after a faction: "Zinki fighters, operating under the National Liberation
# Front". ACLED codes the umbrella as the actor and the faction as associated.
_UMBRELLA = (
    "operating under",
    "operate under",
    "operates under",
    "as part of",
    "under the umbrella of",
    "operating as part of",
    "operating within",
)


def _sides(
    frame: Frame, doc: Any, actors: list[ActorMention]
) -> (
    tuple[tuple[ActorMention, list[ActorMention]], tuple[ActorMention | None, list[ActorMention]]]
    | None
):
    """The two sides of a fight told as a list ("clashes between A and B", "A against B").

    Each side is its first actor (not a helper) and the rest of its actors; None when the
    sentence does not tell the fight that way.
    """
    if not any(
        h.entry.sub_event_type == "Armed clash" or h.entry.cls == "attack" for h in frame.triggers
    ):
        return None
    scope = sorted(frame.tokens)
    if not scope:
        return None
    lo, hi = scope[0], scope[-1] + 1
    between = next((i for i in scope if doc[i].lower_ == "between"), None)
    start = between + 1 if between is not None else lo
    split = next((i for i in range(start, hi) if doc[i].lower_ in _SIDE_SPLIT), None)
    mine = [a for a in actors if start <= a.tok_start < hi and a.tok_start in frame.tokens]
    if split is None and between is not None:
        # "A on one side and B on the other": the "and" after "side"; else the first "and"
        # with an actor before it and an actor right after it ("between regime forces,
        # supported by pro-regime militias, and rebel factions").
        side = next((i for i in range(start, hi) if doc[i].lower_ == "side"), None)
        for i in range(side if side is not None else start, hi):
            if doc[i].lower_ != "and":
                continue
            before = [a for a in mine if a.tok_end <= i]
            after = [a for a in mine if i < a.tok_start <= i + 3]
            if side is not None or (before and after and not _helper(after[0], before)):
                split = i
                break
    if split is None and between is not None:
        # "between regime forces, supported by pro-regime militias and rebel factions": the
        # parse buries the second side in the helpers' phrase; it is the last actor named.
        fighters = [a for a in mine if not _helper(a, mine[:1])]
        if len(fighters) >= 2 and mine[0] is fighters[0]:
            split = fighters[-1].tok_start - 1
    if split is None:
        return None
    side_a = [a for a in mine if a.tok_start < split]
    side_b = [a for a in mine if a.tok_start > split]
    if not side_a:
        return None

    def pick(side: list[ActorMention]) -> tuple[ActorMention | None, list[ActorMention]]:
        fighters = [a for a in side if not _is_supporter(a, doc) and not _helper(a, side)]
        for k, a in enumerate(fighters):
            before = doc[max(a.tok_start - 5, 0) : a.tok_start].text.lower()
            if k > 0 and any(u in before for u in _UMBRELLA):
                return a, [b for b in side if b is not a]
        if not fighters:
            return None, []
        return fighters[0], [b for b in side if b is not fighters[0]]

    a_main, a_rest = pick(side_a)
    b_main, b_rest = pick(side_b)
    if a_main is None:
        return None
    return (a_main, a_rest), (b_main, b_rest)


def _helper(mention: ActorMention, side: list[ActorMention]) -> bool:
    """A pro-government militia fighting beside state forces helps them."""
    entry = mention.entry
    if entry is None or not (
        entry.kind == "pro_government_militia" or entry.name == "Militia (Pro-Government)"
    ):
        return False
    return any(a.entry is not None and a.entry.kind in ("military", "police") for a in side)


# Public names for the claims stage, which keeps what this stage refuses as campaign totals.
PERIOD = _PERIOD
is_aggregate = _is_aggregate
