"""A seeded corpus of invented news reports written from a known list of events.

Used by tests/test_corpus.py (acceptance 1 of the store issue): each true event is told
by several reports, worded differently, with differing casualty figures and dates written
in different ways ("on 3 May 2024", "on May 3", "on Friday" relative to the report's
publication date); unrelated articles (sport, markets, weather) must yield nothing.

All texts are invented for the project from the templates below. Towns and countries are
real places (the gazetteer has work to do); the incidents are not.

    >>> corpus = make_corpus(seed=1)
    >>> len(corpus.articles) >= 2000
    True

Hard cases are built in on purpose: two events of one type in two towns of one country
on one day, and two events of one type in one town a week apart.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

# Towns at least 50 km apart within each country, that the bundled gazetteer places.
TOWNS: dict[str, list[str]] = {
    "Nigeria": ["Kaduna", "Maiduguri", "Kano", "Jos", "Sokoto"],
    "Somalia": ["Baidoa", "Kismayo", "Beledweyne", "Garowe"],
    "Mali": ["Gao", "Timbuktu", "Mopti", "Kidal"],
    "Syria": ["Aleppo", "Homs", "Idlib", "Raqqa", "Daraa"],
    "Afghanistan": ["Kandahar", "Herat", "Jalalabad", "Kunduz"],
    "Pakistan": ["Peshawar", "Quetta", "Lahore", "Bannu"],
    "Kenya": ["Garissa", "Lamu", "Kisumu", "Mandera"],
    "Sudan": ["Nyala", "Kassala", "Omdurman", "El Obeid"],
}
DEMONYMS = {
    "Nigeria": "Nigerian", "Somalia": "Somali", "Mali": "Malian", "Syria": "Syrian",
    "Afghanistan": "Afghan", "Pakistan": "Pakistani", "Kenya": "Kenyan", "Sudan": "Sudanese",
}  # fmt: skip
GROUPS = {
    "Nigeria": "Boko Haram", "Somalia": "Al Shabaab", "Mali": "JNIM", "Syria": "Islamic State",
    "Afghanistan": "Islamic State", "Pakistan": "Pakistani Taliban", "Kenya": "Al Shabaab",
    "Sudan": "Rapid Support Forces",
}  # fmt: skip
NUMBER_WORDS = {
    2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
    9: "nine", 10: "ten", 11: "eleven", 12: "twelve",
}  # fmt: skip

# Each kind: the ACLED type it must be coded as, and lead sentences in several wordings.
# {n}: a casualty figure; {town}, {country}, {dem} (demonym), {group}; {when}: a date.
KINDS: dict[str, tuple[str, list[str]]] = {
    "attack": ("Violence against civilians", [
        "Gunmen killed {n} villagers in {town}, {country}, {when}, police said.",
        "Armed men shot dead {n} civilians in the {dem} town of {town} {when}.",
        "{N} civilians were killed when gunmen attacked a village near {town} {when}, "
        "residents said.",
    ]),
    "airstrike": ("Explosions/Remote violence", [
        "An airstrike killed {n} people in {town}, {country}, {when}, local officials said.",
        "Warplanes struck a market in the {dem} town of {town} {when}, killing {n} people.",
        "{N} people died in an air strike on {town} {when}, a medical source said.",
    ]),
    "bomb": ("Explosions/Remote violence", [
        "A roadside bomb killed {n} soldiers in {town}, {country}, {when}, officials said.",
        "{N} soldiers were killed when an improvised explosive device hit their vehicle in "
        "{town} {when}.",
        "An IED blast killed {n} soldiers on a road in the {dem} town of {town} {when}.",
    ]),
    "clash": ("Battles", [
        "Government troops clashed with {group} fighters in {town}, {country}, {when}, "
        "leaving {n} soldiers dead.",
        "{N} soldiers were killed in fighting with {group} militants in {town} {when}, the "
        "army said.",
        "Heavy fighting broke out between the army and {group} in the {dem} town of {town} "
        "{when}; {n} soldiers died.",
    ]),
    "protest": ("Protests", [
        "Hundreds of people protested peacefully in {town}, {country}, {when} against rising "
        "fuel prices.",
        "Thousands of demonstrators marched peacefully through {town} {when} to demand "
        "higher wages.",
        "Residents of {town} held a peaceful protest {when} against power cuts, organisers "
        "said.",
    ]),
}  # fmt: skip
# Second sentences that add nothing to the event (no new incident, no new figures).
FILLERS = [
    "Officials said an investigation had been opened.",
    "Local leaders appealed for calm.",
    "Schools and shops in the area stayed closed.",
    "The authorities did not give further details.",
    "Aid groups said they were following the situation.",
    "It was not clear who was behind it, and no group has said it was responsible.",
    "Residents said that the town was quiet by the evening.",
    "The governor of the area said that he would visit the families.",
]
# Invented outlets, so that reports of one event are told by different sources.
OUTLETS = [
    "Daily Ledger",
    "Morning Courier",
    "Radio Meridian",
    "The Sentinel",
    "Coastline News",
    "Highland Times",
    "Evening Dispatch",
    "Plainsman Weekly",
]
UNRELATED = [
    "The national football team beat its rivals {a}-{b} in {town} on Saturday in front of "
    "a crowd of {k},000 supporters. The coach praised the young squad.",
    "Shares on the {dem} stock exchange closed {a} percent higher on Tuesday as banks "
    "reported strong profits. Traders expect more gains next week.",
    "Heavy rain is expected in {town} this week, forecasters said, and farmers welcomed the "
    "early start of the planting season.",
    "A new public library with {k},000 books opened in {town} on Monday, the city council "
    "said. Entry will be free for students.",
    "The {dem} central bank kept its main interest rate at {a} percent on Thursday, citing "
    "stable prices and steady growth.",
]
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


@dataclass(frozen=True, slots=True)
class TrueEvent:
    key: str
    kind: str
    event_type: str
    country: str
    town: str
    date: dt.date
    fatalities: int


@dataclass(slots=True)
class Corpus:
    events: list[TrueEvent] = field(default_factory=list)
    # {"id", "text", "published"}; ``truth[id]`` is the true event's key, or None.
    articles: list[dict[str, str]] = field(default_factory=list)
    truth: dict[str, str | None] = field(default_factory=dict)


def _when(rng: random.Random, day: dt.date, published: dt.date) -> str:
    lag = (published - day).days
    style = rng.randrange(3)
    if style == 0 or not 1 <= lag <= 5:
        return f"on {day.day} {MONTHS[day.month - 1]} {day.year}"
    if style == 1:
        return f"on {MONTHS[day.month - 1]} {day.day}"
    return f"on {WEEKDAYS[day.weekday()]}"


def _events(rng: random.Random, n: int, start: dt.date, days: int) -> list[TrueEvent]:
    used: dict[tuple[str, str], list[dt.date]] = {}
    out: list[TrueEvent] = []

    def add(kind: str, country: str, town: str, day: dt.date) -> None:
        used.setdefault((town, kind), []).append(day)
        killed = 0 if kind == "protest" else rng.randint(3, 9)
        out.append(TrueEvent(f"E{len(out):04d}", kind, KINDS[kind][0], country, town, day,
                             killed))  # fmt: skip

    def free(kind: str, town: str, day: dt.date) -> bool:
        # One kind of event in one town at most once a week: closer than that, two events
        # would be told apart only by details reports do not agree on.
        return all(abs((day - d).days) >= 7 for d in used.get((town, kind), []))

    countries = sorted(TOWNS)
    # Hard cases first: same kind, same day, two towns of one country; same kind, same
    # town, exactly a week apart.
    for i in range(12):
        country = countries[i % len(countries)]
        kind = ("airstrike", "attack", "clash", "bomb")[i % 4]
        t1, t2 = rng.sample(TOWNS[country], 2)
        day = start + dt.timedelta(days=rng.randrange(days - 10))
        add(kind, country, t1, day)
        add(kind, country, t2, day)
        t3 = rng.choice([t for t in TOWNS[country] if t not in (t1, t2)])
        later = day + dt.timedelta(days=7)
        if free(kind, t3, day) and free(kind, t3, later):
            add(kind, country, t3, day)
            add(kind, country, t3, later)
    while len(out) < n:
        country = rng.choice(countries)
        town = rng.choice(TOWNS[country])
        kind = rng.choice(sorted(KINDS))
        day = start + dt.timedelta(days=rng.randrange(days))
        if free(kind, town, day):
            add(kind, country, town, day)
    return out


def _report(rng: random.Random, ev: TrueEvent, wording: int) -> tuple[str, dt.date]:
    published = ev.date + dt.timedelta(days=rng.choice((0, 1, 1, 2)))
    killed = ev.fatalities + rng.choice((0, 0, 1, 2, -1)) if ev.fatalities else 0
    killed = max(2, killed) if ev.fatalities else 0
    template = KINDS[ev.kind][1][wording % len(KINDS[ev.kind][1])]
    word = NUMBER_WORDS.get(killed, str(killed))
    lead = template.format(
        n=word if rng.random() < 0.5 else killed, N=word.capitalize(), town=ev.town,
        country=ev.country, dem=DEMONYMS[ev.country], group=GROUPS[ev.country],
        when=_when(rng, ev.date, published),
    )  # fmt: skip
    one, two = rng.sample(FILLERS, 2)
    return f"{lead} {one} {two} This report is by the {rng.choice(OUTLETS)}.\n", published


def make_corpus(
    seed: int = 0,
    n_events: int = 450,
    reports: tuple[int, int] = (3, 6),
    n_unrelated: int = 250,
    start: dt.date = dt.date(2024, 1, 1),
    days: int = 180,
) -> Corpus:
    """Events and their reports, shuffled; the same arguments give the same corpus."""
    rng = random.Random(seed)
    corpus = Corpus(events=_events(rng, n_events, start, days))
    items: list[tuple[str, dt.date, str | None]] = []
    seen: set[str] = set()  # every text distinct: the store would skip a copy as a duplicate
    for ev in corpus.events:
        count = rng.randint(*reports)
        first = rng.randrange(len(KINDS[ev.kind][1]))
        for k in range(count):
            text, published = _report(rng, ev, first + k)
            while text in seen:
                text, published = _report(rng, ev, first + k)
            seen.add(text)
            items.append((text, published, ev.key))
    n_reports = len(items)
    while len(items) < n_reports + n_unrelated:
        country = rng.choice(sorted(TOWNS))
        text = rng.choice(UNRELATED).format(
            a=rng.randint(1, 5), b=rng.randint(0, 3), k=rng.randint(2, 60),
            town=rng.choice(TOWNS[country]), dem=DEMONYMS[country],
        )  # fmt: skip
        text += f" {rng.choice(FILLERS[-3:])}\n"
        if text not in seen:
            seen.add(text)
            items.append((text, start + dt.timedelta(days=rng.randrange(days)), None))
    rng.shuffle(items)
    for n, (text, published, key) in enumerate(items):
        ident = f"a{n:05d}"
        corpus.articles.append({"id": ident, "text": text, "published": published.isoformat()})
        corpus.truth[ident] = key
    return corpus


def hard_pairs(events: list[TrueEvent]) -> dict[str, list[tuple[str, str]]]:
    """The corpus's hard cases: pairs of true events that merging must keep apart.

    ``same_day``: one kind, one country, one day, two towns; ``week_apart``: one kind,
    one town, 7 days apart.
    """
    out: dict[str, list[tuple[str, str]]] = {"same_day": [], "week_apart": []}
    for i, a in enumerate(events):
        for b in events[i + 1 :]:
            if a.kind != b.kind or a.country != b.country:
                continue
            if a.date == b.date and a.town != b.town:
                out["same_day"].append((a.key, b.key))
            elif a.town == b.town and abs((a.date - b.date).days) == 7:
                out["week_apart"].append((a.key, b.key))
    return out
