"""The extraction pipeline: one ``Work`` object flows through the stages listed in ``STAGES``.

read → annotate → detect → resolve → assemble (DESIGN.md). spaCy parses texts in batches;
every other stage is a plain function of the ``Work`` for one article, so the order is data
and a stage can be replaced (``run_stages(work, stages=...)``).

>>> result = extract("Gunmen killed two soldiers in Kano on 3 May 2024.")  # doctest: +SKIP
>>> result.events[0].fatalities                                            # doctest: +SKIP
2
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .actors import ActorMention, find_actor_mentions
from .articles import read_article
from .checks import place_warnings
from .claims import find_claims
from .coding.assemble import assemble
from .coding.classification import certain_cards
from .coding.frames import find_frames
from .coding.learned import Decider, ModelDecider
from .coding.model import load_model_dir, model_dir_from
from .coding.records import Draft, Frame, Verdict
from .coding.rescue import rescue
from .dates import DateMention, find_dates
from .errors import EventwireError, ExtractionError, InputError
from .identities import communal_identities
from .lexicon import doc_text
from .nlp import analysis_text, in_capitals, load_parser, recapitalise
from .options import Options
from .people import Person, find_people
from .placement import article_places, article_setting, beside_places
from .places import PlaceMention
from .quotes import find_quotes
from .records import Article, Claim, Event, Quote, Relation, Result
from .relations import find_relations


@dataclass(slots=True)
class Work:
    """Everything known about one article while it moves through the stages."""

    article: Article
    options: Options
    doc: Any = None
    # The text the stages read: the article's, or a lower-cased copy of an article written
    # all in capitals (same length, so every offset is an offset into the article).
    text: str = ""
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # For each of ``events``: the draft it was built from and the verdict that classified
    # it (what a statistical classifier reads beside the cards).
    coded: list[tuple[Draft, Verdict]] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    result: Result | None = None


def stage_dates(work: Work) -> None:
    work.dates = find_dates(work.text or work.article.text, work.article.published)


def stage_actors(work: Work) -> None:
    work.actors = communal_identities(work.doc, find_actor_mentions(work.doc))
    for m in work.actors:  # names kept as written: in the article's own letters
        m.text = work.article.text[m.start : m.end]


def stage_places(work: Work) -> None:
    ents = [(e.start_char, e.end_char, e.label_) for e in work.doc.ents]
    work.places = article_places(
        work.text or work.article.text, ents, work.actors, work.article.country
    )


def stage_frames(work: Work) -> None:
    actors = beside_places(work.actors, work.places)
    work.frames = find_frames(work.doc, work.dates, work.places, actors)


def stage_events(work: Work, decide: Decider | None = None) -> None:
    """The article's events: the cards' verdicts, then the classifier's (``decide``, by
    default the model of ``work.options``); a text the cards found nothing in is read
    whole by the model (``coding/rescue.py``)."""
    if decide is None:
        decide = model_decider(work.options)
    args = (work.doc, work.article, work.frames, work.places, work.dates)
    coded = assemble(*args, decide=decide, actors=work.actors)
    if not coded and isinstance(decide, ModelDecider):
        # Nothing found: the model reads the drafts the cards refused, then the whole text.
        coded = assemble(*args, decide=decide.rescuing(), actors=work.actors)
        if not coded:
            actors = beside_places(work.actors, work.places)
            coded = rescue(work.doc, work.article, work.places, work.dates, actors, decide)
    kept = [c for c in coded if c[2].confidence >= work.options.min_confidence]
    work.events = [event for _, _, event in kept]
    work.coded = [(draft, verdict) for draft, verdict, _ in kept]


def model_decider(options: Options) -> ModelDecider | None:
    """The classifier ``options`` ask for (None: the cards alone decide)."""
    if not options.use_model:
        return None
    return ModelDecider(load_model_dir(model_dir_from(options.model_dir)), certain_cards())


def stage_people(work: Work) -> None:
    doc_text(work.doc, work.article.text)  # the later stages read the text from the Doc
    work.people = find_people(work.doc, work.actors, work.places)


def stage_quotes(work: Work) -> None:
    work.quotes = find_quotes(work.doc, work.actors, work.people)


def stage_claims(work: Work) -> None:
    work.claims = find_claims(
        work.doc, work.actors, work.quotes, work.article.published, _setting(work)
    )


def stage_relations(work: Work) -> None:
    work.relations = find_relations(work.doc, work.actors, work.people, _setting(work))


def _setting(work: Work) -> tuple[str | None, str | None, int | None]:
    return article_setting(work.events, work.places, work.article.published)


# The stages after parsing, in order; each takes the Work and fills its part.
STAGES: tuple[tuple[str, Callable[[Work], None]], ...] = (
    ("actors", stage_actors),
    ("places", stage_places),
    ("dates", stage_dates),
    ("frames", stage_frames),
    ("events", stage_events),
    ("people", stage_people),
    ("quotes", stage_quotes),
    ("claims", stage_claims),
    ("relations", stage_relations),
)
# The stages that find what an event is made of, before events are coded: ``eventwire
# train`` runs these, then ``stage_events`` with a decider that records the features.
FINDING_STAGES = STAGES[: [name for name, _ in STAGES].index("events")]


def run_stages(work: Work, stages: Iterable[tuple[str, Callable[[Work], None]]] = STAGES) -> Result:
    """Run the stages on a parsed Work; a failing stage raises ExtractionError naming it."""
    _run(work, stages)
    return _result(work)


def _run(work: Work, stages: Iterable[tuple[str, Callable[[Work], None]]]) -> None:
    for name, fn in stages:
        try:
            fn(work)
        except EventwireError:
            raise
        except Exception as exc:  # noqa: BLE001 - any bug in a stage is reported with its name
            raise ExtractionError(f"{type(exc).__name__}: {exc}", stage=name) from exc


def _result(work: Work) -> Result:
    result = work.result or Result(id=work.article.id)
    result.events = work.events
    result.claims, result.quotes, result.relations = work.claims, work.quotes, work.relations
    result.warnings = list(work.article.warnings) + place_warnings(work.events, work.places)
    if any(e.country is None for e in work.events):
        # Never a guess: the record says why the field is empty, and what would fill it.
        result.warnings.append(
            "country unknown: the text names no place, dateline or actor that says it; "
            "give the source's country (--country) if it has one"
        )
    return result


def _skip_reason(article: Article, options: Options) -> str | None:
    if options.require_english and article.language not in (None, "en"):
        return f"not English (language: {article.language})"
    return None


def extract_article(article: Article, options: Options = Options()) -> Result:
    """Code the events of one Article."""
    return extract_articles([article], options)[0]


def extract_articles(articles: list[Article], options: Options = Options()) -> list[Result]:
    """Code a batch of Articles (parsed together, so faster than one by one); a failing
    article gives a Result with ``error`` set and the others go on."""
    results: list[Result] = []
    for art, work in code_articles(articles, options):
        if work is None:
            results.append(Result(id=art.id, warnings=list(art.warnings)))
        elif work.result is not None and work.result.error:
            results.append(work.result)
        else:
            results.append(_result(work))
    return results


def code_articles(
    articles: list[Article],
    options: Options,
    stages: Iterable[tuple[str, Callable[[Work], None]]] = STAGES,
) -> Iterator[tuple[Article, Work | None]]:
    """Each article with its Work after ``stages`` (None when it was skipped, with the
    reason in its warnings). A failing stage leaves ``work.result.error`` set; the batch
    goes on. ``eventwire train`` reads the rules' verdicts from here, before the model.
    """
    stages = tuple(stages)
    todo: list[Article] = []
    for art in articles:
        reason = _skip_reason(art, options)
        if reason:
            art.warnings.append(reason)
        else:
            todo.append(art)
    done: dict[int, Work] = {}
    if todo:
        nlp = load_parser(options)
        texts = [analysis_text(a.text) for a in todo]
        docs = nlp.pipe(texts, batch_size=options.batch_size)
        for art, text, doc in zip(todo, texts, docs, strict=True):
            if in_capitals(art.text):
                # Names the tagger still knows in lower case get their capital back, and
                # the text is parsed again: places and dates are read from capitals.
                art.warnings.append("written in capitals: read in lower case")
                text = recapitalise(text, doc)
                doc = nlp(text)
            work = Work(art, options, doc, text=text)
            try:
                _run(work, stages)
            except EventwireError as exc:
                work.result = Result(id=art.id, error=str(exc), warnings=list(art.warnings))
            done[id(art)] = work
    for art in articles:
        yield art, done.get(id(art))


def extract(
    text: str,
    published: str | None = None,
    title: str | None = None,
    *,
    country: str | None = None,
    options: Options = Options(),
) -> Result:
    """Code the events of one article given as text (or HTML); ``country`` is the
    country the source is about, if known (a clue, never over the text's own).

    >>> r = extract("Police arrested five protesters in Nairobi on 2 March 2024.")  # doctest: +SKIP
    >>> r.events[0].sub_event_type  # doctest: +SKIP
    'Protest with intervention'
    """
    article = read_article(
        text, title=title, published=published, country=country, options=options
    )
    return extract_article(article, options)


def extract_stream(
    items: Iterable[tuple[int, dict | None, str | None]], options: Options = Options()
) -> Iterator[Result]:
    """Results for a stream of (line number, JSON object, error) in input order.

    Bad lines come back as a Result with ``error`` set and the original id; the stream
    is consumed in batches of ``options.batch_size`` so memory stays flat.
    """
    it = iter(items)
    while True:
        chunk = list(itertools.islice(it, options.batch_size))
        if not chunk:
            return
        slots: list[Result | Article] = []
        for line_no, obj, error in chunk:
            ident = str((obj or {}).get("id", line_no)) if isinstance(obj, dict) else str(line_no)
            if error is not None or obj is None:
                slots.append(Result(id=ident, error=error or "unreadable line"))
                continue
            try:
                slots.append(
                    read_article(
                        obj["text"],
                        title=obj.get("title"),
                        published=obj.get("published"),
                        url=obj.get("url"),
                        id=ident,
                        country=obj.get("country"),
                        options=options,
                    )
                )
            except InputError as exc:
                slots.append(Result(id=ident, error=str(exc)))
        arts = [s for s in slots if isinstance(s, Article)]
        done = iter(extract_articles(arts, options))
        for s in slots:
            yield next(done) if isinstance(s, Article) else s  # type: ignore[misc]
