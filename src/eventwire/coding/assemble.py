"""Assemble frames into events: merge the tellings of one event, build each event, and
put the article's main event first.

>>> draft, verdict, event = assemble(doc, article, frames, places)[0]  # doctest: +SKIP
>>> event.sub_event_type, verdict.card                                # doctest: +SKIP
('Air/drone strike', 'weapon')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..actors import ActorMention
from ..dates import DateMention
from ..lexicon import parsed_text
from ..place_lexicon import PlaceMention
from ..placement import leader, text_clues
from ..records import Article, Event
from .build import build_event
from .crime import private_crime
from .factuality import PERIOD, backdrop, told_as_history
from .learned import Decider
from .merging import merge_frames, on_a_day
from .records import Draft, Frame, Verdict
from .responsibility import statements
from .setting import country_place, country_votes, named_first
from .shares import find_splits
from .sport import sport_report
from .words import word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc


def assemble(
    doc: Doc,
    article: Article,
    frames: list[Frame],
    places: list[PlaceMention],
    dates: Sequence[DateMention] = (),
    decide: Decider | None = None,
    actors: Sequence[ActorMention] = (),
) -> list[tuple[Draft, Verdict, Event]]:
    """Events of one article, main event first, each with its draft and the verdict that
    classified it (the cards', then ``decide``'s: the classifier's); ``actors`` are all
    the article names, read for claims of responsibility (``responsibility``)."""
    for frame in frames:
        # "have fought in Nyala for weeks": told as background, with no day of its own ("the
        # fighting, which has gone on for weeks, left 12 dead" tells of the event before).
        frame.background = (
            not on_a_day(frame.dates)
            and not frame.anaphoric
            and backdrop(parsed_text(doc)[frame.sent_start : frame.sent_end])
        )
    drafts = merge_frames(frames)
    for draft in drafts:
        draft.alone = len(drafts) == 1
    claims = statements(doc, actors) if actors else []
    votes, first = country_votes(
        places, frames, text_clues(article.text, article.country), actors)
    top = leader(votes) or named_first(votes, places)
    fallback = country_place(first[top]) if top else None
    events: list[tuple[Draft, Verdict, Event]] = []
    splits = find_splits(article.text)
    # Places a placeless event may inherit: not those of background sentences ("more than
    # 40 strikes since last year, most of them in the mountains of Puntland").
    background = [(s.start_char, s.end_char) for s in doc.sents if PERIOD.search(s.text)]
    nearby = [p for p in places if not any(a <= p.start < b for a, b in background)]
    for k, draft in enumerate(drafts):
        if all(
            f.anaphoric and not (f.tolls or f.dates or f.places) and _reacted_to(f, doc)
            for f in draft.frames
        ):
            # "The UN condemned the attack", "police are investigating the bombing": an
            # event told elsewhere, of which this text says nothing.
            continue
        if (
            _history(draft, doc, article.published)
            or all(_remembered(f, doc) for f in draft.frames)
            or private_crime(draft, doc)
            or sport_report(draft, doc)
        ):
            continue
        built = build_event(
            draft, doc, article, fallback, nearby, k, list(dates), votes, splits, decide, claims
        )
        if built is not None:
            events.append((draft, built[1], built[0]))
    latest = max(
        (e.event_date for _, _, e in events if e.event_date and e.time_precision == 1),
        default=None,
    )
    lead = min((f.sent_i for d, _, _ in events for f in d.frames), default=0)
    # Background told without a day of its own ("the street had seen two marches this
    # month") is no event beside one told on its day ("On Friday night a grenade ..."),
    # and comes after it where it names a place or a toll ("fought in Nyala for weeks").
    if any(_day_told(d) for d, _, _ in events):
        events = [dve for dve in events if not _bare_background(dve[0])]
    events.sort(key=lambda dve: _main_rank(dve[0], dve[2], doc, latest, lead))
    return events


def _bare_background(draft: Draft) -> bool:
    return all(f.background and not f.places and not f.tolls for f in draft.frames)


def _day_told(draft: Draft) -> bool:
    return on_a_day(draft.dates())


def _history(draft: Draft, doc: Doc, published: str | None) -> bool:
    """A draft first told in a sentence dated years before the report ("In 2014, the
    group overran the town"), and dated by no day or month, is background, not an event."""
    first = min(draft.frames, key=lambda f: f.start)
    sentence = parsed_text(doc)[first.sent_start : first.sent_end]
    dated = any(d.date and d.precision <= 2 for d in draft.dates())
    return not dated and told_as_history(sentence, published)


def _remembered(frame: Frame, doc: Doc) -> bool:
    """Every trigger of the frame tells what is remembered ("to mark the anniversary of
    the 1988 bombing", "gathered to commemorate the massacre"): history, not an event."""
    remembering = word_class("remembrance_word")
    return bool(frame.triggers) and all(
        any(t.lemma_.lower() in remembering for t in doc[h.j - 1].ancestors)
        for h in frame.triggers
    )


def _reacted_to(frame: Frame, doc: Doc) -> bool:
    """Every trigger of the frame is what a reaction is about ("condemned the attack")."""
    for h in frame.triggers:
        tok = doc[h.j - 1]
        head = tok.head.head if tok.dep_ == "pobj" else tok.head
        if tok.dep_ not in ("dobj", "pobj") or head.lemma_.lower() not in word_class(
            "reaction_verb"
        ):
            return False
    return True


def _main_rank(
    draft: Draft, ev: Event, doc: Doc, latest: str | None, lead: int = 0
) -> tuple[float, int]:
    """Main event first: told in the lead (the first sentence that tells any event, most)
    or told most, and not only recalled."""
    recalled = bool(
        latest
        and ev.event_date
        and ev.event_date < latest
        and (dt.date.fromisoformat(latest) - dt.date.fromisoformat(ev.event_date)).days > 3
    )
    lead_end = _lead_end(doc)
    in_lead = any(f.start < lead_end and f.main_clause for f in draft.frames)
    # The first sentence's main clause over the second's ("Lawyers protested against the
    # arrest of a reporter. He was detained last week.": the protest).
    first = any(f.sent_i == lead and f.main_clause for f in draft.frames)
    told = len(draft.frames)
    recalled = recalled or all(f.background for f in draft.frames)
    rank = 2.0 * in_lead + 1.0 * first + min(told, 4) * 0.5 + ev.confidence - 3.0 * recalled
    return (-rank, draft.first)


def _lead_end(doc: Doc) -> int:
    sents = list(doc.sents)
    return sents[min(1, len(sents) - 1)].end_char if sents else 0
