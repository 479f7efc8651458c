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
from dataclasses import dataclass, replace
from typing import Any

from .actor_filters import not_the_actor
from .actor_tables import (
    CIVILIANS,
    EXTERNAL,
    IDENTITY_MILITIA,
    POLITICAL_MILITIA,
    PROTESTERS,
    REBEL,
    RIOTERS,
    STATE,
    actor_words,
    demonym_homes,
    operation,
    pair_order,
)
from .coding.words import triggers, word_class
from .errors import ConfigError
from .gazetteer import Gazetteer
from .lexicon import parsed_text, read_table
from .records import Actor

_STATE_KINDS = {"military", "police", "government"}
# Generic words for fighters that, right after a group's name, are that group's fighters.
_FIGHTER_KINDS = {"unidentified_armed_group", "military", "police"}
_SHORT_ALIAS = 3  # single-token aliases this short must be written in capitals ("SDF", not "sdf")

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
    # Every dictionary row sharing the matched alias (country variants, periods, generic).
    entries: tuple[ActorEntry, ...] = ()
    # Written in common words only ("former rebels", "state police"), no name or demonym.
    plain: bool = False
    # A demonym on a strike ("Israeli airstrikes"): the state's forces, as often abroad
    # as at home, so no hint of where the text is.
    striker: bool = False
    # A generic phrase a demonym makes one country's ("the Mauritanian police",
    # "Nigerien soldiers"): that country (ISO alpha-2), whatever the event's.
    home: str | None = None
    # The other group of "JNIM and/or ISGS militants": ACLED names the side "X and/or Y"
    # when the text cannot tell which of two groups acted.
    alternative: ActorMention | None = None


def _norm_token(text: str) -> str:
    return text.lower().replace(".", "").replace("’", "'")


# Tokens as spaCy cuts them: the possessive "'s" stays one token ("Lord's Resistance Army").
_ALIAS_TOKEN = re.compile(r"['’]s\b|\w+|[^\w\s]")


def _alias_tokens(alias: str) -> tuple[str, ...]:
    return tuple(
        t for t in (_norm_token(x) for x in _ALIAS_TOKEN.findall(alias.replace(".", ""))) if t
    )


def _year(value: str) -> int | None:
    return int(value) if value.strip().isdigit() else None


@functools.lru_cache(maxsize=1)
def dictionary() -> tuple[dict[tuple[str, ...], tuple[ActorEntry, ...]], int]:
    """Alias token tuple -> entries; and the longest alias length in tokens."""
    index: dict[tuple[str, ...], list[ActorEntry]] = {}
    for row in read_table("actors.tsv"):
        entry = ActorEntry(
            row["name"],
            int(row["inter"]),
            row["iso2"].upper(),
            _year(row["start"]),
            _year(row["end"]),
            row["kind"],
        )
        aliases = {a.strip() for a in row["aliases"].split(";") if a.strip()}
        aliases.add(row["name"])
        if ":" in row["name"]:  # "QSD: Syrian Democratic Forces": both parts are names
            aliases.update(p.strip() for p in row["name"].split(":"))
        for alias in aliases:
            key = _alias_tokens(re.sub(r"^the\s+", "", alias.lower()))
            if key:
                index.setdefault(key, []).append(entry)
    for row in read_table("generic.tsv"):
        entry = ActorEntry(
            row["template"], int(row["inter"]), "", None, None, row["kind"], generic=True
        )
        key = _alias_tokens(re.sub(r"^the\s+", "", row["phrase"].lower()))
        if key and any(e.generic for e in index.get(key, ())):
            raise ConfigError(f"generic.tsv: the phrase {row['phrase']!r} has two rows")
        if key:
            index.setdefault(key, []).append(entry)
    longest = max((len(k) for k in index), default=1)
    return {k: tuple(v) for k, v in index.items()}, longest


