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

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from eventwire.gazetteer import (
    ARTICLES,
    Gazetteer,
    Variant,
    ascii_name,
    data_lines,
    norm_key,
)
from eventwire.records import Place

__all__ = ["Gazetteer", "PlaceMention", "country_by_name", "find_places"]


@dataclass(slots=True)
class PlaceMention:
    """A place name as written (``text == source[start:end]``) and what it resolves to."""

    start: int
    end: int
    text: str
    place: Place | None
    candidates: list[Place] = field(default_factory=list)
    qualifier: str | None = None  # "near", "countryside", "south of", "northwestern", ...
    qualifier_start: int | None = None  # the whole phrase, qualifier included
    qualifier_end: int | None = None
    # For a place the gazetteer lacks ("the village of X in Idlib"): the mention whose
    # place gives its country, division and coordinates ("Idlib").
    container: PlaceMention | None = None
    # The place the text says this one lies in, known or not ("Sanjar town in Idleb",
    # "X, Y and Z in the Hama countryside"): the event is at this one, not there.
    within: PlaceMention | None = None


def country_by_name(name_or_code: str) -> Place | None:
    """A country from its name, ISO code or demonym.

    >>> country_by_name("Syrian").iso, country_by_name("SYR").country
    (760, 'Syria')
    """
    gaz = Gazetteer.default()
    s = name_or_code.strip()
    iso2 = gaz.codes.get(s.upper()) if s.isupper() or len(s) <= 3 else None
    k = norm_key(s)
    iso2 = iso2 or gaz.country_keys.get(k) or gaz.demonyms.get(k)
    return gaz.country(iso2) if iso2 else None


# ----------------------------------------------------------------------- lexicon

# Words that may sit inside a multi-word name without a capital ("Dayr az Zawr",
# "Bosnia and Herzegovina", "Rio de Janeiro").
_CONNECTORS = ARTICLES | frozenset(
    "of and de del la le les da do dos das di du des bin ibn bint wa y e upon the "
    "au aux sur en".split())
