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
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .actors import ActorMention, find_actor_mentions
from .articles import read_article
from .claims import find_claims
from .coding.assemble import assemble
from .coding.frames import find_frames
from .coding.records import Frame
from .dates import DateMention, find_dates
from .errors import EventwireError, ExtractionError, InputError
from .lexicon import doc_text
from .nlp import load_model
from .options import Options
from .people import Person, find_people
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
    places: list[Any] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    result: Result | None = None


def stage_places(work: Work) -> None:
    from .places import find_places

    ents = [(e.start_char, e.end_char, e.label_) for e in work.doc.ents]
    persons = [(s, e) for s, e, label in ents if label == "PERSON"]
    kept = []
    strong, leaning = _actor_countries(work)
    for pm in find_places(work.text or work.article.text, ents, countries=strong,
                          leaning=leaning):  # fmt: skip
        town = pm.place is not None and pm.place.kind in ("town", "unlisted")
        # "al-Jasim" inside "Bilal Hasan al-Jasim" is a name; a lone "Palmyra" tagged
        # PERSON is still a place (the gazetteer wins over a one-word PERSON label).
        if town and any(
            s <= pm.start and pm.end <= e and (e - s) > (pm.end - pm.start) for s, e in persons
        ):
            continue
        # "US" in "US soldiers" names a country, never the hamlet of Us in France; an actor
        # word the model tagged as a place ("Gunmen") is not the town of Guanmian.
        if town and pm.text.isupper() and len(pm.text) <= 3:
            continue
        if town and any(
            a.entry is not None and a.start <= pm.start and pm.end <= a.end for a in work.actors
        ):
            continue
        kept.append(pm)
    _drop_strays(kept)
    work.places = kept


def _drop_strays(mentions: list[Any]) -> None:
    """Unplace a lone town abroad when the article is plainly about another country.

    A river or a name matched to a town far off ("Euphrates" to a town in Germany)
    would otherwise pose as the event's place; the mention stays, without a place.
    Countries are weighed by the distinct names placed in them (a namesake told three
    times is one name; a division or country twice a town), and a town the text
    qualifies ("the countryside of Homs") or puts other places in stays.
    """
    from collections import Counter

    names: dict[str, dict[str, int]] = {}
    for pm in mentions:
        if pm.place is not None and pm.place.country and pm.place.kind != "unlisted":
            # A village the gazetteer lacks takes its country from the others; it is no
            # evidence of its own. A division or a country named outweighs a town's
            # name, which may be a namesake ("between Tiba and Kahil in Daraa": Daraa
            # says Syria, not Chiba).
            weight = 1 if pm.place.kind == "town" else 2
            seen = names.setdefault(pm.place.country, {})
            key = pm.place.location or pm.text
            seen[key] = max(seen.get(key, 0), weight)
    counts = Counter({c: sum(v.values()) for c, v in names.items()})
    if len(counts) < 2:
        return
    top, _n = counts.most_common(1)[0]
    held = {id(pm.container) for pm in mentions if getattr(pm, "container", None) is not None}
    for pm in mentions:
        p = pm.place
        if (
            p is not None
            and p.kind == "town"
            and p.country != top
            and counts[p.country] == 1
            and pm.qualifier is None
            and id(pm) not in held
        ):
            pm.place = None


def _actor_countries(work: Work) -> tuple[list[str], list[str]]:
    """The home country of the actors named, as context for ambiguous places: that of
    local groups, police and governments, which act at home; else, only as a leaning,
    that of a state's armed forces, which often strike abroad ("a Russian drone hit
    Kherson"). A local group's home outweighs a state's (``events.actor_homes``)."""
    from . import actors as act
    from .actors import actor_homes

    named = [a for a in work.actors if not a.striker]  # "Pakistani shelling hit Kupwara"
    top = [c for c, _ in actor_homes(named).most_common(1)]
    at_home = [
        a for a in named
        if a.entry is None or a.entry.inter != act.STATE or a.entry.kind in ("police", "government")
    ]  # fmt: skip
    if top and top == [c for c, _ in actor_homes(at_home).most_common(1)]:
        return top, []
    return [], top


