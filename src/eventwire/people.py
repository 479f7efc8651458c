"""People: the persons an article names, with their role and organisation.

Quotes need a speaker and relations keep people as actors in their own right, so both
read this stage's output. A person is a PERSON entity of the parse (or a capitalised name
right after a role word), its name widened over the parts the small model leaves out
("Bilal" of "Bilal Hasan al-Jasim"), and its role and organisation read from the words
around it (``data/roles.tsv``):

* before the name: "CENTCOM Commander General Brad Cooper", "former President Donald Trump";
* in apposition: "Ahmed Saleh, a spokesman for the army", "the group's leader, Abu Omar".

Later mentions by surname alone ("Cooper said") take the full name and its role.

>>> people = find_people(doc, actors, places)       # doctest: +SKIP
>>> people[0].name, people[0].role, people[0].organisation  # doctest: +SKIP
('Brad Cooper', 'commander', 'CENTCOM')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .actor_tables import actor_words
from .actors import ActorMention
from .lexicon import doc_text, match_phrase, phrase_index, token_forms

# Named-entity labels that can name an organisation next to a role ("Syrian President").
ORG_LABELS = ("ORG", "NORP", "GPE")


@dataclass(slots=True)
class Person:
    """One mention of a person: tokens ``tok_start:tok_end``, characters ``start:end``."""

    name: str  # the fullest form of the name in the article ("Brad Cooper" for "Cooper")
    start: int
    end: int
    tok_start: int
    tok_end: int
    role: str | None = None  # lower case, as the roles lexicon has it: "commander"
    role_span: tuple[int, int] | None = None
    organisation: str | None = None  # as written: "CENTCOM"
    org_span: tuple[int, int] | None = None
    org_mention: ActorMention | None = None
    relation: str | None = None  # leader_of / member_of, from the role
    role_kind: str | None = None  # function or rank
    org_anaphor: int | None = None  # token of "its"/"the group's" standing for the organisation


@functools.lru_cache(maxsize=1)
def roles() -> dict[str, tuple[tuple[tuple[str, ...], dict], ...]]:
    """The roles lexicon indexed for ``lexicon.match_phrase``."""
    return phrase_index("roles.tsv", "phrase")


def role_at(forms: list[tuple[str, ...]], i: int) -> tuple[int, dict] | None:
    """The role phrase starting at token i, as (end token, roles.tsv row)."""
    return match_phrase(roles(), forms, i)


def role_ending_at(forms: list[tuple[str, ...]], end: int, lo: int) -> tuple[int, dict] | None:
    """The longest role phrase that ends at token ``end`` (exclusive), starting at or after lo."""
    for start in range(max(lo, end - 4), end):
        hit = role_at(forms, start)
        if hit and hit[0] == end:
            return start, hit[1]
    return None


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of title-case lines (headlines, section heads): names there are noise.

    A line counts when it has no closing full stop, at most 16 words, and most of its
    words start with a capital ("US Strike Kills al-Qaeda Leader Linked to Syria Ambush").
    """
    out = []
    pos = 0
    for line in text.split("\n"):
        words = line.split()
        if 0 < len(words) <= 16 and line.rstrip()[-1] not in ".!?\"'”’:":
            caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
            if caps >= 0.6 * len(words):
                out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _in_ranges(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in ranges)


def _name_token(tok: Any) -> bool:
    """A token that can be part of a personal name: "Bilal", "al", "-", "Jasim", "bin"."""
    if tok.text in ("-", "'"):
        return True
    if tok.lower_ in actor_words("name_particle"):
        return True
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha


def _org_tokens(doc: Any, actors: list[ActorMention]) -> dict[int, tuple[int, int, Any]]:
    """Token index -> (first token, end token, actor mention or None) of the organisation there."""
    out: dict[int, tuple[int, int, Any]] = {}
    for ent in doc.ents:
        if ent.label_ in ORG_LABELS:
            for i in range(ent.start, ent.end):
                out[i] = (ent.start, ent.end, None)
    for m in actors:  # the dictionary wins over a bare entity
        for i in range(m.tok_start, m.tok_end):
            out[i] = (m.tok_start, m.tok_end, m)
    return out