def names_for(term: str) -> list[str]:
    """The dictionary's actors an alias or name stands for, as searches should find them
    ("RSF" and "rapid support" give Rapid Support Forces); generic phrases give none.

    >>> names_for("RSF")
    ['Rapid Support Forces']
    """
    key = _alias_tokens(re.sub(r"^the\s+", "", term.strip().lower()))
    entries = dictionary()[0].get(key, ()) if key else ()
    return list(dict.fromkeys(e.name for e in entries if not e.generic))


@functools.lru_cache(maxsize=1)
def _first_tokens() -> dict[str, int]:
    """First token of each alias -> the longest alias starting with it (skips dead starts)."""
    out: dict[str, int] = {}
    for key in dictionary()[0]:
        out[key[0]] = max(out.get(key[0], 0), len(key))
    return out


def _full_stop(texts: Sequence[str], offsets: Sequence[int], i: int) -> bool:
    """Token ``i`` is a dot that ends a sentence: a space or the end follows it."""
    end = offsets[i] + len(texts[i])
    return texts[i].strip() != "" and (i + 1 == len(texts) or offsets[i + 1] > end)


def find_actor_mentions_in_tokens(
    texts: Sequence[str], offsets: Sequence[int]
) -> list[ActorMention]:
    """Longest dictionary matches over a token sequence (texts and their char offsets)."""
    index, _ = dictionary()
    starts = _first_tokens()
    norms = [_norm_token(t) for t in texts]
    # Skip tokens that were only dots, but not a full stop before a space: no name runs
    # on into the next sentence ("hiding out in Karachi. Police had been tipped off").
    keep = [i for i, n in enumerate(norms) if n or _full_stop(texts, offsets, i)]
    out: list[ActorMention] = []
    k = 0
    while k < len(keep):
        hit = None
        longest = starts.get(norms[keep[k]], 0)
        for size in range(min(longest, len(keep) - k), 0, -1):
            idx = keep[k : k + size]
            key = tuple(norms[i] for i in idx)
            entries = index.get(key)
            if not entries:
                continue
            if size == 1 and len(key[0]) <= _SHORT_ALIAS and not entries[0].generic:
                raw = texts[idx[0]]
                if not (raw.isupper() or "." in raw):
                    continue
            if size == 1 and texts[idx[0]].islower() and key[0] in actor_words("proper_alias"):
                continue  # "new levies", "park rangers": common nouns, not the forces
            hit = (idx[0], idx[-1] + 1, entries)
            k += size
            break
        if hit is None:
            k += 1
            continue
        s, e, entries = hit
        start, end = offsets[s], offsets[e - 1] + len(texts[e - 1])
        prev = out[-1] if out else None
        generic_row = next((x for x in entries if x.generic), None)  # "rebel forces" anywhere
        if (
            prev is not None
            and prev.tok_end == s
            and generic_row is not None
            and generic_row.kind in _FIGHTER_KINDS
            and not (prev.entry is not None and prev.entry.kind in ("civilians", "protesters"))
        ):
            # "Free Idlib Army snipers", "3rd Corps fighters", "regime soldiers": the
            # fighters of the group just named, one mention.
            prev.tok_end, prev.end = e, end
            continue
        if (
            prev is not None
            and prev.entry is not None
            and prev.entry.generic
            and prev.entry.kind in _FIGHTER_KINDS
            and not entries[0].generic
            and [norms[i] for i in range(prev.tok_end, s)] in (["of"], ["of", "the"])
        ):
            # "soldiers of the Artsakh Defence Army", "fighters of the Islamic State": the
            # named group, one mention over both.
            out[-1] = ActorMention(prev.tok_start, e, prev.start, end, entries[0], entries=entries)
            continue
        out.append(ActorMention(s, e, start, end, entries[0], entries=entries))
    return out


