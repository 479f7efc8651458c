"""Actors: found by the dictionary (``data/actors.tsv``, ``data/generic.tsv``) and by NER,
resolved to ACLED-style names with inter codes.

Named actors carry years for state forces ("Military Forces of Syria (2000-)"), chosen by
the event's date; generic phrases ("regime forces", "gunmen", "protesters") take the
event's country. A named group the dictionary lacks is kept as written.

>>> m = find_actor_mentions_in_tokens(["Daesh", "fighters", "attacked"], [0, 6, 15])
>>> m[0].entry.name
'Islamic State'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .lexicon import read_table
from .records import Actor

# ACLED inter codes (ACLED Codebook 2023, "Actors").
STATE, REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = \
    range(1, 9)
_STATE_KINDS = {"military", "police", "government"}
_SHORT_ALIAS = 5  # single-token aliases this short must be written in capitals ("IS", "SDF")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One row of the actor dictionary (a named actor or a generic phrase)."""

    name: str
    inter: int
    iso2: str
    start: int | None
    end: int | None
    kind: str
    generic: bool = False  # True: name is a template with {country}


@dataclass(slots=True)
class ActorMention:
    """Tokens ``tok_start:tok_end`` of a sentence or doc naming an actor."""

    tok_start: int
    tok_end: int
    start: int
    end: int
    entry: ActorEntry | None  # None: a named group the dictionary lacks
    text: str = ""


def _norm_token(text: str) -> str:
    return text.lower().replace(".", "").replace("’", "'")


def _alias_tokens(alias: str) -> tuple[str, ...]:
    return tuple(t for t in (_norm_token(x) for x in re.findall(r"\w+|[^\w\s]", alias.replace(".", "")))
                 if t)


def _year(value: str) -> int | None:
    return int(value) if value.strip().isdigit() else None


@functools.lru_cache(maxsize=1)
def dictionary() -> tuple[dict[tuple[str, ...], tuple[ActorEntry, ...]], int]:
    """Alias token tuple -> entries; and the longest alias length in tokens."""
    index: dict[tuple[str, ...], list[ActorEntry]] = {}
    for row in read_table("actors.tsv"):
        entry = ActorEntry(row["name"], int(row["inter"]), row["iso2"].upper(),
                           _year(row["start"]), _year(row["end"]), row["kind"])
        aliases = {a.strip() for a in row["aliases"].split(";") if a.strip()}
        aliases.add(row["name"])
        if ":" in row["name"]:  # "QSD: Syrian Democratic Forces": both parts are names
            aliases.update(p.strip() for p in row["name"].split(":"))
        for alias in aliases:
            key = _alias_tokens(re.sub(r"^the\s+", "", alias.lower()))
            if key:
                index.setdefault(key, []).append(entry)
    for row in read_table("generic.tsv"):
        entry = ActorEntry(row["template"], int(row["inter"]), "", None, None, row["kind"],
                           generic=True)
        key = _alias_tokens(re.sub(r"^the\s+", "", row["phrase"].lower()))
        if key:
            index.setdefault(key, []).append(entry)
    longest = max((len(k) for k in index), default=1)
    return {k: tuple(v) for k, v in index.items()}, longest


def find_actor_mentions_in_tokens(texts: Sequence[str], offsets: Sequence[int]) -> list[ActorMention]:
    """Longest dictionary matches over a token sequence (texts and their char offsets)."""
    index, longest = dictionary()
    norms = [_norm_token(t) for t in texts]
    keep = [i for i, n in enumerate(norms) if n]  # skip tokens that were only dots
    out: list[ActorMention] = []
    k = 0
    while k < len(keep):
        hit = None
        for size in range(min(longest, len(keep) - k), 0, -1):
            idx = keep[k:k + size]
            key = tuple(norms[i] for i in idx)
            entries = index.get(key)
            if not entries:
                continue
            if size == 1 and len(key[0]) <= _SHORT_ALIAS and not entries[0].generic:
                raw = texts[idx[0]]
                if not (raw.isupper() or "." in raw):
                    continue
            hit = (idx[0], idx[-1] + 1, entries[0])
            k += size
            break
        if hit is None:
            k += 1
            continue
        s, e, entry = hit
        start, end = offsets[s], offsets[e - 1] + len(texts[e - 1])
        out.append(ActorMention(s, e, start, end, entry))
    return out