def find_people(doc: Any, actors: list[ActorMention], places: Sequence[Any] = ()) -> list[Person]:
    """The persons a parsed article names, in text order, each with role and organisation."""
    text = doc_text(doc)
    heads = headline_lines(text)
    forms = token_forms(doc)
    named = {i for m in actors if m.entry is not None for i in range(m.tok_start, m.tok_end)}
    placed = [(p.start, p.end) for p in places if getattr(p, "place", None) is not None]
    orgs = _org_tokens(doc, actors)
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or _in_ranges(ent.start_char, heads) or "\n" in ent.text:
            continue
        if any(i in named and not _nisba(doc, i) for i in range(ent.start, ent.end)):
            continue  # "Strike Kills al-Qaeda": a dictionary actor inside is no person's name
        if any(s <= ent.start_char and ent.end_char <= e for s, e in placed):
            continue  # "Palmyra" tagged PERSON is the town the gazetteer knows
        spans.append(_trim(doc, forms, ent.start, ent.end, named))
    for ent in doc.ents:
        # A name the model took for an organisation, in apposition with a role: "said
        # Oleksandr Shtupun, a spokesman for ...".
        if (
            ent.label_ == "ORG"
            and _named_by_role(ent, forms)
            and not any(i in named for i in range(ent.start, ent.end))
        ):
            spans.append(_trim(doc, forms, ent.start, ent.end, named))
    # A capitalised name right after a role word, which the model may miss: "spokesman Abu Omar".
    taken = {i for s, e in spans for i in range(s, e)}
    firsts = roles()
    for k in range(len(doc) - 1):
        low, lemma = forms[k]
        if low not in firsts and lemma not in firsts:
            continue
        hit = role_at(forms, k)
        if not hit or hit[1]["kind"] not in ("function", "rank", "courtesy"):
            continue
        j = hit[0]
        e = j
        while e < len(doc) and _name_token(doc[e]) and e not in named and e not in orgs:
            e += 1
        while e > j and not doc[e - 1].is_alpha:
            e -= 1
        # "Mr Okello", "Gen. Kato": one name after a title; after an office, two ("spokesman
        # Abu Omar"), so that "commander Ahmed" alone is not taken for a name.
        least = 1 if hit[1]["kind"] in ("rank", "courtesy") else 2
        if e - j >= least and not any(i in taken for i in range(j, e)):
            if not _in_ranges(doc[j].idx, heads) and doc[j].text[:1].isupper():
                spans.append((j, e))
                taken.update(range(j, e))
    people = []
    for s, e in sorted(set(spans)):
        if s >= e:
            continue
        start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
        p = Person(text[start:end], start, end, s, e)
        _role_before(p, doc, forms, orgs)
        if p.role is None or p.role_kind == "rank":
            # "Colonel Ibrahim Sow, the army spokesman": the office says more than the rank.
            _role_in_apposition(p, doc, forms, orgs)
        people.append(p)
    _full_names(people)
    return people


def _nisba(doc: Any, i: int) -> bool:
    """ "Houthi" in "Abdul-Malik al-Houthi": a group's name as the end of a person's name."""
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in actor_words("nisba_article")


def _named_by_role(ent: Any, forms: list[tuple[str, ...]]) -> bool:
    """Capitalised words only, with a role noun in apposition to them."""
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent if t.is_alpha):
        return False
    root = ent.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    for n in nouns:
        hit = role_ending_at(forms, n.i + 1, max(n.i - 3, 0))
        if hit is not None and hit[1]["kind"] in ("function", "rank"):
            return True
    return False


def _trim(
    doc: Any, forms: list[tuple[str, ...]], s: int, e: int, named: set[int]
) -> tuple[int, int]:
    """Widen a PERSON entity over name parts before it; drop role words and "'s" inside it."""
    while s < e and (role_at(forms, s) is not None or not doc[s].is_alpha):
        s = (role_at(forms, s) or (s + 1,))[0]  # "General Brad Cooper" -> "Brad Cooper"
    while e > s and (doc[e - 1].tag_ == "POS" or not (doc[e - 1].is_alpha or doc[e - 1].like_num)):
        e -= 1
    while (
        s > 0
        and _name_token(doc[s - 1])
        and doc[s - 1].i not in named
        and role_at(forms, s - 1) is None
        and not doc[s - 1].is_sent_start
        and "\n" not in doc[s - 1].whitespace_
        and doc[s - 1].text not in ("-", "'")
    ):
        s -= 1
    return s, e


def _role_before(p: Person, doc: Any, forms: list[tuple[str, ...]], orgs: dict) -> None:
    """Role and organisation written before the name: "CENTCOM Commander General Brad Cooper"."""
    k = p.tok_start
    found: list[tuple[int, int, dict]] = []
    org: tuple[int, int, Any] | None = None
    while k > 0:
        hit = role_ending_at(forms, k, max(0, k - 4))
        if hit is not None:
            found.append((hit[0], k, hit[1]))
            k = hit[0]
            continue
        prev = doc[k - 1]
        if prev.i in orgs and org is None:
            org = orgs[prev.i]
            k = org[0]
            if k > 0 and doc[k - 1].tag_ == "POS":
                continue
            if found or (k > 0 and role_ending_at(forms, k, max(0, k - 4))):
                continue
            break
        if prev.tag_ == "POS" or prev.text in ("-",):
            k -= 1
            continue
        if found and org is None and _anaphor(prev):
            p.org_anaphor = prev.i  # "Its spokesman, Lt Col X" or "the group's leader X"
        break
    if not found:
        return
    _set_role(p, doc, found, orgs)
    if org is not None:
        _set_org(p, doc, org)