def _state_weapons(toks: list[Any], covered: set[int]) -> list[ActorMention]:
    """A demonym or country name on a strike ("Israeli airstrikes", "US strikes", "an
    Israeli air strike") as a mention of that state's military forces."""
    out: list[ActorMention] = []
    names = _proper_words()
    for t in toks:
        if t.i in covered or t.dep_ not in ("amod", "compound", "nmod", "npadvmod"):
            continue
        head = t.head
        if (head.lower_ == "air" or head.pos_ == "PROPN" and head.dep_ == "compound") and (
                head.head.i != head.i):  # "Israeli air strikes", "Russian Shahed drones"
            head = head.head
        if head.lower_ not in actor_words("state_weapon") or head.i <= t.i:
            continue
        if any(
            m.pos_ in ("NOUN", "PROPN") and m.lower_ not in actor_words("state_weapon")
            and m.lower_ != "air" and not (m.pos_ == "PROPN" and m.text[:1].isupper())
            for m in toks[t.i + 1 : head.i]
        ):  # fmt: skip
            # "a Kenyan village raid": the village is Kenyan, not the raiders ("Russian
            # Shahed drones": a weapon's own name between is still the state's)
            continue
        if t.lower_ not in names and t.ent_type_ not in ("GPE", "NORP"):
            continue
        found = find_actor_mentions_in_tokens([t.text, "forces"], [0, len(t.text) + 1])
        if not found or found[0].tok_end != 2 or found[0].entry is None:
            continue
        m = found[0]
        if m.entry is None or m.entry.kind != "military" or m.entry.generic:
            continue
        out.append(ActorMention(t.i, t.i + 1, t.idx, t.idx + len(t.text), m.entry, t.text,
                                entries=m.entries, striker=True))  # fmt: skip
    return out


def _people_raids(toks: list[Any], covered: set[int]) -> list[ActorMention]:
    """A people's name on a raid word ("a Pokot raid on a Turkana village", "the Fulani
    attack on Tiv farmers"), or the subject of a raiding verb ("armed Pokot raided a
    village"), as a mention of that people's militia, as ACLED names the raiders; words
    between are the raid's own ("a Pokot cattle raid")."""
    out: list[ActorMention] = []
    peoples = people_names()
    for t in toks:
        if t.i in covered or not t.text[:1].isupper() or t.lower_ not in peoples:
            continue
        head = t.head
        raided = t.dep_ == "nsubj" and head.pos_ == "VERB" and (
            head.lemma_.lower() in actor_words("raid_word"))  # "armed Pokot raided a village"
        if not raided and (head.lower_ not in actor_words("raid_word") or head.i <= t.i):
            continue
        if any(not m.text.islower() for m in toks[t.i + 1 : head.i]):
            continue  # "Fulani Hamlet attack": another name between
        for noun in ("militia", "militias"):
            found = find_actor_mentions_in_tokens([t.text, noun], [0, len(t.text) + 1])
            m = found[0] if found else None
            if m is not None and m.tok_end == 2 and m.entry is not None and (
                    m.entry.kind == "identity_militia"):
                out.append(ActorMention(t.i, t.i + 1, t.idx, t.idx + len(t.text), m.entry,
                                        t.text, entries=m.entries))
                break
    return out