def stage_dates(work: Work) -> None:
    work.dates = find_dates(work.text or work.article.text, work.article.published)


def stage_actors(work: Work) -> None:
    work.actors = find_actor_mentions(work.doc)
    for m in work.actors:  # names kept as written: in the article's own letters
        m.text = work.article.text[m.start : m.end]


def stage_frames(work: Work) -> None:
    # A name the model calls an organisation that is also a place of the article ("Homs",
    # "Busaytin") is the place, not an unknown armed group.
    placed = [(p.start, p.end) for p in work.places if p.place is not None]
    actors = [
        a
        for a in work.actors
        if a.entry is not None or not any(s < a.end and a.start < e for s, e in placed)
    ]
    work.frames = find_frames(work.doc, work.dates, work.places, actors)


def stage_events(work: Work) -> None:
    events = assemble(work.doc, work.article, work.frames, work.places, work.dates)
    work.events = [e for e in events if e.confidence >= work.options.min_confidence]


def stage_people(work: Work) -> None:
    doc_text(work.doc, work.article.text)  # the later stages read the text from the Doc
    work.people = find_people(work.doc, work.actors, work.places)


def stage_quotes(work: Work) -> None:
    work.quotes = find_quotes(work.doc, work.actors, work.people)


def stage_claims(work: Work) -> None:
    work.claims = find_claims(
        work.doc, work.actors, work.quotes, work.article.published, _context(work)
    )


def stage_relations(work: Work) -> None:
    work.relations = find_relations(work.doc, work.actors, work.people, _context(work))


def _context(work: Work) -> tuple[str | None, str | None, int | None]:
    """(country, iso2, year) of the main event, to name actors as the events name them."""
    from .places import country_by_name

    main = work.events[0] if work.events else None
    country = main.country if main else None
    if country is None:  # no event: the country the article's places point at most
        from collections import Counter

        named = Counter(p.place.country for p in work.places if p.place and p.place.country)
        country = named.most_common(1)[0][0] if named else None
    place = country_by_name(country) if country else None
    iso2 = place.iso2 if place is not None else None
    date = (main.event_date if main else None) or work.article.published
    return country, iso2, int(date[:4]) if date else None


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


def run_stages(work: Work, stages: Iterable[tuple[str, Callable[[Work], None]]] = STAGES) -> Result:
    """Run the stages on a parsed Work; a failing stage raises ExtractionError naming it."""
    for name, fn in stages:
        try:
            fn(work)
        except EventwireError:
            raise
        except Exception as exc:  # noqa: BLE001 - any bug in a stage is reported with its name
            raise ExtractionError(f"{type(exc).__name__}: {exc}", stage=name) from exc
    result = work.result or Result(id=work.article.id)
    result.events = work.events
    result.claims, result.quotes, result.relations = work.claims, work.quotes, work.relations
    result.warnings = list(work.article.warnings)
    return result


def _skip_reason(article: Article, options: Options) -> str | None:
    if options.require_english and article.language not in (None, "en"):
        return f"not English (language: {article.language})"
    return None


def _nlp(options: Options) -> Any:
    nlp = load_model(options.model)
    _add_newline_boundaries(nlp)
    return nlp


def _add_newline_boundaries(nlp: Any) -> None:
    """Headlines and paragraphs end sentences even without a full stop."""
    if "eventwire_newlines" in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    from spacy.language import Language

    if not Language.has_factory("eventwire_newlines"):

        @Language.component("eventwire_newlines")
        def newlines(doc: Any) -> Any:
            for tok in doc[:-1]:
                if "\n" in tok.text or tok.whitespace_ == "\n" or tok.text.endswith("\n"):
                    doc[tok.i + 1].is_sent_start = True
            return doc

    nlp.add_pipe("eventwire_newlines", before="parser")


# A dateline opening a paragraph: "MAIDUGURI, Nigeria -", "KABUL (Reuters) --", "BEIRUT —".
_DATELINE = re.compile(
    r"(?m)^(\s*[A-Z][A-Z'’.\-]{2,}(?:[ -][A-Z][A-Z'’.\-]*)*(?:,\s*[A-Z][\w'’.\- ]{1,40}){0,2}"
    r"(?:\s*\([^()\n]{1,40}\))?)\s*([-–—]{1,2})\s"
)