def _set_role(p: Person, doc: Any, found: list[tuple[int, int, dict]], orgs: dict) -> None:
    """The function if one is named (else the rank), with the modifiers just before it.

    An apposition's function replaces a rank found before the name; an organisation named
    inside the role ("army chief") is the person's organisation.
    """
    found.sort()
    kinds = [r["kind"] for _, _, r in found]
    pick = next(
        (k for k, kind in enumerate(kinds) if kind == "function"),
        next((k for k, kind in enumerate(kinds) if kind == "rank"), None),
    )
    if pick is None or (p.role_kind == "function" and kinds[pick] == "rank"):
        return
    s, e, row = found[pick]
    m = pick
    while m > 0 and found[m - 1][2]["kind"] == "modifier" and found[m - 1][1] == s:
        m -= 1
        s = found[m][0]
    p.role = " ".join(t.lower_.rstrip(".") for t in doc[s:e])
    p.role_span = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
    rel = row.get("relation", "-")
    p.relation = None if rel == "-" else rel
    p.role_kind = row["kind"]
    # Only a dictionary actor inside a role is an organisation ("army chief"), not a word
    # the model took for one ("Defence Minister").
    inside = next(
        (o for i in range(s, e) if (o := orgs.get(i)) and o[2] is not None and o[2].entry), None
    )
    if inside is not None and p.organisation is None:
        _set_org(p, doc, inside)


def _set_org(p: Person, doc: Any, org: tuple[int, int, Any]) -> None:
    s, e, mention = org
    start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
    if doc[s].lower_ == "the":
        start = doc[s + 1].idx
    text = doc_text(doc)
    p.organisation = text[start:end] if mention is None else mention.text or text[start:end]
    p.org_span = (start, end)
    p.org_mention = mention


def _role_in_apposition(p: Person, doc: Any, forms: list[tuple[str, ...]], orgs: dict) -> None:
    """ "X, a spokesman for the army" or "the army's spokesman, X": a role noun in apposition."""
    head = doc[p.tok_end - 1]
    nouns = [c for c in head.children if c.dep_ == "appos" and c.i >= p.tok_end]
    if head.dep_ == "appos" and head.head.i < p.tok_start:
        nouns.append(head.head)
    for noun in nouns:
        sub = sorted(t.i for t in noun.subtree if t.i < p.tok_start or t.i >= p.tok_end)
        if not sub:
            continue
        lo = sub[0]
        hit = role_ending_at(forms, noun.i + 1, lo)
        if hit is None or hit[1]["kind"] not in ("function", "rank"):
            continue
        found = [(hit[0], noun.i + 1, hit[1])]
        k = hit[0]
        while k > lo:
            mod = role_ending_at(forms, k, lo)
            if mod is None or mod[1]["kind"] != "modifier":
                break
            found.append((mod[0], k, mod[1]))
            k = mod[0]
        _set_role(p, doc, found, {})
        for t in noun.subtree:
            if t.i in orgs and not (p.tok_start <= t.i < p.tok_end) and _org_of_role(t, noun):
                _set_org(p, doc, orgs[t.i])
                break
        else:
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if owner is not None and _anaphor(owner):
                p.org_anaphor = owner.i
        return


def _anaphor(tok: Any) -> bool:
    """ "its", "their", "the group's": an owner that stands for a group named before."""
    if tok.lower_ in actor_words("group_possessive"):
        return True
    return tok.lemma_.lower() in actor_words("group_anaphor", "group_possessive") and any(
        c.tag_ == "POS" or (c.dep_ == "det" and c.lower_ == "the") for c in tok.children
    )


def _org_of_role(tok: Any, noun: Any) -> bool:
    """ "army" in "the army's spokesman", "a spokesman for the army", "Hamas commander"."""
    if tok.head.i == noun.i and tok.dep_ in ("compound", "poss", "nmod", "amod"):
        return True
    cur = tok
    for _ in range(3):
        if (
            cur.head.i == noun.i
            and cur.dep_ == "prep"
            and cur.lower_ in actor_words("org_preposition")
        ):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _full_names(people: list[Person]) -> None:
    """ "Cooper" after "Brad Cooper" is the same person: the full name, and the role if none."""
    by_last: dict[str, Person] = {}
    for p in people:
        parts = re.split(r"[\s-]+", p.name)
        last = parts[-1].lower()
        known = by_last.get(last)
        if known is not None and len(p.name) < len(known.name) and known.name.endswith(p.name):
            p.name = known.name
            if p.role is None:
                p.role, p.relation = known.role, known.relation
                p.organisation, p.org_mention = known.organisation, known.org_mention
        elif known is None or len(p.name) > len(known.name):
            by_last[last] = p


def by_token(mentions: Any) -> dict[int, Any]:
    """Token index -> the mention (person or actor) covering it; later mentions win."""
    out: dict[int, Any] = {}
    for m in mentions:
        for i in range(m.tok_start, m.tok_end):
            out[i] = m
    return out


def last_person_before(people: list[Person], pos: int) -> Person | None:
    """The last person named before character ``pos``: what "he" or "she" refers to."""
    best = None
    for p in people:
        if p.end <= pos:
            best = p
        else:
            break
    return best
