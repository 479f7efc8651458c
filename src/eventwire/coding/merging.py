"""Which frames tell the same event: tellings of one kind, on agreeing dates and in the
same town, become one ``Draft`` (an anaphor, "the attack", joins the event it names).

>>> [len(d.frames) for d in merge_frames(frames)]   # doctest: +SKIP
[2, 1]
"""

from __future__ import annotations

import datetime as dt
import re

from ..dates import MONTHS, DateMention
from ..lexicon import taxonomy
from .records import Draft, Frame


def _date_range(d: DateMention) -> tuple[dt.date, dt.date] | None:
    if d.date is None:
        return None
    day = dt.date.fromisoformat(d.date)
    if d.precision == 1:
        return day, day
    if d.precision == 2:
        return day - dt.timedelta(days=10), day + dt.timedelta(days=10)
    first = day.replace(day=1)
    nxt = (first + dt.timedelta(days=32)).replace(day=1)
    return first, nxt - dt.timedelta(days=1)


def _norm_date_words(d: DateMention) -> str:
    return d.text.lower().removesuffix("'s").removeprefix("on ").strip()


def _months(words: set[str], ranges: list[tuple[dt.date, dt.date]]) -> set[int]:
    found = {MONTHS[w] for t in words for w in re.findall(r"[a-z]+", t) if w in MONTHS}
    return found | {r[0].month for r in ranges if (r[1] - r[0]).days < 40}


def on_a_day(dates: list[DateMention]) -> bool:
    """One of the dates names a day ("on Wednesday", "on 9 January")."""
    return any(d.date and d.precision == 1 for d in dates)


def _dates_agree(a: list[DateMention], b: list[DateMention]) -> bool:
    # Days against days when both sides give one: "this month" must not join the ambush
    # "on Wednesday" to the drone attack "on 9 January".
    if on_a_day(a) and on_a_day(b):
        a = [d for d in a if d.precision == 1]
        b = [d for d in b if d.precision == 1]
    ra = [r for r in map(_date_range, a) if r]
    rb = [r for r in map(_date_range, b) if r]
    if ra and rb:
        return any(x[0] <= y[1] and y[0] <= x[1] for x in ra for y in rb)
    # Unresolved relative dates ("Friday") agree with the same words, and month names
    # with the same month; two different unresolved days do not agree.
    ta = {_norm_date_words(d) for d in a if d.date is None}
    tb = {_norm_date_words(d) for d in b if d.date is None}
    if ta & tb:
        return True
    ma, mb = _months(ta, ra), _months(tb, rb)
    if ma and mb:
        return bool(ma & mb)
    return not (ta and tb)


def _overlap(draft: Draft, frame: Frame) -> float:
    """How strongly a frame points at a draft: same kind of trigger, place, date words."""
    subs = {h.entry.sub_event_type for f in draft.frames for h in f.triggers}
    lemmas = {h.entry.lemmas[-1] for f in draft.frames for h in f.triggers}
    score = 0.0
    for h in frame.triggers:
        if h.entry.sub_event_type and h.entry.sub_event_type in subs:
            score += 2
        if h.entry.lemmas[-1] in lemmas:
            score += 1
    if frame.places and any(
        p.place is not None
        and p.place.location
        in {q.place.location for f in draft.frames for q in f.places if q.place}
        for p in frame.places
    ):
        score += 1
    if frame.dates and draft.dates():
        score += 1
    return score


def _family(frame: Frame) -> str:
    subs = {t.entry.sub_event_type for t in frame.triggers if t.entry.sub_event_type}
    classes = frame.classes()
    if classes & {"protest", "riotous", "intervene"}:
        return "demonstration"
    types = {taxonomy()[s][0] for s in subs}
    if "Strategic developments" in types and len(types) == 1 and not classes & {"kill", "attack"}:
        return "strategic"
    return "violence"


_RIOT_DOINGS = frozenset({"Looting/property destruction"})
_CROWDS = frozenset({"protesters", "rioters"})  # generic.tsv kinds of the people in a crowd


def tells_a_crowd(draft: Draft) -> bool:
    """A telling of the draft is a demonstration's or names a crowd as a party: its
    violence is a riot or a mob's, never a crime or a metaphor."""
    return any(
        _family(f) == "demonstration"
        or any(a.entry is not None and a.entry.kind in _CROWDS for a in f.actors)
        for f in draft.frames
    )