def find_actor_mentions(doc: Any) -> list[ActorMention]:
    """Dictionary actors in a spaCy Doc, plus ORG/NORP entities it lacks (kept as written)."""
    toks = list(doc)
    found = find_actor_mentions_in_tokens([t.text for t in toks], [t.idx for t in toks])
    text = parsed_text(doc)
    names = _proper_words()
    for m in found:
        m.text = text[m.start : m.end]
        m.plain = len(toks[m.tok_start : m.tok_end]) > 1 and all(
            t.text.islower()
            or (
                t.i == m.tok_start
                and t.is_sent_start
                and t.text[1:].islower()  # "Former rebels", never "U.S. warplanes"
                and t.lower_ not in names
                and not _people_name(m, t.text)
            )
            for t in toks[m.tok_start : m.tok_end]
            if any(c.isalpha() for c in t.text)
        )
    # "Military" in "Al-Seen Military Airport", "Army" in "Army Hospital": a word of a
    # facility's or place's name, not the forces.
    facilities = actor_words("facility_word")
    named = [
        (e.start, e.end)
        for e in doc.ents
        if e.label_ in ("FAC", "GPE", "LOC")
        or (e.label_ == "ORG" and e[-1].lower_ in facilities)
    ]
    found = [
        m
        for m in found
        if not (
            m.entry is not None
            and m.entry.generic
            and any(
                s <= m.tok_start and m.tok_end <= e and e - s > m.tok_end - m.tok_start
                for s, e in named
            )
        )
    ]
    found = [m for m in found if not not_the_actor(toks, m)]
    found = _alternatives(toks, found, text)
    found += _shared_heads(toks, found)
    _demonym_homes(toks, found)
    covered = {i for m in found for i in range(m.tok_start, m.tok_end)}
    found += _state_weapons(toks, covered)
    covered = {i for m in found for i in range(m.tok_start, m.tok_end)}
    found += _people_raids(toks, covered)
    covered = {i for m in found for i in range(m.tok_start, m.tok_end)}
    index = triggers()
    spans = [(e.start, e.end) for e in doc.ents if e.label_ == "ORG"] + _group_names(toks)
    for s, e in sorted(set(spans)):
        if any(i in covered for i in range(s, e)):
            continue
        words = toks[s:e]
        if any(t.lemma_.lower() in index for t in words) or any("\n" in t.text for t in words):
            continue  # "Deadly Syria Ambush": a headline fragment, not a group
        if not _group_like(words, toks[e] if e < len(toks) else None):
            continue  # "Sahyan", "Health Ministry", "Reuters": not an armed group
        start, end = toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text)
        found.append(ActorMention(s, e, start, end, None, text[start:end]))
        covered.update(range(s, e))
    found.sort(key=lambda m: m.tok_start)
    return _without_glosses(toks, found)


def _shared_heads(toks: Sequence[Any], found: list[ActorMention]) -> list[ActorMention]:
    """The other state of two sharing one noun: "Indian and Pakistani troops" (the
    dictionary finds "Pakistani troops"), "military forces of India and Pakistan" (it
    finds "military forces of India"). Each new mention is the other country's word
    alone, resolved as if it stood in the phrase it shares."""
    covered = {i for m in found for i in range(m.tok_start, m.tok_end)}
    out: list[ActorMention] = []
    for m in found:
        if m.entry is None or m.entry.kind not in ("military", "police"):
            continue
        words = [t.text for t in toks[m.tok_start : m.tok_end]]
        if m.tok_start >= 2 and toks[m.tok_start - 1].lower_ == "and":
            other = toks[m.tok_start - 2]  # "Indian and [Pakistani troops]"
            own = next((k for k, w in enumerate(words) if w[:1].islower()), 1)
            shared = [other.text, *words[own:]]
        elif m.tok_end + 1 < len(toks) and toks[m.tok_end].lower_ == "and" and \
                len(words) >= 3 and words[-2].lower() == "of":  # fmt: skip
            other = toks[m.tok_end + 1]  # "[military forces of India] and Pakistan"
            shared = [*words[:-1], other.text]
        else:
            continue
        if other.i in covered or not other.text[:1].isupper():
            continue
        hits = find_actor_mentions_in_tokens(shared, list(range(len(shared))))
        if len(hits) != 1 or (hits[0].tok_start, hits[0].tok_end) != (0, len(shared)):
            continue
        entry = hits[0].entry
        if entry is None or entry.kind != m.entry.kind or entry.name == m.entry.name:
            continue
        end = other.idx + len(other.text)
        out.append(ActorMention(other.i, other.i + 1, other.idx, end, entry,
                                entries=hits[0].entries, text=other.text))  # fmt: skip
        covered.add(other.i)
    return out


