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
from .articles import indexed_text, read_article
from .checks import place_warnings
from .claims import find_claims
from .coding.assemble import assemble
from .coding.classification import certain_cards
from .coding.frames import find_frames
from .coding.learned import Decider, ModelDecider
from .coding.model import load_model_dir, model_dir_from
from .coding.numbers import oversized
from .coding.records import Draft, Frame, Verdict
from .coding.rescue import rescue
from .dates import DateMention, find_dates
from .errors import ConfigError, EventwireError, ExtractionError, InputError
from .gazetteer import Gazetteer
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
        work.text or work.article.text, ents, work.actors, work.article.country, _year(work)
    )
    # Places the gazetteer could not load (an unreadable data folder): said per article.
    work.article.warnings.extend(
        p for p in Gazetteer.default().problems if p not in work.article.warnings
    )


def _year(work: Work) -> int | None:
    """The year the article tells of: its first dated mention's, else its publication's."""
    told = next((d.date for d in work.dates if d.date), None) or work.article.published
    return int(told[:4]) if told and told[:4].isdigit() else None


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
    ("dates", stage_dates),  # before places: a front line is looked for in its year
    ("places", stage_places),
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
    """Code the events of one Article; whatever fails comes back in ``error``."""
    return extract_batch([article], options)[0]


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


# A batch function: (articles, options) -> one Result per article, in order. The default
# is ``extract_articles``; another must be a module-level function (worker processes
# receive it pickled by name).
BatchFn = Callable[[list[Article], Options], list[Result]]


def extract_batch(
    articles: list[Article], options: Options, extract: BatchFn | None = None
) -> list[Result]:
    """One Result per article, in order; an article that raises fails alone.

    The pipeline already turns a failing stage or parse into a failed Result; this
    catches whatever escapes it: the batch is run again one article at a time, and the
    article that raises comes back with ``error`` set. A missing model (ConfigError)
    still stops the run: no article could be extracted. Every entry point that extracts
    (``extract``, ``extract_stream``, ingest's extractors) goes through here.
    """
    if extract is None:
        extract = extract_articles
    warned = [list(a.warnings) for a in articles]
    try:
        return extract(articles, options)
    except ConfigError:
        raise
    except Exception:  # noqa: BLE001 - the culprit is found below, article by article
        pass
    results = []
    for art, before in zip(articles, warned, strict=True):
        art.warnings[:] = before  # the failed batch may have added some already
        results.append(_alone(art, options, extract))
    return results


def _alone(art: Article, options: Options, extract: BatchFn) -> Result:
    try:
        return extract([art], options)[0]
    except ConfigError:
        raise
    except Exception as exc:  # noqa: BLE001 - reported as this article's failure
        return Result(id=art.id, error=f"{type(exc).__name__}: {exc}", warnings=list(art.warnings))


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
            continue
        todo.append(art)
        note = oversized(art.text)  # refused one by one as the stages meet them
        if note and note not in art.warnings:
            art.warnings.append(note)
    done: dict[int, Work] = {}
    if todo:
        nlp = load_parser(options)
        for art, text, doc in _parse(nlp, todo, options):
            work = Work(art, options, doc, text=text)
            try:
                if isinstance(doc, ExtractionError):
                    raise doc
                _run(work, stages)
            except EventwireError as exc:
                work.result = Result(id=art.id, error=str(exc), warnings=list(art.warnings))
            done[id(art)] = work
    for art in articles:
        yield art, done.get(id(art))


def _parse(
    nlp: Any, articles: list[Article], options: Options
) -> Iterator[tuple[Article, str, Any]]:
    """Each article with the text parsed and its Doc, or the ExtractionError (stage
    "parse") that parsing it raised. The batch is parsed together; when spaCy raises on
    one text, the texts from there on are parsed one at a time, so only that one fails."""
    texts = [analysis_text(a.text) for a in articles]
    done = 0
    try:
        for doc in nlp.pipe(texts, batch_size=options.batch_size):
            yield articles[done], *_reparsed(nlp, articles[done], texts[done], doc)
            done += 1
    except Exception:  # noqa: BLE001 - the culprit is found below, text by text
        pass
    for art, text in zip(articles[done:], texts[done:], strict=True):
        try:
            parsed = _reparsed(nlp, art, text, nlp(text))
        except Exception as exc:  # noqa: BLE001 - this article's failure, not the batch's
            yield art, text, ExtractionError(f"{type(exc).__name__}: {exc}", stage="parse")
            continue
        yield art, *parsed


def _reparsed(nlp: Any, art: Article, text: str, doc: Any) -> tuple[str, Any]:
    """(text, Doc) to code: for an article written in capitals, names the tagger still
    knows in lower case get their capital back, and the text is parsed again (places
    and dates are read from capitals)."""
    if not in_capitals(art.text):
        return text, doc
    text = recapitalise(text, doc)
    doc = nlp(text)
    art.warnings.append("written in capitals: read in lower case")
    return text, doc


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
    result = extract_article(article, options)
    result.text = indexed_text(article, text)
    return result


def extract_stream(
    items: Iterable[tuple[int, dict | None, str | None]], options: Options = Options()
) -> Iterator[Result]:
    """Results for a stream of (line number, JSON object, error) in input order.

    Bad lines come back as a Result with ``error`` set and the original id, whatever
    reading or coding them raised; the stream is consumed in batches of
    ``options.batch_size`` so memory stays flat.
    """
    it = iter(items)
    while True:
        chunk = list(itertools.islice(it, options.batch_size))
        if not chunk:
            return
        slots = [_stream_article(*item, options) for item in chunk]
        arts = [s[0] for s in slots if isinstance(s, tuple)]
        done = iter(extract_batch(arts, options))
        for s in slots:
            if isinstance(s, Result):
                yield s
                continue
            result = next(done)
            result.text = indexed_text(*s)
            yield result


def _stream_article(
    line_no: int, obj: dict | None, error: str | None, options: Options
) -> Result | tuple[Article, str]:
    """A JSONL line's Article with its text as given, or the Result that says why not."""
    ident = str((obj or {}).get("id", line_no)) if isinstance(obj, dict) else str(line_no)
    if error is not None or obj is None:
        return Result(id=ident, error=error or "unreadable line")
    title, url, country = obj.get("title"), obj.get("url"), obj.get("country")
    try:
        article = read_article(
            obj["text"],
            title=title if isinstance(title, str) else None,
            published=obj.get("published"),
            url=url if isinstance(url, str) else None,
            id=ident,
            country=country if isinstance(country, str) else None,
            options=options,
        )
    except InputError as exc:
        return Result(id=ident, error=str(exc))
    return article, obj["text"]
