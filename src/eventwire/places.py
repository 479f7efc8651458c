"""Place mentions in a text, each resolved against the offline gazetteer.

Capitalised runs of up to six tokens ("Deir ez-Zor", "Ma'arat al-Numan", "al-Bab") are
looked up in the gazetteer (``eventwire.gazetteer``); spaCy entities, when given, add
evidence but are not needed. Each name is then read in the light of the whole text:
the countries it names (or whose people it names: "Syrian troops"), the other places
it names and the divisions they lie in. The words around a name set ACLED's
``geo_precision``: 1 the town itself, 2 near it ("south of Mayadin", "the Idlib
countryside"), 3 a larger region ("northwestern Syria", "Borno State").

>>> [(m.text, m.place.country, m.place.geo_precision) for m in find_places(
...     "Jets struck south of Mayadin in Deir ez-Zor, Syria.")]
[('Mayadin', 'Syria', 2), ('Deir ez-Zor', 'Syria', 1), ('Syria', 'Syria', 3)]
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from eventwire.gazetteer import Gazetteer, Variant, capital_of, country_by_name, norm_key
from eventwire.records import Place

from .dates import MONTH_ABBREVIATIONS
from .divisions import chain_mentions, country_part, direction_of, find_chains, fit_chains
from .place_lexicon import (
    LOOSE_SIMILARITY,
    PlaceLexicon,
    PlaceMention,
    place_lexicon,
)
from .place_patterns import institution_city, placed_after
from .place_patterns import place_patterns as _words
from .placenames import ascii_name, place_words
from .villages import add_unlisted, place_unlisted, set_within

__all__ = ["Gazetteer", "PlaceMention", "capital_of", "country_by_name", "find_places"]


# ----------------------------------------------------------------------- lexicon

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’ʼ`‘][^\W\d_]+)*")
_SENTENCE_END = frozenset(".!?\n\"“”:;")
_MAX_TOKENS = 6
# "Nov. 16", "Sept 3": a month, never the town of Nov in Tajikistan.
_MONTH_SHORT = frozenset(MONTH_ABBREVIATIONS) | {"sept"}
_DAY_AFTER = re.compile(r"\.?\s*\d")
# What the model tags a whole name as when it reads no place in it ("a Red Cross
# ambulance": an organisation), unless a preposition places it.
_NOT_PLACE_LABELS = frozenset({"ORG", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
# Weights of the evidence for a reading; see _score. A named country outweighs any
# town's size (a Lebanese Tripoli in a text about Lebanon) but not a country's own
# name ("Jordan" the country, not the Minnesota town).
_COUNTRY_PRIOR = 5.0
_ADMIN1_PRIOR = 2.2
_COUNTRY_CONTEXT = 3.0
_ADMIN_CONTEXT = 2.0
_PRIMARY_NAME = 0.4
# A reading that is a district, where the text says "district" (or "agency", "tehsil").
_DISTRICT_NAMED = 2.0


_BORDER_BEFORE = re.compile(
    r"(?P<q>(?:the\s+)?border\s+(?:(?P<with>with)|of)\s+)(?:the\s+)?$", re.I)


# ------------------------------------------------------------------------ finding


# A reading of a hit: (score before context, kind, reference, variant row). The
# reference is an iso2 for a country, (iso2, admin1 code) for a division, an entry
# index for a town.
_Ref = str | tuple[str, str] | int
_Cand = tuple[float, str, _Ref, "Variant | None"]


@dataclass(slots=True)
class _Raw:
    """A gazetteer hit before it is resolved."""

    start: int
    end: int
    key: str
    ntok: int
    loose: bool = False
    demonym: str | None = None
    ner_place: bool = False
    ner_person: bool = False
    inside: bool = False  # inside a longer organisation or person name
    inside_end: int | None = None  # where that organisation's name ends
    ner_label: str | None = None  # the model's label for exactly this name
    facility: bool = False  # a later word of a building's or a road's name ("Banque du Liban")
    office: bool = False  # the first word of an office's or a building's ("Energy Minister")
    in_group: bool = False  # a word of an armed group's name ("Macina" in "Katiba Macina")
    fragment: str | None = None  # "left"/"right": a capitalised word the gazetteer lacks;
    # "street": the name of a street or a forest ("Mall Road", "Boni forest")
    voted: str | None = None  # the country this hit's own reading added to the context
    voted_a1: str | None = None  # and the division
    candidates: list[_Cand] = field(default_factory=list)
    q: str | None = None
    q_start: int | None = None
    q_end: int | None = None
    q_kind: str | None = None  # near, direction, area, region, town, border
    locative: bool = False
    initial: bool = False
    dweller: bool = False  # followed by its people or officers ("Lamu residents")
    target: bool = False  # the object of a verb that takes places ("shelled Saraqib")
    attributive: bool = False
    in_chain: bool = False  # a division named as a place's admin context
    role: str | None = None  # a country named as an "origin" or a "destination"


def _split_at_brackets(
    text: str, spans: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The model's entities, each cut where a bracket opens or closes inside it: "Bouficha
    (Sousse" read as one organisation is a town and the division it lies in, two names.

    >>> _split_at_brackets("in Bouficha (Sousse) on", [(3, 19, "ORG")])
    [(3, 11, 'ORG'), (13, 19, 'ORG')]
    """
    out: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        cut = start
        for m in _BRACKET.finditer(text, start, end):
            out.extend(_trimmed(text, cut, m.start(), label))
            cut = m.end()
        out.extend(_trimmed(text, cut, end, label))
    return out