def _without_glosses(toks: Sequence[Any], found: list[ActorMention]) -> list[ActorMention]:
    """A group named again in brackets right after a name glosses that name, and a
    generic noun after the brackets is the named group's ("Katiba Macina (JNIM)
    militants", "the Syrian army (SAA) troops"): one side, not a second or third actor.
    Of a generic word and the name that glosses it ("soldiers (FAMa)"), the name stays."""
    by_end = {m.tok_end: m for m in found}
    by_start: dict[int, ActorMention] = {}
    for m in found:
        by_start.setdefault(m.tok_start, m)
    dropped: list[ActorMention] = []
    for m in found:
        named = by_end.get(m.tok_start - 1)
        if (
            named is None
            or toks[m.tok_start - 1].text != "("
            or m.tok_end >= len(toks)
            or toks[m.tok_end].text != ")"
        ):
            continue
        vague = named.entry is None or named.entry.generic
        dropped.append(named if vague and m.entry is not None and not m.entry.generic else m)
        after = by_start.get(m.tok_end + 1)
        if after is not None and after.entry is not None and after.entry.generic:
            dropped.append(after)
    gone = {id(d) for d in dropped}
    return [m for m in found if id(m) not in gone]


def _people_name(m: ActorMention, word: str) -> bool:
    """The word is the name of the people a communal militia is named after ("Fulani" of
    "Fulani herders"): a name, even where it opens a sentence."""
    entry = m.entry
    return entry is not None and entry.kind == "identity_militia" and word in entry.name.split()


@functools.lru_cache(maxsize=1)
def _proper_words() -> frozenset[str]:
    """Demonyms, lower case: a phrase opening with one names its country's actor."""
    return frozenset(demonym_homes())


def _alternatives(
    toks: Sequence[Any], found: list[ActorMention], text: str
) -> list[ActorMention]:
    """ "JNIM and/or ISGS militants", "suspected JNIM or ISGS fighters": two named groups
    either of which acted, one side of the event."""
    out: list[ActorMention] = []
    for m in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.alternative is None
            and _named_group(prev)
            and _named_group(m)
            and re.fullmatch(r"\s*(?:and\s*/\s*or|or)\s*", text[prev.end : m.start])
        ):
            prev.alternative = m
            prev.tok_end, prev.end = m.tok_end, m.end
            prev.text = text[prev.start : prev.end]
            continue
        out.append(m)
    return out


def _named_group(m: ActorMention) -> bool:
    return m.entry is not None and not m.entry.generic and m.entry.inter in (
        REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA)


def _demonym_homes(toks: Sequence[Any], found: list[ActorMention]) -> None:
    """ "the Mauritanian police", "Nigerien soldiers": a demonym right before a generic
    phrase makes it that country's actor, wherever the event is."""
    covered = {i for m in found for i in range(m.tok_start, m.tok_end)}
    homes = demonym_homes()
    for m in found:
        if m.entry is None or not m.entry.generic or m.tok_start == 0:
            continue
        before = toks[m.tok_start - 1]
        iso2 = homes.get(before.lower_)
        if iso2 and before.i not in covered and before.text[:1].isupper():
            m.tok_start, m.start, m.home = before.i, before.idx, iso2