def _compatible(draft: Draft, frame: Frame) -> bool:
    fams = {_family(f) for f in draft.frames}
    fam = _family(frame)
    same_sentence = frame.sent_i in {f.sent_i for f in draft.frames}
    # Force used on a demonstration told in one sentence ("police fired on students staging
    # a sit-in") is one event; elsewhere a demonstration and a battle are two.
    mixed_ok = same_sentence and "demonstration" in fams | {fam}
    # Shops looted or property burnt in a riot told just before are the riot's doing: ACLED
    # codes them in the violent demonstration ("... stoned the police. Shops were looted").
    subs = {t.entry.sub_event_type for t in frame.triggers if t.entry.sub_event_type}
    mixed_ok = mixed_ok or (
        "demonstration" in fams and fam == "strategic" and subs <= _RIOT_DOINGS
    )
    # Demonstrators arrested in the sentence after their demonstration ("Police officers
    # arrested them"): ACLED codes one protest with intervention.
    mixed_ok = mixed_ok or (
        "demonstration" in fams
        and fam == "strategic"
        and "Arrests" in subs
        and frame.sent_i <= max(f.sent_i for f in draft.frames) + 1
        and all(p.entry is not None and p.entry.kind in _CROWDS for p in frame.patients)
    )
    # "They clashed with police" or "clashes with the police broke out" in the sentence
    # after a demonstration: the demonstrators fought the police, the same event (a riot).
    mixed_ok = mixed_ok or (
        "demonstration" in fams
        and frame.sent_i == max(f.sent_i for f in draft.frames) + 1
        and _police_clash(frame)
    )
    if fam not in fams and not (frame.classes() <= {"kill", "injure", "attack"}) and not mixed_ok:
        return False
    if not _dates_agree(draft.dates(), frame.dates):
        return False
    if frame.background != all(f.background for f in draft.frames) and (
        frame.dates or draft.dates()
    ):
        return False  # "have fought in Nyala for weeks" is no part of Monday's air raid
    towns = {
        p.place.location for p in frame.places if p.place is not None and p.place.kind == "town"
    }
    mine = draft.towns()
    if towns and mine and not towns & mine:
        return False
    return True


def _police_clash(frame: Frame) -> bool:
    """A telling of a clash only (no killing, no arms' fire) whose only named side is
    the police or the army: what a crowd does to the forces facing it."""
    if not frame.triggers or any(
        t.entry.sub_event_type != "Armed clash" or t.entry.cls != "type" for t in frame.triggers
    ):
        return False
    named = [a for a in frame.actors if a.entry is not None]
    return bool(named) and all(a.entry.kind in _FORCES for a in named if a.entry is not None)


# The generic.tsv and actors.tsv kinds of the state's forces.
_FORCES = frozenset({"police", "military"})


def merge_frames(frames: list[Frame]) -> list[Draft]:
    """Group frames that tell the same event; the order of first telling is kept."""
    drafts: list[Draft] = []
    for frame in frames:
        target = None
        best = -1.0
        if frame.anaphoric and not frame.dates and not frame.places:
            # "this attack", "the blast": the last event told with the same kind of words.
            generic = frame.classes() <= {"attack", "kill", "injure"}  # "that attack"
            earlier = [
                d
                for d in reversed(drafts)
                if _compatible(d, frame) and all(f.sent_i < frame.sent_i for f in d.frames)
            ]
            # A bare "that attack" points at the event told just before it; other words at
            # the last event told with the same kind of word.
            target = (
                earlier[0]
                if generic
                and earlier
                and max(f.sent_i for f in earlier[0].frames) >= frame.sent_i - 1
                else next(
                    (
                        d
                        for d in reversed(drafts)
                        if _compatible(d, frame) and _overlap(d, frame) >= 1
                    ),
                    earlier[0] if generic and earlier else None,
                )
            )
            if target is not None:
                target.frames.append(frame)
                continue
        # The best-matching compatible draft; among equals the most recent one.
        for draft in reversed(drafts):
            if _compatible(draft, frame):
                score = _overlap(draft, frame)
                if score > best:
                    target, best = draft, score
        if target is None:
            drafts.append(Draft([frame]))
        else:
            target.frames.append(frame)
    return drafts
