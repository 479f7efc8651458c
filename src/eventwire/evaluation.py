"""How far to trust the coder on a user's own coded data: ``eventwire evaluate FILE...``.

Each coded text is extracted as any article would be, and its main event (the first) is
held against the gold row field by field: event type, sub-event type (weighted F1 and per
class, with a confusion table), actors, country, admin1, location (within 25 km or by
name), fatalities and date. Texts coded as holding no event score whether the coder
stayed quiet.

>>> report = evaluate(["coded.csv"])              # doctest: +SKIP
>>> report.fields["country"]["score"]             # doctest: +SKIP
0.94
"""

from __future__ import annotations

import math
import os
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from .articles import read_article
from .errors import InputError
from .labelled import Labelled, read_labelled
from .options import Options
from .pipeline import extract_articles
from .records import Event
from .training import per_class, weighted_f1

NONE = "(none)"


@dataclass(slots=True)
class EvaluationReport:
    """Per-field scores of the coder against gold rows (``as_dict`` for JSON)."""

    texts: int = 0
    events: int = 0
    detected: float = 0.0
    quiet: float | None = None  # share of no-event texts that gave no event
    fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    sub_event_weighted_f1: float | None = None
    per_class: dict[str, dict[str, float]] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    classified_by: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "texts": self.texts, "events": self.events, "detected": self.detected,
            "quiet": self.quiet, "fields": self.fields,
            "sub_event_weighted_f1": self.sub_event_weighted_f1,
            "per_class": self.per_class, "confusion": self.confusion,
            "classified_by": self.classified_by,
        }  # fmt: skip


def _norm(text: Any) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text or "").lower()).strip()


def actor_key(name: str | None) -> str:
    """An actor's name without its years and what follows them, lower case.

    >>> actor_key("Military Forces of Kenya (2013-2022) Kenya Defence Forces")
    'military forces of kenya'
    """
    return _norm(re.sub(r"\(\d{4}-\d{0,4}\).*$", "", name or ""))


def same_name(a: Any, b: Any, cut: float = 85) -> bool:
    """Two names alike enough (spacing, case and spelling aside)."""
    x, y = _norm(a).replace(" ", ""), _norm(b).replace(" ", "")
    return bool(x and y) and (x == y or fuzz.ratio(x, y) >= cut)


def same_actor(gold: str, got: str | None) -> bool:
    g, p = actor_key(gold), actor_key(got)
    return bool(g and p) and (g == p or same_name(g, p))


def km(a: tuple[Any, Any], b: tuple[Any, Any]) -> float:
    """Great-circle distance in km; infinite when a coordinate is missing."""
    try:
        lat1, lon1, lat2, lon2 = (float(v) for v in (*a, *b))
    except (TypeError, ValueError):
        return math.inf
    r = math.pi / 180
    h = (
        math.sin((lat2 - lat1) * r / 2) ** 2
        + math.cos(lat1 * r) * math.cos(lat2 * r) * math.sin((lon2 - lon1) * r / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, h)))


def _int(value: Any) -> int | None:
    try:
        return int(round(float(value)))
    except (TypeError, ValueError):
        return None


def field_hits(gold: Labelled, event: Event | None) -> dict[str, list[bool]]:
    """Right or wrong for each gold field (several for actors) against ``event``."""
    g = gold.gold
    got = event or Event()
    hits: dict[str, list[bool]] = {}
    hits["event_type"] = [bool(event) and got.event_type == gold.event_type]
    hits["sub_event_type"] = [bool(event) and got.sub_event_type == gold.sub_event_type]
    actors = [a for a in (g.get("actor1"), g.get("actor2")) if a]
    if actors:
        hits["actors"] = [
            bool(event) and any(same_actor(a, p) for p in (got.actor1, got.actor2)) for a in actors
        ]
    if g.get("country"):
        hits["country"] = [bool(event) and same_name(g["country"], got.country)]
    if g.get("admin1"):
        hits["admin1"] = [bool(event) and same_name(g["admin1"], got.admin1, 80)]
    if g.get("location"):
        near = km((g.get("latitude"), g.get("longitude")), (got.latitude, got.longitude)) <= 25
        hits["location_25km"] = [bool(event) and (near or same_name(g["location"], got.location))]
    if _int(g.get("fatalities")) is not None:
        hits["fatalities"] = [bool(event) and (got.fatalities or 0) == _int(g["fatalities"])]
    if g.get("event_date"):
        hits["event_date"] = [bool(event) and (got.event_date or "")[:10] == g["event_date"]]
    return hits