@functools.lru_cache(maxsize=1)
def _group_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(heads, openers, non-group words) of ``data/group_words.tsv``."""
    rows = read_table("group_words.tsv")
    heads = frozenset(r["word"] for r in rows if r["place"] in ("head", "either"))
    openers = frozenset(r["word"] for r in rows if r["place"] in ("opener", "either"))
    return heads, openers, frozenset(r["word"] for r in rows if r["place"] == "not")


@functools.lru_cache(maxsize=1)
def _group_links() -> frozenset[str]:
    """What may stand between the capitalised words of a group's name: the words of
    ``group_link``, a hyphen and a possessive ("Jaysh al-Nasr", "Army of God's Men")."""
    return actor_words("group_link") | {"-", "'s"}


def _group_like(words: Sequence[Any], after: Any | None) -> bool:
    """A name reads as a group's: a group word, an acronym, or "<name> fighters"."""
    heads, openers, nots = _group_words()
    lowers = [t.lower_ for t in words]
    if any(w in nots for w in lowers):
        return False
    joined = " ".join(lowers)
    if any(w in heads or w in openers for w in lowers) or any(
        " " in h and h in joined for h in heads
    ):
        return True
    if len(words) == 1 and words[0].text.isupper() and 2 <= len(words[0].text) <= 6:
        return True
    return after is not None and after.lemma_.lower() in actor_words("fighter_word")


def _group_names(toks: Sequence[Any]) -> list[tuple[int, int]]:
    """Capitalised names built on a group word that the model may not tag: "Sultan Murad
    Division", "Jaysh al-Nasr", "Liwa al-Quds"."""
    heads, openers, _ = _group_words()
    links = _group_links()
    out: list[tuple[int, int]] = []
    n = len(toks)
    for i, t in enumerate(toks):
        low = t.lower_
        if not t.text[:1].isupper():
            continue
        if low in heads and i > 0:
            s = i
            while s > 0 and (toks[s - 1].text[:1].isupper() or toks[s - 1].lower_ in links):
                s -= 1
            while s < i and toks[s].lower_ in links:
                s += 1
            if s < i and toks[s].text[:1].isupper() and not toks[s].is_sent_start:
                out.append((s, i + 1))
        elif low in openers:
            e = i + 1
            while e < n and (toks[e].text[:1].isupper() or toks[e].lower_ in links):
                e += 1
            while e > i + 1 and toks[e - 1].lower_ in links:
                e -= 1
            if e > i + 1:
                out.append((i, e))
    return out


@functools.lru_cache(maxsize=1)
def _state_rows() -> dict[tuple[str, str], tuple[ActorEntry, ...]]:
    """(iso2, kind) -> state rows, for generic phrases like "regime forces"."""
    out: dict[tuple[str, str], list[ActorEntry]] = {}
    for entries in dictionary()[0].values():
        for e in entries:
            if e.kind in _STATE_KINDS and e.iso2 and not e.generic:
                rows = out.setdefault((e.iso2, e.kind), [])
                if e not in rows:
                    rows.append(e)
    return {k: tuple(v) for k, v in out.items()}


def _in_years(entry: ActorEntry, year: int | None) -> bool:
    if year is None or entry.start is None:
        return True
    return entry.start <= year and (entry.end is None or year <= entry.end)


def _pick_period(rows: Sequence[ActorEntry], year: int | None) -> ActorEntry:
    fitting = [r for r in rows if _in_years(r, year)]
    pool = fitting or list(rows)
    # Without a year the latest period is the best guess; with one, the fitting period
    # (end years include the handover year, so the later period wins that year).
    return max(pool, key=lambda r: r.start or 0)


# Kinds whose row years bound when a name applies, without being printed in it.
_UNDATED_KINDS = {"rebel", "political_militia", "identity_militia", "external"}


def _with_years(entry: ActorEntry) -> str:
    if entry.start is None or entry.kind in _UNDATED_KINDS:
        return entry.name.replace(" {years}", "")
    years = f"({entry.start}-{entry.end or ''})"
    if "{years}" in entry.name:
        return entry.name.replace("{years}", years)
    return f"{entry.name} {years}"