def _in_capitals(text: str) -> bool:
    letters = [c for c in text[:20_000] if c.isalpha()]
    return len(letters) >= 40 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _cut_datelines(text: str) -> str:
    """The dash after a dateline becomes a line break (same length): the parser then reads
    "At least 12 people were killed" as a sentence of its own, not as said of the city."""
    if "-" not in text[:2000] and "—" not in text and "–" not in text:
        return text
    return _DATELINE.sub(lambda m: m.group(1) + m.group(0)[len(m.group(1)):].replace(
        m.group(2), "\n" * len(m.group(2)), 1), text)


def analysis_text(text: str) -> str:
    """The text to parse: ``text`` itself, or for an article written all in capitals (old
    wire copy, telex archives) a lower-cased copy with sentences capitalised, of the same
    length. In capitals every word looks like a name or an acronym to the model ("US", "IS",
    "CAR" would be countries and groups).

    >>> analysis_text("GUNMEN KILLED TWO SOLDIERS NEAR THE BORDER. THE ARMY SAID SO.")
    'Gunmen killed two soldiers near the border. The army said so.'
    """
    text = _cut_datelines(text)
    if not _in_capitals(text):
        return text
    out = []
    start = True
    for c in text:
        low = c.lower()
        if len(low) != 1:
            low = c  # "İ" lowers to two characters: keep the offsets
        if c.isalpha():
            out.append(c if start else low)
            start = False
        else:
            out.append(c)
            if c in ".!?\n":
                start = True
    return "".join(out)


_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday".split()
)


def _recapitalise(text: str, doc: Any) -> str:
    """Capitals back on the words a first parse of the lower-cased text calls names, and
    on month and day names ("3 may 2024")."""
    chars = list(text)
    for tok in doc:
        if tok.pos_ == "PROPN" or (tok.lower_ in _CALENDAR and tok.ent_type_ == "DATE"):
            chars[tok.idx] = chars[tok.idx].upper()
    return "".join(chars)


def extract_article(article: Article, options: Options = Options()) -> Result:
    """Code the events of one Article."""
    return next(iter(_extract_batch([article], options)))


def _extract_batch(articles: list[Article], options: Options) -> list[Result]:
    results: list[Result | None] = [None] * len(articles)
    todo: list[tuple[int, Article]] = []
    for k, art in enumerate(articles):
        reason = _skip_reason(art, options)
        if reason:
            results[k] = Result(id=art.id, warnings=[*art.warnings, reason])
        else:
            todo.append((k, art))
    if todo:
        nlp = _nlp(options)
        texts = [analysis_text(a.text) for _, a in todo]
        docs = nlp.pipe(texts, batch_size=options.batch_size)
        for (k, art), text, doc in zip(todo, texts, docs, strict=True):
            if _in_capitals(art.text):
                # Names the tagger still knows in lower case get their capital back, and
                # the text is parsed again: places and dates are read from capitals.
                art.warnings.append("written in capitals: read in lower case")
                text = _recapitalise(text, doc)
                doc = nlp(text)
            try:
                results[k] = run_stages(Work(art, options, doc, text=text))
            except EventwireError as exc:
                results[k] = Result(id=art.id, error=str(exc), warnings=list(art.warnings))
    return [r for r in results if r is not None]


def extract(
    text: str,
    published: str | None = None,
    title: str | None = None,
    *,
    options: Options = Options(),
) -> Result:
    """Code the events of one article given as text (or HTML).

    >>> r = extract("Police arrested five protesters in Nairobi on 2 March 2024.")  # doctest: +SKIP
    >>> r.events[0].sub_event_type  # doctest: +SKIP
    'Protest with intervention'
    """
    article = read_article(text, title=title, published=published, options=options)
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
                        options=options,
                    )
                )
            except InputError as exc:
                slots.append(Result(id=ident, error=str(exc)))
        arts = [s for s in slots if isinstance(s, Article)]
        done = iter(_extract_batch(arts, options))
        for s in slots:
            yield next(done) if isinstance(s, Article) else s  # type: ignore[misc]