_DIRECTIONS = r"(?:north|south|east|west)(?:-?(?:east|west))?"
_DIST = (r"(?:\d+(?:[.,]\d+)?\s*(?:-\s*)?(?:km|kms|kilometers|kilometres|miles|mi)\s+"
         r"(?:to\s+the\s+)?)")
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’ʼ`‘][^\W\d_]+)*")
# Words naming a street after its name ("Mall Road", "Baghdad Street").
_STREETS = r"road|street|avenue|chowk|bazaa?r|highway|lane"
# An address run together ("Mall Road Lahore", "Murree Road Islamabad"): the last name
# is the city the street is in.
_STREET_BEFORE = re.compile(
    rf"\b(?:{_STREETS}|st|ave|market|square|crossing|intersection)\.?[\s,]+$", re.I)
_DIVISION_AFTER = re.compile(r"\s+(?:state|province|region|governorate|department)\b", re.I)
_FEATURE_WORD = re.compile(r"(?:forest|reserve)", re.I)
_AND_GAP = re.compile(r"\s+(?:and|y|e)\s+", re.I)
_STREET_WORD = re.compile(rf"(?:{_STREETS})", re.I)
_SENTENCE_END = frozenset(".!?\n\"“”:;")
_MAX_TOKENS = 6
# Weights of the evidence for a reading; see _score. A named country outweighs any
# town's size (a Lebanese Tripoli in a text about Lebanon) but not a country's own
# name ("Jordan" the country, not the Minnesota town).
_COUNTRY_PRIOR = 5.0
_ADMIN1_PRIOR = 2.2
_COUNTRY_CONTEXT = 3.0
_ADMIN_CONTEXT = 2.0
_PRIMARY_NAME = 0.4
# How alike (rapidfuzz ratio, 0-100) a name and a town must be spelled for a match by
# consonant skeleton alone: "Mayadeen"/"Mayadin" is 80, "Maadan"/"Mayadin" 77,
# "Shiheil"/"Shal" 55 (skeletons of three consonants are shared by unrelated names).
_LOOSE_SIMILARITY = 78
# A reading that is a district, where the text says "district" (or "agency", "tehsil").
_DISTRICT_NAMED = 2.0
_DISTRICT_WORD = re.compile(r"\b(?:district|sub-?district|upazila|tehsil|agency)\b")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    stop: frozenset[str]
    stop_phrases: frozenset[str]
    locative: frozenset[str]
    attributive: frozenset[str]
    name_part: frozenset[str]
    org_after: frozenset[str]
    qualifier_words: frozenset[str]
    near_before: re.Pattern[str]
    after: re.Pattern[str]
    after_kind: dict[str, str]
    unlisted_before: re.Pattern[str]
    unlisted_after: re.Pattern[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    stop = [norm_key(r[0]) for r in data_lines("place_stopwords.txt")]
    cues: dict[str, list[str]] = {}
    for kind, phrase in data_lines("place_cues.tsv"):
        cues.setdefault(kind, []).append(phrase)

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                        for w in sorted(words, key=len, reverse=True))

    after_kind = {w: k for k in ("area_after", "region_after", "town_after") for w in cues[k]}
    return _Lexicon(
        stop=frozenset(s for s in stop if " " not in s),
        stop_phrases=frozenset(s for s in stop if " " in s),
        locative=frozenset(cues["locative"]),
        attributive=frozenset(cues["attributive"]),
        name_part=frozenset(cues["name_part"]),
        org_after=frozenset(cues["org_after"]),
        qualifier_words=frozenset(after_kind),
        near_before=re.compile(
            rf"(?:^|(?<=\W))(?P<q>(?:the\s+)?(?:{alternation(cues['near'])}))\s+"
            r"(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$", re.I),
        after=re.compile(
            rf"^(?:['’]s)?\s+(?P<q>{alternation(list(after_kind))})\b", re.I),
        after_kind=after_kind,
        unlisted_before=re.compile(
            rf"(?:^|(?<=\W))(?:{alternation(cues['unlisted_before'])})\s+(?:the\s+)?$", re.I),
        # Lower case only: "Hazwan front" names a place, "Cook Front" an organisation.
        unlisted_after=re.compile(
            rf"^(?:['’]s)?[\s-]+(?:{alternation(cues['unlisted_after'])})\b"),
    )


_DIR_OF = re.compile(
    rf"(?:^|(?<=\W))(?P<q>(?:the\s+)?{_DIST}?(?P<d>{_DIRECTIONS})(?:ern)?\s+of)\s+"
    r"(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$", re.I)
_DIR_ADJ = re.compile(
    rf"(?:^|(?<=\W))(?P<q>(?:the\s+)?(?P<d>{_DIRECTIONS}ern|central)"
    r"(?P<rest>\s+(?:rural|countryside\s+of|outskirts\s+of|parts?\s+of|suburbs\s+of|"
    r"areas?\s+of|desert\s+of))?)\s+(?:the\s+)?$", re.I)
_BORDER_AFTER = re.compile(
    r"^(?:['’]s)?(?P<other>(?:\s*[-/–]\s*|\s+and\s+)[A-Z][\w']+(?:\s+[A-Z][\w']+)?)?"
    r"\s+(?P<q>border(?:\s+area|\s+region|\s+crossing)?)\b")
_BORDER_BEFORE = re.compile(r"(?P<q>(?:the\s+)?border\s+(?:with|of)\s+)(?:the\s+)?$", re.I)


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
    attributive: bool = False


def find_places(
    text: str,
    ner_spans: Sequence[tuple[int, int, str]] = (),
    *,
    gazetteer: Gazetteer | None = None,
    countries: Sequence[str] = (),
    leaning: Sequence[str] = (),
) -> list[PlaceMention]:
    """All place mentions in text, in text order, each disambiguated using the whole text.

    ``countries`` (ISO codes or names) are countries the text is known to be about
    from outside it (a feed's country, a batch's setting): weighed as if named in it.
    ``leaning`` countries count the same for choosing among namesakes, but do not make
    a town of another country a stranger to the text ("a Russian drone hit Kherson").

    >>> [(m.text, m.place.admin1) for m in find_places("Shelling hit Palmyra, Syria.")][0]
    ('Palmyra', 'Homs')
    """
    gaz = gazetteer or Gazetteer.default()
    lex = _lexicon()
    tokens = [(m.start(), _strip_possessive(m)) for m in _TOKEN.finditer(text)]
    letters = sum(c.isalpha() for c in text[:2000]) or 1
    upper_doc = sum(c.isupper() for c in text[:2000]) / letters > 0.6
    lower_words = {text[s:e] for s, e in tokens if text[s].islower()}
    raws = _scan(text, tokens, gaz, lex, upper_doc)
    raws = _add_ner(text, raws, ner_spans, gaz, lex)
    for r in raws:
        _read_context(text, r, lex)
    _candidates(raws, gaz)
    hint = [c for c in (country_by_name(n) for n in countries) if c is not None]
    lean = [c for c in (country_by_name(n) for n in leaning) if c is not None]
    chosen, votes = _resolve(raws, gaz, [str(c.iso2) for c in hint + lean])
    named = dict(votes)
    for c in lean:
        named[str(c.iso2)] = named.get(str(c.iso2), 0.0) - 1.0
    out: list[PlaceMention] = []
    for r, best in zip(raws, chosen, strict=True):
        if out and out[-1].qualifier_end is not None and r.start < out[-1].qualifier_end:
            continue  # "Turkish" in "the Syrian-Turkish border" belongs to that phrase
        mention = _mention(text, r, best, gaz, lex, votes, lower_words, upper_doc, named)
        if mention is not None:
            out.append(mention)
    if not upper_doc:
        out = _add_unlisted(text, tokens, out, ner_spans, gaz, lex, votes)
        _place_unlisted(text, out, gaz, votes)
        for m in out:
            if m.place is not None and m.place.kind in ("town", "unlisted"):
                around = m.container or _list_container(text, m, out)
                if around is not None and around is not m and around.place is not None:
                    m.within = around
    return out


def _strip_possessive(m: re.Match[str]) -> int:
    end = m.end()
    word = m.group()
    if len(word) > 3 and word[-2] in "'’ʼ" and word[-1] in "sS":
        end -= 2
    return end


def _capital(word: str, upper_doc: bool) -> bool:
    if upper_doc:
        return word.lower() not in _CONNECTORS
    return word[0].isupper()


def _scan(text: str, tokens: list[tuple[int, int]], gaz: Gazetteer, lex: _Lexicon,
          upper_doc: bool) -> list[_Raw]:
    """Longest gazetteer names over capitalised runs, left to right, not overlapping."""
    raws: list[_Raw] = []
    n = len(tokens)
    words = [text[s:e] for s, e in tokens]
    i = 0
    while i < n:
        w = words[i]
        article_start = (w.lower() in ARTICLES and i + 1 < n
                         and text[tokens[i][1]:tokens[i + 1][0]] in ("-", "'", "’")
                         and _capital(words[i + 1], upper_doc))
        if not (_capital(w, upper_doc) or article_start):
            i += 1
            continue
        # The run of tokens a name could span: joined by one space or hyphen only.
        last = i
        while (last + 1 < n and last + 1 - i < _MAX_TOKENS
               and text[tokens[last][1]:tokens[last + 1][0]] in (" ", "-")
               and (_capital(words[last + 1], upper_doc)
                    or words[last + 1].lower() in _CONNECTORS)):
            last += 1
        hit = None
        for j in range(last, i - 1, -1):
            if not _capital(words[j], upper_doc) or (j > i and words[j].lower() in ARTICLES):
                continue
            span = text[tokens[i][0]:tokens[j][1]]
            key = norm_key(span)
            if not key:
                continue
            if key in lex.stop_phrases:
                hit = ("stop", j, key)
                break
            if key in lex.stop and not (
                    key in gaz.admin1_index and _DIVISION_AFTER.match(text, tokens[j][1])):
                # A common word is a place only as a division said to be one ("Plateau
                # state", "Centre region").
                if j == i:
                    break
                continue
            # Short all-capital tokens are acronyms (SDF, YPG, ISIS): only country
            # codes like "US" or "UK" among them name places.
            # "An NGO", "As ISIS": an English word before an acronym is no Arabic article.
            core = [t for t in words[i:j + 1] if t.lower() not in ARTICLES] or [w]
            acronym = len(core) == 1 and not upper_doc and (
                (core[0].isupper() and len(core[0]) <= 5)
                or any(c.isupper() for c in core[0][1:5]) or len(key) <= 2)
            if key in gaz.country_keys or (not acronym and (
                    key in gaz.demonyms or key in gaz.index or key in gaz.variants
                    or key in gaz.admin1_index)):
                hit = ("name", j, key)
                break
        if hit is None:
            i += 1
            continue
        kind, j, key = hit
        if kind == "name":
            raw = _Raw(tokens[i][0], tokens[j][1], key, j - i + 1,
                       demonym=gaz.demonyms.get(key) if key not in gaz.country_keys else None)
            if _unknown_word(text, tokens, words, i - 1, i, gaz, lex, upper_doc):
                raw.fragment = "left"
            for t in range(j + 1, last + 1):
                if words[t].lower() in _CONNECTORS:
                    continue
                if words[t].lower() in lex.org_after:
                    raw.inside = True
                elif _STREET_WORD.fullmatch(words[t]):
                    raw.fragment = "street"  # "Mall Road", "Baghdad Street": a street
                elif _unknown_word(text, tokens, words, t, t - 1, gaz, lex, upper_doc):
                    raw.fragment = "right"
                break
            if (j + 1 < n and text[tokens[j][1]:tokens[j + 1][0]] == " "
                    and _FEATURE_WORD.fullmatch(words[j + 1])):
                raw.fragment = "street"  # "Boni forest", "Sambisa forest": a forest
            raws.append(raw)
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
        if a.fragment == "right" and (b.start - a.end <= 1 or _AND_GAP.fullmatch(gap)):
            a.fragment = None
    return raws


def _unknown_word(text: str, tokens: list[tuple[int, int]], words: list[str], t: int,
                  near: int, gaz: Gazetteer, lex: _Lexicon, upper_doc: bool) -> bool:
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
    if not word[0].isupper() or low in _CONNECTORS or low in lex.qualifier_words:
        return False
    if low in lex.name_part:
        return True
    k = norm_key(word)
    return not (k in lex.stop or k in gaz.demonyms or k in gaz.country_keys)


def _add_ner(text: str, raws: list[_Raw], ner_spans: Sequence[tuple[int, int, str]],
             gaz: Gazetteer, lex: _Lexicon) -> list[_Raw]:
    """Mark hits with what spaCy said of them; add GPE/LOC spans the scan missed."""
    added: list[_Raw] = []
    for s, e, label in ner_spans:
        # "Kampong Speu's" tagged PERSON is the name "Kampong Speu" tagged so, not a
        # longer name with the place inside it.
        if e - s > 2 and text[e - 1] in "sS" and text[e - 2] in "'’ʼ":
            e -= 2
        if label in ("GPE", "LOC", "FAC"):
            covered = False
            for r in raws:
                if s <= r.start and r.end <= e:
                    r.ner_place = True
                    covered = True
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
                    elif label != "NORP" and not (
                            r.end == e and _STREET_BEFORE.search(text[s:r.start])):
                        # "Murree Road Islamabad" tagged ORG: a street, then its city.
                        r.inside = True
    return sorted(raws + added, key=lambda r: r.start)


def _name_goes_on(text: str, end: int, span_end: int, raws: list[_Raw],
                  lex: _Lexicon) -> bool:
    """Whether a place span tagged by the model goes on after a hit with a capitalised
    word that is no hit of its own and no qualifier ("Mir Ali", not "Idlib Governorate")."""
    m = re.match(r"[\s-]+([A-Z][\w'’]*)", text[end:span_end])
    if m is None:
        return False
    word = m.group(1)
    at = end + m.start(1)
    return (word.lower() not in lex.qualifier_words and word.lower() not in _CONNECTORS
            and not any(r.start <= at < r.end for r in raws))


def _read_context(text: str, r: _Raw, lex: _Lexicon) -> None:
    """Qualifiers and cues around a hit: "near", "south of", "... countryside"."""
    before = text[max(0, r.start - 80):r.start]
    after = text[r.end:r.end + 60]
    head = text[:r.start].rstrip()
    r.initial = not head or head[-1] in _SENTENCE_END
    prev = re.findall(r"[A-Za-z]+", before.lower())[-3:]
    prev = [w for w in prev if w != "the"][-2:]
    r.locative = bool(prev) and (prev[-1] in lex.locative or " ".join(prev) in lex.locative)
    nxt = re.match(r"^(?:['’]s)?[\s-]+([A-Za-z]+)", after)
    r.attributive = bool(nxt and nxt.group(1).lower() in lex.attributive)

    q_start = r.start
    words: list[str] = []
    kinds: list[str] = []
    m = _BORDER_BEFORE.search(before)
    if m:
        q_start, words, kinds = r.start - len(before) + m.start("q"), ["border"], ["border"]
    for pattern, kind in ((_DIR_OF, "direction_of"), (lex.near_before, "near"),
                          (_DIR_ADJ, "direction")):
        if words:
            break
        m = pattern.search(before)
        if m:
            q_start = r.start - len(before) + m.start("q")
            q = re.sub(r"\s+", " ", m.group("q").lower())
            q = re.sub(rf"^the |^{_DIST}", "", q).strip()
            if kind == "near":  # "on the outskirts of" -> "outskirts"
                q = re.sub(r"^(?:(?:in|on|the)\s+)+|\s+of$", "", q)
            if kind == "direction":
                q = m.group("d").lower().replace("-", "")
                rest = (m.group("rest") or "").strip().lower()
                q = q + (" " + rest.split()[0] if rest else "")
            words, kinds = [q], [kind]
    q_end = r.end
    m = _BORDER_AFTER.match(after)
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


def _candidates(raws: list[_Raw], gaz: Gazetteer) -> None:
    for r in raws:
        if r.demonym:
            continue
        cands: list[_Cand] = []
        iso2 = gaz.country_keys.get(r.key)
        if iso2:
            cands.append((_COUNTRY_PRIOR, "country", iso2, None))
        if iso2 and r.ntok == 1 and r.key.isalpha() and len(r.key) <= 3:
            r.candidates = cands  # "US", "UK": the country only
            continue
        towns = [Variant(i, -1.0) for i in gaz.loose_towns(r.key)
                 if fuzz.ratio(r.key, norm_key(gaz.names[i])) >= _LOOSE_SIMILARITY] \
            if r.loose else gaz.towns(r.key)
        seat_towns = {v.entry for v in towns}
        for a1 in gaz.admin1_keys(r.key):
            score = _ADMIN1_PRIOR + 0.1 * math.log10(gaz.admin1_pop.get(a1, 0) + 10)
            if r.q_kind == "region":
                score += 3.0
            elif gaz.admin1_seat.get(a1) in seat_towns:
                score -= 1.0  # "Idlib" alone is the city; "Idlib province" the division
            cands.append((score, "admin1", a1, None))
        district = r.q is not None and _DISTRICT_WORD.search(r.q) is not None
        for v in towns:
            score = gaz.prior(v.entry) + v.weight
            if norm_key(gaz.names[v.entry]) == r.key:
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


def _resolve(raws: list[_Raw], gaz: Gazetteer,
             hint: list[str]) -> tuple[list[_Cand | None], dict[str, float]]:
    """Pick a reading for each hit, in two passes: the first finds the countries and
    divisions the text is surely about, the second reads every hit in their light."""
    votes: dict[str, float] = dict.fromkeys(hint, 1.0)
    for r in raws:
        iso2 = r.demonym or (gaz.country_keys.get(r.key) if r.candidates and
                             r.candidates[0][1] == "country" else None)
        if iso2:
            weight = 0.6 if (r.demonym or r.attributive or r.inside) else 1.0
            votes[iso2] = votes.get(iso2, 0.0) + weight
    admin_ctx: dict[tuple[str, str], int] = {}

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
        if not r.candidates or r.candidates[0][1] == "country" or r.fragment == "street":
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


def _mention(text: str, r: _Raw, best: _Cand | None, gaz: Gazetteer, lex: _Lexicon,
             votes: dict[str, float], lower_words: set[str],
             upper_doc: bool, named: dict[str, float] | None = None) -> PlaceMention | None:
    """The hit as a mention, or None where it is not (or not only) a place name."""
    if r.demonym:
        if r.q_kind != "border":
            return None
        place = gaz.country(r.demonym, "region")
        return PlaceMention(r.start, r.end, text[r.start:r.end], place, [], "border",
                            r.q_start, r.q_end)
    if r.fragment == "street":
        return None  # a street's or a forest's name, wherever the town of that name is
    if best is None:
        if r.ner_place and not r.inside:
            return PlaceMention(r.start, r.end, text[r.start:r.end], None)
        return None
    kind, ref = best[1], best[2]
    if kind == "country" and (r.attributive or r.inside) and r.q_kind != "border":
        return None  # "US forces": context for the text, not where anything happened
    if r.inside and not r.locative:
        return None
    cc, _a1 = _where(gaz, kind, ref)
    # The context as the rest of the text gives it, without this hit's own vote.
    support_cc = votes.get(cc, 0.0) - (0.5 if r.voted == cc else 0.0)
    named_country = support_cc >= 1.0
    if kind == "town":
        assert isinstance(ref, int)
        i = ref
        pop = gaz.pop[i]
        if r.ntok == 1 and r.key in lex.name_part:
            return None  # "Tal", "Deir" alone: the first word of a name GeoNames lacks
        support = r.locative or r.ner_place or r.q is not None
        word = text[r.start:r.end]
        if r.ntok == 1 and pop < 1000 and not (support or named_country):
            return None
        if r.ner_person and not (support or named_country or pop >= 100_000):
            return None
        if r.ntok == 1 and not r.ner_place and (r.initial or word.lower() in lower_words) \
                and not ((named_country and pop >= 1000) or pop >= 100_000):
            return None
        if upper_doc and r.ntok == 1 and not (r.locative and pop >= 1000) and pop < 50_000:
            return None
        if r.loose and not named_country:
            return None
        if (r.ntok == 1 and pop < 100_000 and support_cc <= 0.0
                and not (r.locative or r.ner_place or r.q)):
            return None  # a lone capitalised word, with nothing saying it is a place
        variant = best[3]
        primary = norm_key(gaz.names[i]) == r.key or bool(variant and variant.weight > 0)
        # Abroad: the text names another country, not only leans to one.
        elsewhere = support_cc <= 0.0 and max((named or votes).values(), default=0.0) >= 1.0
        # An unknown word after a name ("Sinn Sahar") makes it part of a longer name;
        # before a big city it is more often a list or a missing comma
        # ("Haddadain Lattakia").
        fragment = r.fragment == "right" or (r.fragment == "left" and pop < 100_000)
        # "Tama town", "the village of Barza": a small place, whatever the size of a
        # namesake abroad.
        small = r.q_kind == "town" and r.q != "city" or bool(
            _SMALL_BEFORE.search(text[max(0, r.start - 50):r.start]))
        if (fragment or elsewhere) and (pop < 100_000 or not primary or small):
            # A small town abroad in a text about another country, or a piece of a
            # longer name: most likely a local place GeoNames lacks.
            if r.locative or r.ner_place:
                return PlaceMention(r.start, r.end, text[r.start:r.end], None,
                                    [p for p in (_place(gaz, r, c) for c in r.candidates[:5])
                                     if p is not None])
            return None
    if kind == "admin1" and r.key.endswith(" sea") and r.q_kind != "region":
        return None  # "the Red Sea" is the sea; "Red Sea state" the division named after it
    if kind == "admin1" and r.fragment == "left" and r.q_kind != "region":
        # "Ghor" in "Um al-Ghor": the end of a longer name, not the province (a name that
        # starts with one, "Punjab Students Union", is still of that province).
        return None
    place = _place(gaz, r, best)
    others = [_place(gaz, r, c) for c in r.candidates[1:6]]
    mention = PlaceMention(r.start, r.end, text[r.start:r.end], place,
                           [p for p in others if p is not None])
    if r.q is not None:
        mention.qualifier, mention.qualifier_start, mention.qualifier_end = r.q, r.q_start, r.q_end
    return mention


def _place(gaz: Gazetteer, r: _Raw, c: _Cand) -> Place | None:
    kind, ref, variant = c[1], c[2], c[3]
    if kind == "country":
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


# ---------------------------------------------------------------- unlisted places

_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split())
_JOINS = (" ", "-", "'", "’")
# Lower-case words inside an unlisted name: Arabic articles and the like ("Um al Tinah",
# "Abu al Khatir"), not "of" or "and", which join a name to the words around it.
_NAME_LINKS = ARTICLES | frozenset("de del la bin ibn bani wa".split())
_SENTENCE_BREAK = re.compile(r"[.!?;\n]")
_SMALL_BEFORE = re.compile(r"\b(?:villages?|towns?|hamlets?)\s+of\s+(?:the\s+)?$", re.I)
_QUARTER = re.compile(r"(?:['’]s)?\s+(?:neighbou?rhoods?|quarter|suburb)\b", re.I)
_NAME_TOKEN = r"['’]?[A-Z][\w'’]*(?:-[\w'’]+)*"
_NAME_LINK = r"(?:(?:al|el|an|ad|ar|as|at|az|ash|bin|ibn|abu|um)[-\s]+)"
_LIST_NAME = rf"{_NAME_LINK}?{_NAME_TOKEN}(?:\s+{_NAME_LINK}?{_NAME_TOKEN})*"
# The rest of a list of names after its first: ", Salim, Al 'Amiriyah, and Jomaqliyeh".
_NAME_LIST = re.compile(rf"(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){_LIST_NAME})*")
_LIST_GAP = re.compile(r"^(?:,\s*(?:and\s+)?|\s+and\s+|\s*,?\s+or\s+)$")
_CONTAINER_GAP = re.compile(
    r"^(?:['’]s)?(?:\s+(?:village|town|city|area|hill|camp|front|neighbou?rhood|district))?"
    r"(?:\s*,\s*|\s+(?:in|of|near|outside(?:\s+of)?|east|west|north|south|"
    r"northeast|northwest|southeast|southwest|[a-z-]*ern|the|rural|countryside|"
    r"vicinity|outskirts|province|governorate|district|area|city|town|km|kms|\d+)\b)+\s*$")


def _add_unlisted(text: str, tokens: list[tuple[int, int]], out: list[PlaceMention],
                  ner_spans: Sequence[tuple[int, int, str]], gaz: Gazetteer,
                  lex: _Lexicon, votes: dict[str, float]) -> list[PlaceMention]:
    """Add capitalised names the gazetteer lacks that the words around them make places:
    "the village of Kafr Nasih", "Tal Hamis front", "in Zor Shammar in Hasakah".

    A name already placed stays as it is; a mention left without a place (a piece of
    the longer name, or a foreign namesake set aside) gives way to the whole name.
    """
    for m in out:
        # "the village of Tama in southern Idlib": a namesake abroad is not this village.
        # Without the cue ("Kirkat in northern Hama countryside", "Humrat, Salim and
        # Jomaqliyeh in the countryside of Homs"), so when the text is more about the
        # country of the place around.
        if m.place is not None and m.place.kind == "town":
            around = _list_container(text, m, out)
            if around is None or around.place is None or around.place.iso2 == m.place.iso2:
                continue
            small = bool(_SMALL_BEFORE.search(text[max(0, m.start - 50):m.start])
                         or lex.unlisted_after.match(text[m.end:m.end + 40]))
            if small or (votes.get(str(around.place.iso2), 0.0)
                         > votes.get(str(m.place.iso2), 0.0)):
                m.place, m.qualifier, m.candidates = None, "unlisted", []
    words = [text[s:e] for s, e in tokens]
    n = len(tokens)
    ner_bad = [(s, e) for s, e, label in ner_spans
               if label in ("ORG", "PERSON", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW")]
    ner_loc = [(s, e) for s, e, label in ner_spans if label in ("GPE", "LOC", "FAC")]
    found: list[PlaceMention] = []
    listed_until = -1  # "the villages of A, B and C": the list runs on while names do
    i = 0
    while i < n:
        w = words[i]
        article = (w.lower() in ARTICLES and i + 1 < n
                   and text[tokens[i][1]:tokens[i + 1][0]] in ("-", " ")
                   and words[i + 1][0].isupper() and not _bad_word(words[i + 1], lex))
        if not (article or (w[0].isupper() and not _bad_word(w, lex))):
            i += 1
            continue
        j = i
        while j + 1 < n and j + 1 - i < 5 and text[tokens[j][1]:tokens[j + 1][0]] in _JOINS:
            nxt = words[j + 1]
            if nxt[0].isupper() and not _bad_word(nxt, lex):
                j += 1
            elif (nxt.lower() in _NAME_LINKS and j + 2 < n
                  and text[tokens[j + 1][1]:tokens[j + 2][0]] in _JOINS
                  and words[j + 2][0].isupper() and not _bad_word(words[j + 2], lex)):
                j += 2
            else:
                break
        start, end, single = tokens[i][0], tokens[j][1], i == j
        i = j + 1
        word = text[start:end]
        key = norm_key(word)
        if (len(key.replace(" ", "")) < 3 or key in gaz.country_keys or key in gaz.demonyms
                or key in lex.stop or key in lex.stop_phrases
                or (single and word.isupper() and len(word) <= 5)
                or any(s <= start and end <= e and (e - s) > (end - start) for s, e in ner_bad)):
            continue
        before = text[max(0, start - 50):start]
        after = text[end:end + 40]
        cue_before = bool(lex.unlisted_before.search(before))
        cue_after = bool(lex.unlisted_after.match(after))
        in_list = start <= listed_until and bool(
            _LIST_GAP.match(text[found[-1].end:start])) if found else False
        prev = re.findall(r"[A-Za-z]+", before.lower())[-1:]
        locative = bool(prev) and prev[0] in lex.locative
        # The model's place is this name (not a longer one: "Control" in "the Line of
        # Control").
        ner_place = any(e == end and s <= start and text[s:start].lower() in ("", "the ")
                        for s, e in ner_loc)
        follows = _container_after(text, end, out) is not None
        if not (cue_before or cue_after or in_list or (locative and (follows or ner_place))):
            continue
        overlapping = [m for m in out if m.start < end and start < m.end]
        if any(m.place is not None for m in overlapping):
            continue  # the gazetteer knows this name, or a part of it
        for m in overlapping:
            out.remove(m)
        mention = PlaceMention(start, end, word, None)
        mention.qualifier = "unlisted"
        found.append(mention)
        if cue_before or in_list:
            gap = _SENTENCE_BREAK.search(text, end)
            listed_until = gap.start() if gap else len(text)
    return sorted(out + found, key=lambda m: m.start)


def _bad_word(word: str, lex: _Lexicon) -> bool:
    """A capitalised word that is no part of a place name the gazetteer lacks."""
    low = word.lower()
    return (low in _CALENDAR or low in lex.org_after or low in lex.qualifier_words
            or low in lex.attributive or norm_key(word) in lex.stop)


def _container_after(text: str, end: int, out: list[PlaceMention]) -> PlaceMention | None:
    """The placed mention a name is said to lie in: "X in Idlib", "X, Hama", "X near Azaz",
    "X in the northern countryside of Aleppo"."""
    for m in out:
        if m.start < end or m.place is None or m.container is not None:
            continue
        if m.start - end > 60:
            return None
        gap = text[end:m.start]
        if _CONTAINER_GAP.match(gap):
            return m
        return None
    return None


def _list_container(text: str, m: PlaceMention, out: list[PlaceMention]) -> PlaceMention | None:
    """The place a name, or the list it opens, is said to lie in: "X in Idlib",
    "X, Y and Z in the Hama countryside" (a bare comma joins the list, not a container,
    unless the name stands alone: "X, Hama")."""
    run = _NAME_LIST.match(text, m.end)
    if run is None or run.end() == m.end:
        return _container_after(text, m.end, out)
    around = _container_after(text, run.end(), out)
    if around is None or re.fullmatch(r"\s*,\s*", text[run.end():around.start]):
        return None
    return around


def _container_before(text: str, start: int, out: list[PlaceMention]) -> PlaceMention | None:
    """A town named just before with a possessive: "Nairobi's Eastleigh neighbourhood"."""
    for m in reversed(out):
        if m.end > start or m.place is None:
            continue
        return m if re.fullmatch(r"['’]s\s+(?:the\s+)?", text[m.end:start]) else None
    return None


def _text_country(out: list[PlaceMention], votes: dict[str, float]) -> str | None:
    """The country the text's own places point at; failing them, the strongest vote."""
    named: dict[str, float] = {}
    for m in out:
        p = m.place
        if p is not None and p.iso2 and p.kind != "unlisted":
            named[p.iso2] = named.get(p.iso2, 0.0) + (0.5 if p.kind == "town" else 1.0)
    pool = named or {k: v for k, v in votes.items() if v >= 1.0}
    return max(pool.items(), key=lambda kv: kv[1])[0] if pool else None


def _spelled_like(text: str, gaz: Gazetteer, m: PlaceMention, container: PlaceMention | None,
                  top: str | None) -> Place | None:
    """A town the gazetteer has under another spelling ("Tal Tamer" for Tall Tamr,
    "Maskana" for Maskanah), in the division or country the text puts the name in.

    Consonant skeletons are shared by unrelated names, so the spelling must be close
    (``_LOOSE_SIMILARITY``) and the town must lie where the text says; with no place or
    country to go by, only one close town in the world will do.
    """
    key = norm_key(m.text)
    where = container.place if container is not None else None
    cc = where.iso2 if where is not None else top
    pool = {i for i in gaz.index.get(key, ())} | set(gaz.loose_towns(key))
    best: tuple[float, int] | None = None
    close = 0
    for i in pool:
        similar = 100.0 if i in gaz.index.get(key, ()) else fuzz.ratio(key, norm_key(gaz.names[i]))
        if similar < _LOOSE_SIMILARITY:
            continue
        close += 1
        if cc is not None and gaz.cc[i] != cc:
            continue
        if where is not None and where.kind != "country" and where.admin1 and \
                gaz.admin1_names.get((gaz.cc[i], gaz.a1[i])) != where.admin1:
            continue
        if best is None or (similar, gaz.pop[i]) > (best[0], gaz.pop[best[1]]):
            best = (similar, i)
    if best is None or (cc is None and (close > 1 or best[0] < 90)):
        return None
    before = text[max(0, m.start - 80):m.start]
    near = bool(_DIR_OF.search(before) or _lexicon().near_before.search(before))
    return gaz.town(best[1], 2 if near else 1, ascii_name(m.text))


def _place_unlisted(text: str, out: list[PlaceMention], gaz: Gazetteer,
                    votes: dict[str, float]) -> None:
    """Give each unlisted name a place: its container's, at precision 2 (near a town) or
    3 (in a division or a country), else the division or country the text is about."""
    placed = [m for m in out if m.place is not None]
    top = _text_country(out, votes)
    fallback: Place | None = None
    if top is not None:
        divisions = {(m.place.iso2, m.place.admin1) for m in placed
                     if m.place is not None and m.place.iso2 == top and m.place.admin1}
        if len(divisions) == 1:
            (iso2, a1), = divisions
            fallback = gaz.admin1_place(str(iso2), str(a1))
        fallback = fallback or gaz.country(top)
    following: PlaceMention | None = None
    for m in reversed(out):  # "the villages of A, B and C in Hama": Hama holds all three
        if m.qualifier != "unlisted" or m.place is not None:
            continue
        container = _container_after(text, m.end, out) or _container_before(text, m.start, out)
        if (container is None and following is not None
                and (following.container or following.within) is not None
                and _LIST_GAP.match(text[m.end:following.start])):
            container = following.container or following.within
        following = m
        m.container = container
        known = _spelled_like(text, gaz, m, container, top)
        if known is not None:
            # A town after all: it may hold the names before it ("X near Mazraet Beit Jin").
            m.place, m.qualifier, m.container, m.within = known, None, None, container
            continue
        base = container.place if container is not None else fallback
        if base is None:
            m.container = None
            continue
        town = base.kind == "town" or (container is not None and container.place is not None
                                       and container.place.kind == "town")
        if town and container is not None and (
                _QUARTER.match(text, m.end) or _container_before(text, m.start, out)):
            # A quarter of a town ("Nairobi's Eastleigh neighbourhood") is coded to the
            # town itself, as ACLED codes city neighbourhoods.
            m.place = dataclasses.replace(base)
            continue
        m.place = Place(
            location=ascii_name(m.text), country=base.country, iso=base.iso, iso2=base.iso2,
            admin1=base.admin1, latitude=base.latitude, longitude=base.longitude,
            geo_precision=2 if town else 3, kind="unlisted")
    out.sort(key=lambda m: m.start)