_BRACKET = re.compile(r"[()\[\]]")


def _trimmed(text: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    while start < end and text[start] in " ,;":
        start += 1
    while end > start and text[end - 1] in " ,;":
        end -= 1
    return [(start, end, label)] if end > start else []


def find_places(
    text: str,
    ner_spans: Sequence[tuple[int, int, str]] = (),
    *,
    gazetteer: Gazetteer | None = None,
    countries: Sequence[str] = (),
    leaning: Sequence[str] = (),
    regions: Sequence[tuple[str, str]] = (),
    grounds: Sequence[str] = (),
    named_groups: Sequence[tuple[int, int]] = (),
) -> list[PlaceMention]:
    """All place mentions in text, in text order, each disambiguated using the whole text.

    ``countries`` (ISO codes or names) are countries the text is known to be about
    from outside it (a feed's country, a batch's setting): weighed as if named in it.
    ``leaning`` countries count the same for choosing among namesakes, but do not make
    a town of another country a stranger to the text ("a Russian drone hit Kherson").
    ``regions`` (country code, division code) are divisions the text is known to be about
    (a front line it tells of): namesakes there are preferred, as for a division named.
    ``grounds`` are the countries where the armed groups the text names fight: a small
    town known only in a country neither among them nor next to one is a local place.
    ``named_groups`` are the spans of the groups named: a town in a group's name ("Katiba
    Macina") is no vote for its country.

    >>> [(m.text, m.place.admin1) for m in find_places("Shelling hit Palmyra, Syria.")][0]
    ('Palmyra', 'Homs')
    """
    gaz = gazetteer or Gazetteer.default()
    lex = place_lexicon()
    tokens = [(m.start(), _strip_possessive(m)) for m in _TOKEN.finditer(text)]
    letters = sum(c.isalpha() for c in text[:2000]) or 1
    upper_doc = sum(c.isupper() for c in text[:2000]) / letters > 0.6
    lower_words = {text[s:e] for s, e in tokens if text[s].islower()}
    ner_spans = _split_at_brackets(text, ner_spans)
    raws = _scan(text, tokens, gaz, lex, upper_doc)
    raws = _add_ner(text, raws, ner_spans, gaz, lex)
    for r in raws:
        r.in_group = any(s <= r.start and r.end <= e and e - s > r.end - r.start
                         for s, e in named_groups)
        _read_context(text, r, lex)
    _candidates(text, raws, gaz)
    if not upper_doc:
        for r in raws:
            if _initialism(text, r) and all(c[1] != "country" for c in r.candidates):
                # "US" in "the US dollar", "MP": letters, never the hamlet of Us in
                # France, nor evidence of France for the village named beside it.
                r.candidates = []
    chains = fit_chains(raws, find_chains(text, gaz), gaz, _where) if not upper_doc else []
    hint = [c for c in (country_by_name(n) for n in countries) if c is not None]
    lean = [c for c in (country_by_name(n) for n in leaning) if c is not None]
    # A chain says its country outright: it weighs as much as a country named.
    told = [str(c.iso2) for c in hint + lean] + [str(c.iso2) for c in chains]
    named_regions = [(c.iso2, c.admin1) for c in chains if c.iso2 and c.admin1]
    chosen, votes = _resolve(raws, gaz, told, named_regions + list(regions))
    named = dict(votes)
    for c in lean:
        named[str(c.iso2)] = named.get(str(c.iso2), 0.0) - 1.0
    region = frozenset(grounds).union(*(gaz.neighbours(c) for c in grounds))
    out: list[PlaceMention] = []
    for r, best in zip(raws, chosen, strict=True):
        if out and out[-1].qualifier_end is not None and r.start < out[-1].qualifier_end:
            continue  # "Turkish" in "the Syrian-Turkish border" belongs to that phrase
        mention = _mention(text, r, best, gaz, lex, votes, lower_words, upper_doc, named, region)
        if mention is not None:
            out.append(mention)
    if not upper_doc:
        out = chain_mentions(text, out, chains, gaz)
        out = add_unlisted(text, tokens, out, ner_spans, gaz, lex, votes)
        place_unlisted(text, out, gaz, votes, region)
        set_within(text, out)
    return out


def _initialism(text: str, r: _Raw) -> bool:
    """A hit written as two or three capitals ("US", "MP"), in a text written in both cases."""
    word = text[r.start : r.end]
    return r.ntok == 1 and len(word) <= 3 and word.isalpha() and word.isupper()


def _strip_possessive(m: re.Match[str]) -> int:
    end = m.end()
    word = m.group()
    if len(word) > 3 and word[-2] in "'’ʼ" and word[-1] in "sS":
        end -= 2
    return end


def _capital(word: str, upper_doc: bool) -> bool:
    if upper_doc:
        return word.lower() not in _words().connectors
    return word[0].isupper()


def _scan(text: str, tokens: list[tuple[int, int]], gaz: Gazetteer, lex: PlaceLexicon,
          upper_doc: bool) -> list[_Raw]:
    """Longest gazetteer names over capitalised runs, left to right, not overlapping."""
    raws: list[_Raw] = []
    n = len(tokens)
    words = [text[s:e] for s, e in tokens]
    articles, connectors = _words().articles, _words().connectors
    i = 0
    while i < n:
        w = words[i]
        article_start = (w.lower() in articles and i + 1 < n
                         and text[tokens[i][1]:tokens[i + 1][0]] in ("-", "'", "’")
                         and _capital(words[i + 1], upper_doc))
        if not (_capital(w, upper_doc) or article_start) or (
                i > 0 and words[i - 1] in ("in", "of", "on", "at", "by", "to", "the")
                and text[tokens[i - 1][1]:tokens[i][0]] == "-"):
            # "Officer-in-Charge", "Commander-in-Chief": an English compound's word
            i += 1
            continue
        # The run of tokens a name could span: joined by one space or hyphen only.
        last = i
        while (last + 1 < n and last + 1 - i < _MAX_TOKENS
               and text[tokens[last][1]:tokens[last + 1][0]] in (" ", "-")
               and (_capital(words[last + 1], upper_doc)
                    or words[last + 1].lower() in connectors)):
            last += 1
        hit = _longest_name(text, tokens, words, i, last, gaz, lex, upper_doc)
        if hit is None:
            i += 1
            continue
        kind, j, key = hit
        if kind == "name":
            raws.append(_named(text, tokens, words, i, j, last, key, gaz, lex, upper_doc))
        else:
            # "Syrian Democratic Forces" is no place, but it tells the text's country.
            for t in range(i, j + 1):
                k = norm_key(words[t])
                iso2 = gaz.country_keys.get(k) or gaz.demonyms.get(k)
                if iso2:
                    raws.append(_Raw(tokens[t][0], tokens[t][1], k, 1, inside=True,
                                     demonym=gaz.demonyms.get(k)))
        i = j + 1
    # "Tadmor-Deir-ez-Zor": a known name right after is a second name, not the rest
    # of an unknown one.
    # "Menaka and Anderamboukane": a list of two known names, not one longer name.
    for a, b in zip(raws, raws[1:], strict=False):
        gap = text[a.end:b.start]
        if a.fragment == "right" and (b.start - a.end <= 1 or _words().and_gap.fullmatch(gap)):
            a.fragment = None
    return raws


def _longest_name(text: str, tokens: list[tuple[int, int]], words: list[str], i: int,
                  last: int, gaz: Gazetteer, lex: PlaceLexicon,
                  upper_doc: bool) -> tuple[str, int, str] | None:
    """The longest name from token i within the run up to ``last``: ("name", end token,
    key) for a place, ("stop", end token, key) for a phrase that is none; None."""
    w = words[i]
    articles = _words().articles
    if w.lower() in _MONTH_SHORT and _DAY_AFTER.match(text, tokens[i][1]):
        return None  # "Nov. 16": a date
    for j in range(last, i - 1, -1):
        if not _capital(words[j], upper_doc) or (j > i and words[j].lower() in articles):
            continue
        span = text[tokens[i][0]:tokens[j][1]]
        key = norm_key(span)
        if not key:
            continue
        if key in lex.stop_phrases:
            return ("stop", j, key)
        if key in lex.stop and not (
                key in gaz.admin1_index and _words().division_after.match(text, tokens[j][1])):
            # A common word is a place only as a division said to be one ("Plateau
            # state", "Centre region").
            if j == i:
                return None
            continue
        # Short all-capital tokens are acronyms (SDF, YPG, ISIS): only country
        # codes like "US" or "UK" among them name places.
        # "An NGO", "As ISIS": an English word before an acronym is no Arabic article.
        core = [t for t in words[i:j + 1] if t.lower() not in articles] or [w]
        acronym = len(core) == 1 and not upper_doc and (
            (core[0].isupper() and len(core[0]) <= 5)
            or any(c.isupper() for c in core[0][1:5]) or len(key) <= 2)
        if key in gaz.country_keys or (not acronym and (
                key in gaz.demonyms or key in gaz.index or key in gaz.variants
                or key in gaz.admin1_index)):
            return ("name", j, key)
    return None


def _named(text: str, tokens: list[tuple[int, int]], words: list[str], i: int, j: int,
           last: int, key: str, gaz: Gazetteer, lex: PlaceLexicon, upper_doc: bool) -> _Raw:
    """A name found at tokens i..j, marked when the words around it make it a fragment of
    a longer unknown name, a street or an unknown forest, or a word in an organisation's."""
    raw = _Raw(tokens[i][0], tokens[j][1], key, j - i + 1,
               demonym=gaz.demonyms.get(key) if key not in gaz.country_keys else None)
    before_prev = text[:tokens[i - 1][0]].rstrip()[-1:] if i > 0 else ""
    if _unknown_word(text, tokens, words, i - 1, i, gaz, lex, upper_doc) and (
            before_prev not in ("", *_SENTENCE_END)):
        raw.fragment = "left"  # "Hajir Togo"; not "Yesterday Syria" at a sentence's start
    for t in range(j + 1, last + 1):
        if words[t].lower() in _words().connectors:
            continue
        if words[t].lower() in lex.org_after:
            raw.inside = True
        elif _words().street_word.fullmatch(words[t]):
            raw.fragment = "street"  # "Mall Road", "Baghdad Street": a street
        elif _unknown_word(text, tokens, words, t, t - 1, gaz, lex, upper_doc):
            raw.fragment = "right"
        break
    if (j + 1 < len(tokens) and text[tokens[j][1]:tokens[j + 1][0]] == " "
            and i == j and words[j + 1][0].isupper()
            and words[j + 1].lower() in place_words("office_word")):
        raw.office = True
    if (j + 1 < len(tokens) and text[tokens[j][1]:tokens[j + 1][0]] == " "
            and _words().forest_word.fullmatch(words[j + 1])):
        whole = norm_key(f"{key} {words[j + 1]}")  # "the Sambisa forest": areas.tsv
        if whole not in gaz.variants:
            raw.fragment = "street"  # an unknown forest; "Molotov cocktails": a thing
            return raw
        raw.end, raw.key, raw.ntok = tokens[j + 1][1], whole, raw.ntok + 1
    return raw


def _unknown_word(text: str, tokens: list[tuple[int, int]], words: list[str], t: int,
                  near: int, gaz: Gazetteer, lex: PlaceLexicon, upper_doc: bool) -> bool:
    """Whether token ``t``, next to a hit, is a capitalised word the gazetteer does not
    know, joined to it: then the hit is likely part of a longer unknown name ("Kafr
    Zayt", "Sinn Sahar"), not the place it names on its own."""
    if upper_doc or t < 0 or t >= len(tokens):
        return False
    a, b = (t, near) if t < near else (near, t)
    if text[tokens[a][1]:tokens[b][0]] not in (" ", "-", "'", "’"):
        return False
    word = words[t]
    low = word.lower()
    if (not word[0].isupper() or low in _words().connectors or low in lex.qualifier_words
            or low in lex.dweller_after):
        return False
    if low in lex.name_part:
        return True
    k = norm_key(word)
    return not (k in lex.stop or k in gaz.demonyms or k in gaz.country_keys)


def _add_ner(text: str, raws: list[_Raw], ner_spans: Sequence[tuple[int, int, str]],
             gaz: Gazetteer, lex: PlaceLexicon) -> list[_Raw]:
    """Mark hits with what spaCy said of them; add GPE/LOC spans the scan missed."""
    added: list[_Raw] = []
    for s, e, label in ner_spans:
        # "Kampong Speu's" tagged PERSON is the name "Kampong Speu" tagged so, not a
        # longer name with the place inside it.
        if e - s > 2 and text[e - 1] in "sS" and text[e - 2] in "'’ʼ":
            e -= 2
        if label in ("GPE", "LOC", "FAC"):
            covered = False
            lead = s + (4 if text[s:e].lower().startswith("the ") else 0)
            for r in raws:
                if s <= r.start and r.end <= e:
                    covered = True
                    if label == "FAC" and r.start > lead:
                        # "the Banque du Liban", "Corniche el Mazraa": the model read a
                        # building or a road; the word is of its name, not the town's.
                        r.facility = True
                        continue
                    r.ner_place = True
                    # "Mir Ali" tagged whole: "Mir" is the start of that name, not the
                    # town of Mir abroad.
                    if r.fragment is None and _name_goes_on(text, r.end, e, raws, lex):
                        r.fragment = "right"
                elif r.start < e and s < r.end:
                    covered = True
            if not covered and label != "FAC":
                span = re.sub(r"^(?:the|The)\s+", "", text[s:e])
                start = e - len(span)
                key = norm_key(span)
                if key and key not in lex.stop:
                    added.append(_Raw(start, e, key, len(span.split()), ner_place=True,
                                      loose=not gaz.towns(key)))
        elif label in ("PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"):
            for r in raws:
                if s <= r.start and r.end <= e:
                    if (s, e) == (r.start, r.end):
                        r.ner_person = label == "PERSON"
                        r.ner_label = label
                    elif label != "NORP" and not (
                            r.end == e and _words().street_before.search(text[s:r.start])):
                        # "Murree Road Islamabad" tagged ORG: a street, then its city.
                        r.inside, r.inside_end = True, e
    return sorted(raws + added, key=lambda r: r.start)


def _name_goes_on(text: str, end: int, span_end: int, raws: list[_Raw],
                  lex: PlaceLexicon) -> bool:
    """Whether a place span tagged by the model goes on after a hit with a capitalised
    word that is no hit of its own and no qualifier ("Mir Ali", not "Idlib Governorate")."""
    m = re.match(r"[\s-]+([A-Z][\w'’]*)", text[end:span_end])
    if m is None:
        return False
    word = m.group(1)
    at = end + m.start(1)
    return (word.lower() not in lex.qualifier_words and word.lower() not in _words().connectors
            and word.lower() not in lex.dweller_after
            and not any(r.start <= at < r.end for r in raws))


def _read_context(text: str, r: _Raw, lex: PlaceLexicon) -> None:
    """Qualifiers and cues around a hit: "near", "south of", "... countryside"."""
    before = text[max(0, r.start - 80):r.start]
    after = text[r.end:r.end + 60]
    head = text[:r.start].rstrip()
    r.initial = not head or head[-1] in _SENTENCE_END
    prev = re.findall(r"[A-Za-z]+", before.lower())[-3:]
    prev = [w for w in prev if w != "the"][-2:]
    r.locative = bool(prev) and (prev[-1] in lex.locative or " ".join(prev) in lex.locative) or (
        not head and re.match(r"\s*(?:[-–—]\s|:)", after) is not None)  # "Bali: ...", "Dori - "
    r.target = lex.struck(before)
    if r.inside and r.locative and placed_after(text, r.inside_end):
        # "at Moi University in Eldoret": the organisation is placed by the name after it.
        r.locative = False
    nxt = re.match(r"^(?:['’]s)?[\s-]+([A-Za-z]+)", after)
    r.attributive = bool(nxt and nxt.group(1).lower() in lex.attributive)
    # "Lamu residents", "the Homa Bay Governor": support for the town itself (though not
    # inside an organisation's name: "the Lahore Traders Association" stays context).
    r.dweller = bool(nxt and nxt.group(1).lower() in lex.dweller_after)
    origin = _words().origin
    role = (origin.get(" ".join(prev[-2:])) or origin.get(prev[-1])) if prev else None
    r.role = None if role is None else str(role)

    q_start = r.start
    words: list[str] = []
    kinds: list[str] = []
    m = _BORDER_BEFORE.search(before)
    if m:
        q_start, words, kinds = r.start - len(before) + m.start("q"), ["border"], ["border"]
        if m.group("with") and r.role is None:
            # "near the border with Somalia": this side of it, in another country.
            r.role = "beyond"
    for pattern, kind in ((lex.direction_of, "direction_of"), (lex.near_before, "near"),
                          (_words().dir_adj, "direction")):
        if words:
            break
        m = pattern.search(before)
        if m:
            q_start = r.start - len(before) + m.start("q")
            q = re.sub(r"\s+", " ", m.group("q").lower())
            q = re.sub(rf"^the |^{lex.distance}", "", q).strip()
            if kind == "near":  # "on the outskirts of" -> "outskirts"
                q = re.sub(r"^(?:(?:in|on|the)\s+)+|\s+of$", "", q)
            if kind == "direction":
                q = m.group("d").lower().replace("-", "")
                rest = (m.group("rest") or "").strip().lower()
                q = q + (" " + rest.split()[0] if rest else "")
            words, kinds = [q], [kind]
    q_end = r.end
    m = _words().border_after.match(after)
    if m:
        words.append("border")
        kinds.append("border")
        q_end = r.end + m.end("q")
    else:
        m = lex.after.match(after)
        if m:
            word = re.sub(r"\s+", " ", m.group("q").lower())
            kinds.append(lex.after_kind[word].split("_")[0])
            words.append(word)
            q_end = r.end + m.end("q")
    if words and q_start == r.start:
        m = re.search(r"(?:^|(?<=\W))the\s+$", before, re.I)
        if m:  # "the Idlib countryside", "the Syrian-Turkish border"
            q_start = r.start - len(before) + m.start()
    if words:
        # "the eastern Homs countryside": one qualifier, "eastern countryside".
        r.q = " ".join(words)
        r.q_kind = kinds[-1] if kinds[-1] in ("region", "border") else kinds[0]
        if kinds[0] in ("direction", "direction_of") and kinds[-1] == "area":
            r.q_kind = "area"
        r.q_start, r.q_end = q_start, q_end


def _candidates(text: str, raws: list[_Raw], gaz: Gazetteer) -> None:
    for r in raws:
        if r.demonym:
            continue
        cands: list[_Cand] = []
        iso2 = gaz.country_keys.get(r.key)
        # "Salvador" is Bahia's city; the country is "El Salvador", whose article keys drop
        first = ascii_name(gaz.countries[iso2].name).lower().split()[:1] if iso2 else []
        if first and first[0] in _words().articles and not (
                ascii_name(text[r.start:r.end]).lower().startswith(first[0] + " ")):
            iso2 = None
        if iso2:
            cands.append((_COUNTRY_PRIOR, "country", iso2, None))
        if iso2 and r.ntok == 1 and r.key.isalpha() and len(r.key) <= 3:
            r.candidates = cands  # "US", "UK": the country only
            continue
        towns = [Variant(i, -1.0) for i in gaz.loose_towns(r.key)
                 if fuzz.ratio(r.key, norm_key(gaz.names[i])) >= LOOSE_SIMILARITY] \
            if r.loose else gaz.towns(r.key)
        seat_towns = {v.entry for v in towns}
        for a1 in gaz.admin1_keys(r.key):
            score = _ADMIN1_PRIOR + 0.1 * math.log10(gaz.admin1_pop.get(a1, 0) + 10)
            score += 3.0 if r.q_kind == "region" else 0.0
            # "Idlib" alone is the city ("Idlib province" the division); one is near a
            # town, in a division ("near Beni": Congo's town, not Bolivia's department).
            score -= (r.q_kind != "region" and gaz.admin1_seat.get(a1) in seat_towns) + (
                r.q_kind == "near")
            cands.append((score, "admin1", a1, None))
        district = r.q is not None and _words().district_word.search(r.q) is not None
        for v in towns:
            score = gaz.variant_prior(v) + v.weight
            if norm_key(v.display if v.local and v.display else gaz.names[v.entry]) == r.key:
                score += _PRIMARY_NAME
            if district and v.admin2:
                score += _DISTRICT_NAMED  # "Dang district": the district, not a town abroad
            cands.append((score, "town", v.entry, v))
        r.candidates = cands


def _where(gaz: Gazetteer, kind: str, ref: _Ref) -> tuple[str, str | None]:
    """The country and division of a reading."""
    if isinstance(ref, str):
        return ref, None
    if isinstance(ref, tuple):
        return ref
    return gaz.cc[ref], gaz.a1[ref]


def _resolve(
    raws: list[_Raw], gaz: Gazetteer, hint: list[str],
    regions: Sequence[tuple[str, str]] = (),
) -> tuple[list[_Cand | None], dict[str, float]]:
    """Pick a reading for each hit, in two passes: the first finds the countries and
    divisions the text is surely about, the second reads every hit in their light.
    ``regions`` are divisions the text names as admin context (``divisions``)."""
    votes: dict[str, float] = dict.fromkeys(hint, 1.0)
    for r in raws:
        iso2 = r.demonym or (gaz.country_keys.get(r.key) if r.candidates and
                             r.candidates[0][1] == "country" else None)
        if iso2 and not (r.fragment == "left" and not r.inside):  # not "Hajir Togo"
            weight = 0.6 if (r.demonym or r.attributive or r.inside) else 1.0
            if r.role is not None:
                weight = 0.2  # "goods from Turkey", "to reach Algeria"
            votes[iso2] = votes.get(iso2, 0.0) + weight
    admin_ctx: dict[tuple[str, str], int] = dict.fromkeys(regions, 1)

    def score(c: _Cand, own: _Raw | None = None) -> float:
        # A hit's own first reading is not evidence for itself: Tripoli alone must
        # not vote Libya into the context that then outweighs a named Beirut.
        cc, a1 = _where(gaz, c[1], c[2])
        v = votes.get(cc, 0.0) - (0.5 if own is not None and own.voted == cc else 0.0)
        s = c[0] + _COUNTRY_CONTEXT * min(1.0, v)
        if a1 is not None:
            n = admin_ctx.get((cc, a1), 0)
            if own is not None and own.voted == cc and own.voted_a1 == a1:
                n -= 1
            if n > 0:
                s += _ADMIN_CONTEXT
        return s

    extra: dict[str, float] = {}
    counted: set[tuple[str, str]] = set()  # a name told twice is one piece of evidence
    for r in raws:
        if (not r.candidates or r.candidates[0][1] == "country" or r.fragment == "street"
                or r.office or r.in_group):
            continue
        ranked = sorted(r.candidates, key=score, reverse=True)
        top = ranked[0]
        cc, a1 = _where(gaz, top[1], top[2])
        rival = next((score(c) for c in ranked[1:] if _where(gaz, c[1], c[2])[0] != cc), None)
        if rival is None or score(top) - rival >= 1.0:
            if (r.key, cc) not in counted:
                counted.add((r.key, cc))
                extra[cc] = extra.get(cc, 0.0) + 0.5
            r.voted, r.voted_a1 = cc, a1
            if a1 is not None:
                admin_ctx[(cc, a1)] = admin_ctx.get((cc, a1), 0) + 1
    for cc, v in extra.items():
        votes[cc] = votes.get(cc, 0.0) + v
    chosen = []
    for r in raws:
        r.candidates.sort(key=lambda c: score(c, r), reverse=True)
        chosen.append(r.candidates[0] if r.candidates else None)
    return chosen, votes


def _mention(text: str, r: _Raw, best: _Cand | None, gaz: Gazetteer, lex: PlaceLexicon,
             votes: dict[str, float], lower_words: set[str],
             upper_doc: bool, named: dict[str, float] | None = None,
             region: frozenset[str] = frozenset()) -> PlaceMention | None:
    """The hit as a mention, or None where it is not (or not only) a place name."""
    if r.demonym:
        return _border(text, r, gaz)
    if r.fragment == "street":
        return None  # a street's or a forest's name, wherever the town of that name is
    if best is None:
        if r.ner_place and not r.inside:
            return PlaceMention(r.start, r.end, text[r.start:r.end], None)
        return None
    kind, ref = best[1], best[2]
    if kind == "country" and (r.attributive or r.inside) and r.q_kind != "border":
        return None  # "US forces": context for the text, not where anything happened
    if kind == "country" and r.fragment in ("left", "right"):
        return None  # "Togo" in "Hajir Togo": a word of a longer name
    if r.inside and not r.locative and not (
            kind == "town" and isinstance(ref, int) and r.inside_end is not None
            and institution_city(text[r.start:r.inside_end], text[r.inside_end:],
                                 gaz.pop[ref])):
        return None
    cc, _a1 = _where(gaz, kind, ref)
    # The context as the rest of the text gives it, without this hit's own vote.
    support_cc = votes.get(cc, 0.0) - (0.5 if r.voted == cc else 0.0)
    if kind == "town":
        assert isinstance(ref, int)
        i = ref
        pop = gaz.pop[i]
        variant = best[3]
        primary = norm_key(gaz.names[i]) == r.key or bool(variant and variant.weight > 0)
        if not _town_stands(text, r, lex, pop, primary, support_cc, lower_words, upper_doc) or (
                r.office and pop < 50_000 and support_cc < 1.0):
            return None  # "the Golden Temple" is not in Golden, Colorado
        # Abroad: the text names another country, not only leans to one (a locality of the
        # districts table just over its border is none: a Malian group's raid into Burkina).
        told = [c for c, v in (named or votes).items() if v >= 1.0]
        listed = variant is not None and (variant.local or variant.weight < 0 and bool(
            variant.display))
        elsewhere = support_cc <= 0.0 and (bool(told) and not (
            listed and all(c in gaz.neighbours(cc) for c in told))
            or bool(region) and cc not in region)
        # An unknown word after a name ("Sinn Sahar") makes it part of a longer name;
        # before a big city it is more often a list or a missing comma
        # ("Haddadain Lattakia").
        fragment = r.fragment == "right" or (r.fragment == "left" and pop < 100_000)
        # "Tama town", "the village of Barza": a small place, whatever the size of a
        # namesake abroad.
        small = r.q_kind == "town" and r.q != "city" or bool(
            lex.small_before.search(text[max(0, r.start - 50):r.start]))
        if r.facility and elsewhere:
            return None  # "the Banque du Liban in Sidon": not the Czech village of Liban
        if (fragment or elsewhere) and (pop < 100_000 or not primary or small):
            # A small town abroad in a text about another country, or a piece of a
            # longer name: most likely a local place GeoNames lacks.
            return _local(text, r, gaz, elsewhere) if r.locative or r.ner_place else None
    _, space, last = r.key.rpartition(" ")
    if kind == "admin1" and space and last in _words().seas and r.q_kind != "region":
        return None  # "the Red Sea" is the sea; "Red Sea state" the division named after it
    if kind == "admin1" and r.fragment == "left" and r.q_kind != "region":
        # "Ghor" in "Um al-Ghor": the end of a longer name, not the province (a name that
        # starts with one, "Punjab Students Union", is still of that province).
        return None
    place = _place(gaz, r, best, text)
    others = [_place(gaz, r, c) for c in r.candidates[1:6]]
    mention = PlaceMention(r.start, r.end, text[r.start:r.end], place,
                           [p for p in others if p is not None])
    if kind == "country":
        mention.role = r.role
    if r.q is not None:
        mention.qualifier, mention.qualifier_start, mention.qualifier_end = r.q, r.q_start, r.q_end
    return mention


_AIMED_TOWN = 10_000


def _town_stands(text: str, r: _Raw, lex: PlaceLexicon, pop: int, primary: bool,
                 support_cc: float, lower_words: set[str], upper_doc: bool) -> bool:
    """Whether a hit read as a town of ``pop`` people is a place name at all, given what
    the words around it say and how much the rest of the text backs its country
    (``support_cc``; 1.0 or more: the country is named)."""
    named_country = support_cc >= 1.0
    if r.ntok == 1 and r.key in lex.name_part:
        return False  # "Tal", "Deir" alone: the first word of a name GeoNames lacks
    # "shelled Saraqib": a town of some size as the object of a verb that takes places
    # (not "attacked Chevron", a company and a Belgian hamlet).
    aimed = r.target and not r.ner_person and pop >= _AIMED_TOWN
    support = r.locative or r.dweller or r.ner_place or r.q is not None or aimed
    word = text[r.start:r.end]
    if r.ntok == 1 and pop < 1000 and not (support or named_country):
        return False
    if r.ner_person and not (support or named_country or pop >= 100_000):
        return False
    if (r.ner_label in _NOT_PLACE_LABELS and pop < 50_000
            and not (named_country or r.locative or r.dweller or r.q is not None or aimed)):
        # "a Red Cross ambulance": no town abroad. The model tags many a town it does
        # not know as an organisation or an event: "in Tanguieta" stays a place.
        return False
    # A word opening a sentence, or written lower-case elsewhere, is a town only when
    # the country is named or the town is a city known by that very name ("Tour
    # operators" is not Tours).
    if r.ntok == 1 and not r.ner_place and (r.initial or word.lower() in lower_words) \
            and not ((named_country and pop >= 1000) or (pop >= 100_000 and primary)):
        return False
    if upper_doc and r.ntok == 1 and not (r.locative and pop >= 1000) and pop < 50_000:
        return False
    if r.loose and not named_country:
        return False
    # A lone capitalised word, with nothing saying it is a place.
    return not (r.ntok == 1 and pop < 100_000 and support_cc <= 0.0 and not support)


def _country_part(gaz: Gazetteer, r: _Raw, iso2: str, text: str) -> Place | None:
    """ "northwestern Syria", "the north of Burkina Faso": the part of the country that
    way (``divisions.country_part``); "north of Syria", without "the", is outside it."""
    if r.q is None or r.q_kind not in ("direction", "direction_of"):
        return None
    if r.q_kind == "direction_of" and not (
            r.q_start is not None and text[r.q_start:r.q_start + 4].lower() == "the "):
        return None
    way = direction_of(r.q.split()[0])
    return country_part(gaz, iso2, way) if way else None


def _local(text: str, r: _Raw, gaz: Gazetteer, elsewhere: bool) -> PlaceMention:
    """A name said to be a place that the gazetteer knows only abroad ("in Mal" in a text
    about Mauritania): a local place it lacks, placed in the text's country."""
    local = PlaceMention(r.start, r.end, text[r.start:r.end], None,
                         [p for p in (_place(gaz, r, c) for c in r.candidates[:5])
                          if p is not None])
    # "in Mal": a place; "fighters of Al-Quds", a name inside an organisation's: not one.
    placed = bool(_words().placing.search(text[max(0, r.start - 20):r.start]))
    local.qualifier = "unlisted" if placed and elsewhere and not r.inside else None
    return local


def _border(text: str, r: _Raw, gaz: Gazetteer) -> PlaceMention | None:
    """A demonym names a place only as a side of a border ("the Syrian-Turkish border")."""
    if r.q_kind != "border" or r.demonym is None:
        return None
    place = gaz.country(r.demonym, "region")
    border = PlaceMention(r.start, r.end, text[r.start:r.end], place, [], "border",
                          r.q_start, r.q_end)
    border.role = r.role  # "fled to the Nigerien border"
    return border


def _place(gaz: Gazetteer, r: _Raw, c: _Cand, text: str = "") -> Place | None:
    kind, ref, variant = c[1], c[2], c[3]
    if kind == "country":
        part = _country_part(gaz, r, str(ref), text)
        if part is not None:
            return part
        regional = r.q_kind in ("direction", "direction_of", "border", "near", "area")
        return gaz.country(str(ref), "region" if regional else "country")
    if isinstance(ref, tuple):
        return gaz.admin1(ref)
    assert isinstance(ref, int)
    precision = (variant.precision if variant and variant.precision else 1)
    if r.q_kind in ("near", "direction", "direction_of", "area", "region"):
        precision = 2
    return gaz.town(ref, precision, variant.display if variant else None,
                    variant.admin2 if variant else None)