def find_actor_mentions(doc: Any) -> list[ActorMention]:
    """Dictionary actors in a spaCy Doc, plus ORG/NORP entities it lacks (kept as written)."""
    toks = list(doc)
    found = find_actor_mentions_in_tokens([t.text for t in toks], [t.idx for t in toks])
    for m in found:
        m.text = doc.text[m.start:m.end]
    covered = {i for m in found for i in range(m.tok_start, m.tok_end)}
    for ent in doc.ents:
        if ent.label_ != "ORG" or any(i in covered for i in range(ent.start, ent.end)):
            continue
        found.append(ActorMention(ent.start, ent.end, ent.start_char, ent.end_char, None,
                                  ent.text))
    found.sort(key=lambda m: m.tok_start)
    return found


def alternatives(entry: ActorEntry) -> tuple[ActorEntry, ...]:
    """Every dictionary row sharing this entry's name (country variants, regime years)."""
    index, _ = dictionary()
    return _by_name().get(entry.name, (entry,)) if index else (entry,)


@functools.lru_cache(maxsize=1)
def _by_name() -> dict[str, tuple[ActorEntry, ...]]:
    out: dict[str, list[ActorEntry]] = {}
    for entries in dictionary()[0].values():
        for e in entries:
            if e not in out.setdefault(e.name, []):
                out[e.name].append(e)
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def _state_rows() -> dict[tuple[str, str], tuple[ActorEntry, ...]]:
    """(iso2, kind) -> state force rows, for generic phrases like "regime forces"."""
    out: dict[tuple[str, str], list[ActorEntry]] = {}
    for entries in _by_name().values():
        for e in entries:
            if e.kind in _STATE_KINDS and e.iso2 and not e.generic:
                out.setdefault((e.iso2, e.kind), []).append(e)
    return {k: tuple(v) for k, v in out.items()}


def _in_years(entry: ActorEntry, year: int | None) -> bool:
    if year is None or entry.start is None:
        return True
    return entry.start <= year and (entry.end is None or year <= entry.end)


def _pick_period(rows: Sequence[ActorEntry], year: int | None) -> ActorEntry:
    fitting = [r for r in rows if _in_years(r, year)]
    pool = fitting or list(rows)
    # Without a year the latest period is the best guess; with one, the fitting period.
    return max(pool, key=lambda r: (r.start or 0))


def _with_years(entry: ActorEntry) -> str:
    if entry.start is None:
        return entry.name
    return f"{entry.name} ({entry.start}-{entry.end or ''})"


def resolve(mention: ActorMention, country: str | None, iso2: str | None,
            year: int | None) -> Actor:
    """The ACLED-style actor a mention names, for an event in ``country`` and ``year``."""
    entry = mention.entry
    if entry is None:
        return Actor(mention.text, POLITICAL_MILITIA, None, known=False)
    if entry.generic:
        if entry.kind in ("military", "police") and iso2:
            rows = _state_rows().get((iso2, entry.kind)) or ()
            if rows:
                chosen = _pick_period(rows, year)
                return Actor(_with_years(chosen), STATE, country)
        place = country or "Unknown"
        return Actor(entry.name.replace("{country}", place), entry.inter, country)
    rows = alternatives(entry)
    local = [r for r in rows if iso2 and r.iso2 == iso2]
    if local:
        rows = tuple(local)
    elif entry.kind not in _STATE_KINDS:
        # A transnational group named without its country variant: keep the first row.
        rows = tuple(r for r in rows if r.iso2 == rows[0].iso2)
    chosen = _pick_period(rows, year)
    inter = chosen.inter
    if chosen.kind in _STATE_KINDS and iso2 and chosen.iso2 and chosen.iso2 != iso2:
        inter = EXTERNAL  # a state's forces acting abroad are "external" in ACLED
    return Actor(_with_years(chosen), inter, country if chosen.iso2 == iso2 else None)


def is_armed(actor: Actor) -> bool:
    """True for actors that fight (state forces, rebels, militias, external forces)."""
    return actor.inter in (STATE, REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA, EXTERNAL)


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's numeric interaction code: the two inter codes, smaller first (10*a + b)."""
    if not inter1:
        return None
    if not inter2:
        return inter1 * 10
    a, b = sorted((inter1, inter2))
    return a * 10 + b