def _choose(entries: Sequence[ActorEntry], iso2: str | None, year: int | None) -> ActorEntry:
    """The row an alias means here: valid in the year, of the event's country, else generic."""
    named = [e for e in entries if not e.generic and _in_years(e, year)] or [
        e for e in entries if not e.generic
    ]
    local = [e for e in named if iso2 and e.iso2 == iso2]
    if local:
        return _pick_period(local, year) if local[0].start is not None else local[0]
    generic = [e for e in entries if e.generic]
    if generic:
        return generic[0]
    first = named[0]
    same = [e for e in named if e.name == first.name and e.iso2 == first.iso2]
    return _pick_period(same, year) if first.start is not None else first


def resolve(
    mention: ActorMention, country: str | None, iso2: str | None, year: int | None
) -> Actor:
    """The ACLED-style actor a mention names, for an event in ``country`` and ``year``;
    two groups either of which acted by ACLED's name for the pair (``pair_order``)."""
    if mention.entry is None:
        return Actor(mention.text, POLITICAL_MILITIA, None, known=False)
    if mention.alternative is not None:
        one = replace(mention, alternative=None)
        first = resolve(one, country, iso2, year)
        other = resolve(mention.alternative, country, iso2, year)
        if first.name == other.name:
            return first
        names = pair_order(first.name, other.name)
        return Actor(f"{names[0]} and/or {names[1]}", first.inter, first.country)
    return _resolve_entry(mention, mention.entry, (country, iso2, year))


def _resolve_entry(
    mention: ActorMention,
    first: ActorEntry,
    place: tuple[str | None, str | None, int | None],
) -> Actor:
    """The actor a mention's dictionary rows (``first`` the row it matched) name, for an
    event in ``place`` (country, iso2, year)."""
    country, iso2, year = place
    if mention.home and first.generic:
        return _home_generic(mention, first, iso2, year)
    entry = _choose(mention.entries or (first,), iso2, year)
    if entry.generic:
        kind = entry.kind if entry.kind in _STATE_KINDS else None
        if kind and iso2:
            rows = _state_rows().get((iso2, kind)) or ()
            if rows:
                return Actor(_with_years(_pick_period(rows, year)), STATE, country)
        if kind in ("military", "police") and not country:
            # ACLED's name for state forces whose state the report does not make clear.
            return Actor("Unidentified Military Forces", EXTERNAL, None)
        return Actor(
            entry.name.replace("{country}", country or "International"), entry.inter, country
        )
    inter = entry.inter
    if (
        iso2
        and entry.iso2
        and entry.iso2 != iso2
        and mention.plain
    ):
        # A plain phrase that names a group only at home ("former rebels" in Syria,
        # "southern forces" in Yemen, "state police" in India) says no more than its kind
        # elsewhere.
        if entry.kind in _STATE_KINDS:
            rows = _state_rows().get((iso2, entry.kind)) or ()
            if rows:
                return Actor(_with_years(_pick_period(rows, year)), STATE, country)
            noun = {"military": "Military Forces", "police": "Police Forces"}.get(
                entry.kind, "Government"
            )
            return Actor(f"{noun} of {country}", STATE, country)
        people = _PEOPLE.get(entry.inter)  # "young doctors" abroad: protesters, not gunmen
        if people is not None:
            return Actor(f"{people} ({country or 'International'})", entry.inter, country)
        return Actor(
            f"Unidentified Armed Group ({country or 'International'})", POLITICAL_MILITIA, country
        )
    if inter == STATE and iso2 and entry.iso2 and entry.iso2 != iso2:
        inter = EXTERNAL  # a state's forces acting abroad are "external" in ACLED
        coalition = operation(entry.kind, entry.iso2, iso2, year)
        if coalition is not None:
            return Actor(coalition, EXTERNAL, country)
    if entry.kind == "identity_militia" and country and entry.iso2 and iso2 != entry.iso2:
        # A people's militia is named by the country it acts in ("Fulani Ethnic Militia
        # (Benin)"), though the dictionary lists it for its neighbours only.
        abroad = f"({country_name(entry.iso2)})"
        if entry.name.endswith(abroad):
            return Actor(entry.name[: -len(abroad)] + f"({country})", inter, country)
    return Actor(_with_years(entry), inter, country if entry.iso2 == iso2 else None)