def sample(rows: Sequence[Labelled], n: int, seed: int = 7) -> list[Labelled]:
    """A fixed random sample of ``n`` rows (all of them when ``n`` is 0)."""
    rows = list(rows)
    if not n or n >= len(rows):
        return rows
    random.Random(seed).shuffle(rows)
    return rows[:n]


def evaluate(
    files: Sequence[str | os.PathLike[str]],
    options: Options = Options(),
    n: int = 0,
    seed: int = 7,
    progress: Callable[[str, int, int], Callable[[int], None]] | None = None,
) -> EvaluationReport:
    """Score the coder (with ``options``' model) against the coded rows of ``files``.

    ``progress(label, total, done)`` may return a callback told how many texts each
    batch finished.
    """
    rows = sample(read_labelled(files), n, seed)
    if not rows:
        raise InputError("no coded texts to evaluate")
    tick = progress("coding", len(rows), 0) if progress is not None else None
    tally: dict[str, list[bool]] = defaultdict(list)
    pairs: list[tuple[str, str]] = []
    quiet: list[bool] = []
    detected: list[bool] = []
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    deciders: Counter[str] = Counter()
    results = []
    step = max(1, options.batch_size)
    for k in range(0, len(rows), step):
        chunk = rows[k : k + step]
        articles = [
            read_article(r.text, published=r.published, id=r.id, options=options) for r in chunk
        ]
        results.extend(extract_articles(articles, options))
        if tick is not None:
            tick(len(chunk))
    for row, result in zip(rows, results, strict=True):
        event = result.events[0] if result.events else None
        if event is not None:
            deciders[(getattr(event, "classified_by", "") or "rule").split(" ")[0]] += 1
        if not row.is_event:
            quiet.append(event is None)
            confusion["(no event)"][event.sub_event_type if event else NONE] += 1
            continue
        detected.append(event is not None)
        pairs.append((row.sub_event_type, event.sub_event_type if event else NONE))
        confusion[row.sub_event_type][event.sub_event_type if event else NONE] += 1
        for key, marks in field_hits(row, event).items():
            tally[key].extend(marks)
    report = EvaluationReport(texts=len(rows), events=len(pairs))
    report.detected = round(sum(detected) / len(detected), 3) if detected else 0.0
    report.quiet = round(sum(quiet) / len(quiet), 3) if quiet else None
    report.fields = {
        k: {"n": len(v), "correct": sum(v), "score": round(sum(v) / len(v), 3)}
        for k, v in tally.items()
        if v
    }
    if pairs:
        report.sub_event_weighted_f1 = round(weighted_f1(pairs), 3)
        report.per_class = per_class(pairs)
    report.confusion = {g: dict(c.most_common()) for g, c in confusion.items()}
    report.classified_by = dict(deciders)
    return report


def render(report: EvaluationReport) -> str:
    """The report as text for a terminal: fields, classes, the commonest confusions."""
    lines = [f"{report.texts} texts, {report.events} coded as events; detected {report.detected}"]
    if report.quiet is not None:
        lines.append(f"texts coded as no event left quiet: {report.quiet}")
    lines.append("")
    lines.append(f"{'field':<22} {'n':>6} {'score':>7}")
    for key, v in report.fields.items():
        lines.append(f"{key:<22} {v['n']:>6} {v['score']:>7.3f}")
    if report.sub_event_weighted_f1 is not None:
        lines.append(f"{'sub-event weighted F1':<22} {report.events:>6} "
                     f"{report.sub_event_weighted_f1:>7.3f}")  # fmt: skip
    lines.append("")
    lines.append(f"{'sub-event type':<38} {'n':>5} {'prec':>6} {'recall':>6} {'F1':>6}  taken for")
    for label, v in sorted(report.per_class.items(), key=lambda kv: -kv[1]["support"]):
        wrong = report.confusion.get(label, {})
        taken = ", ".join(f"{p} {k}" for p, k in wrong.items() if p != label)[:70]
        lines.append(
            f"{label:<38} {v['support']:>5} {v['precision']:>6.2f} {v['recall']:>6.2f} "
            f"{v['f1']:>6.2f}  {taken}"
        )
    if "(no event)" in report.confusion:
        got = report.confusion["(no event)"]
        taken = ", ".join(f"{p} {k}" for p, k in got.items() if p != NONE)[:100]
        lines.append(f"{'(no event)':<38} {sum(got.values()):>5}  coded as: {taken or 'nothing'}")
    if report.classified_by:
        lines.append("")
        lines.append(
            "decided by: " + ", ".join(f"{k} {v}" for k, v in report.classified_by.items())
        )
    return "\n".join(lines)