@functools.lru_cache(maxsize=1)
def _rows_by_name() -> dict[str, tuple[ActorEntry, ...]]:
    """Dictionary rows by their name as written in actors.tsv ("{years}" dropped)."""
    out: dict[str, list[ActorEntry]] = {}
    for entries in dictionary()[0].values():
        for e in entries:
            rows = out.setdefault(e.name.replace(" {years}", ""), [])
            if e not in rows:
                rows.append(e)
    return {k: tuple(v) for k, v in out.items()}


def named(name: str, country: str | None, iso2: str | None, year: int | None) -> Actor | None:
    """The actor a dictionary name stands for in ``year`` ("Military Forces of Ukraine" in
    2020: "Military Forces of Ukraine (2019-)"), or None when the dictionary lacks it."""
    rows = _rows_by_name().get(name)
    if not rows:
        return None
    return resolve(ActorMention(0, 0, 0, 0, rows[0], name, entries=rows), country, iso2, year)


# ACLED's names for the unarmed, by inter code.
_PEOPLE = {RIOTERS: "Rioters", PROTESTERS: "Protesters", CIVILIANS: "Civilians"}


def _home_generic(
    mention: ActorMention, entry: ActorEntry, iso2: str | None, year: int | None
) -> Actor:
    """A generic phrase with a demonym ("Nigerien soldiers"): the demonym's country's
    state forces, abroad coded external; or the phrase's kind of that country
    ("Somali protesters": "Protesters (Somalia)")."""
    home = str(mention.home)
    name = country_name(home)
    abroad = bool(iso2) and iso2 != home
    if entry.kind in _STATE_KINDS:
        rows = _state_rows().get((home, entry.kind)) or ()
        inter = EXTERNAL if abroad else STATE
        if rows:
            return Actor(_with_years(_pick_period(rows, year)), inter, name)
        noun = {"military": "Military Forces of", "police": "Police Forces of"}.get(
            entry.kind, "Government of"
        )
        return Actor(f"{noun} {name}", inter, name)
    return Actor(entry.name.replace("{country}", name), entry.inter, name)


@functools.lru_cache(maxsize=512)
def country_name(iso2: str) -> str:
    """ACLED's name of a country from its ISO alpha-2 code ("CD": "Democratic Republic
    of Congo")."""
    country = Gazetteer.default().countries.get(iso2.upper())
    return country.name if country is not None else iso2


def is_armed(actor: Actor) -> bool:
    """True for actors that fight (state forces, rebels, militias, external forces)."""
    return actor.inter in (STATE, REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA, EXTERNAL)


def is_government(actor: Actor) -> bool:
    """A state's civil government ("Government of Kenya (2013-2022)"), not its forces:
    its people of office hit are civilians to ACLED."""
    return actor.name.startswith("Government of")


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's numeric interaction code: the two inter codes, smaller first (10*a + b)."""
    if not inter1:
        return None
    if not inter2:
        return inter1 * 10
    a, b = sorted((inter1, inter2))
    return a * 10 + b


@functools.lru_cache(maxsize=1)
def people_names() -> frozenset[str]:
    """The peoples and clans the dictionary's identity militias are named after, lower case
    ("fulani", "habar gidir"), from aliases of a name and a communal noun ("peul fighters")."""
    nouns = word_class("communal_noun") | {"militia", "militias"}
    out: set[str] = set()
    for key, entries in dictionary()[0].items():
        named = any(e.kind == "identity_militia" and not e.generic for e in entries)
        if len(key) < 2 or key[-1] not in nouns or not named:
            continue
        words = [w for w in key[:-1] if w not in ("clan", "communal", "ethnic")]
        if words and not set(words) & word_class("not_identity") and words[0] not in (
                "armed", "suspected"):
            out.add(" ".join(words))
    return frozenset(out)
