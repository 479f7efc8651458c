"""Relations: typed ties between the actors of an article, each with its evidence.

Read from three kinds of wording:

* compounds: "an al-Qaeda-affiliated leader", "Iran-backed militias", "a US-led coalition";
* appositions and roles: "Abu Omar, a commander of Ansar al-Din", "Hamas spokesman X"
  (the role words and their relation are in ``data/roles.tsv``, read by the people stage);
* patterns around a cue word: "directly connected with the ISIS gunman", "backed by Iran",
  "a faction of the SDF", "has been fighting the Taliban" (``data/relations.tsv``).

The sides of a relation are actors: a named person kept as an actor in their own right
(with their role), a group by its ACLED-style name, a state, or a definite description
("the ISIS gunman"). An indefinite one ("an al-Qaeda-affiliated figure") is no actor one
could follow, so it ties nothing. Denied ties ("denied any links to") are left out, and one
tie told several times is one relation with every telling as evidence.

>>> rels = find_relations(doc, actors, people)          # doctest: +SKIP
>>> [(r.source, r.relation, r.target) for r in rels]    # doctest: +SKIP
[('Bilal Hasan al-Jasim', 'affiliated_with', 'Al Qaeda')]
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from . import actors as act
from .actors import ActorMention
from .lexicon import read_table, token_forms
from .people import Person, by_token, role_ending_at
from .records import Relation, Span

SYMMETRIC = {"linked_to", "allied_with", "opposed_to"}
_RELATIVE = {"who", "which", "that"}
_DEFINITE = {"the", "this", "that", "these", "those"}
# Nouns that can stand for an armed actor without a name ("the gunman", "the group").
_ACTOR_NOUNS = {
    "gunman",
    "operative",
    "militant",
    "fighter",
    "figure",
    "individual",
    "group",
    "faction",
    "militia",
    "cell",
    "network",
    "organisation",
    "organization",
    "movement",
    "commander",
    "leader",
    "attacker",
    "assailant",
    "bomber",
    "jihadist",
    "insurgent",
    "rebel",
    "man",
    "suspect",
    "member",
    "official",
    "chief",
    "emir",
    "coalition",
    "alliance",
}
_DENY = {"deny", "reject", "dismiss", "rule", "refute"}


@dataclass(slots=True)
class Party:
    """One side of a relation."""

    name: str
    type: str  # person, group, state, unnamed
    span: tuple[int, int]
    role: str | None = None
    key: str = ""


@functools.lru_cache(maxsize=1)
def cues() -> dict[str, tuple[dict[str, str], ...]]:
    """``data/relations.tsv`` by cue lemma."""
    out: dict[str, list[dict[str, str]]] = {}
    for row in read_table("relations.tsv"):
        out.setdefault(row["cue"], []).append(row)
    return {k: tuple(v) for k, v in out.items()}


def find_relations(
    doc: Any,
    actors: list[ActorMention],
    people: list[Person],
    context: tuple[str | None, str | None, int | None] = (None, None, None),
) -> list[Relation]:
    """Relations between the actors of a parsed article, first told first.

    ``context`` is (country, iso2, year) for naming groups as the events name them.
    """
    r = _Relater(doc, actors, people, context)
    found: list[tuple[Party, str, Party, tuple[int, int]]] = []
    index = cues()
    for tok in doc:
        rows = index.get(tok.lemma_.lower()) or index.get(tok.lower_)
        if rows:
            found.extend(r.from_cue(tok, rows))
        elif tok.pos_ == "NOUN":
            found.extend(r.from_role_noun(tok))
    found.extend(r.from_people())
    return _merge(found, doc.text)


class _Relater:
    """Lookups over one parsed article: who each token names."""

    def __init__(
        self,
        doc: Any,
        actors: list[ActorMention],
        people: list[Person],
        context: tuple[str | None, str | None, int | None],
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.people = people
        self.context = context
        self.forms = token_forms(doc)
        self.person_at: dict[int, Person] = by_token(people)
        self.actor_at: dict[int, ActorMention] = by_token(actors)
        self.ent_at: dict[int, Any] = {}
        for ent in doc.ents:
            if ent.label_ in ("GPE", "NORP", "ORG"):
                for i in range(ent.start, ent.end):
                    self.ent_at[i] = ent

    # -- parties

    def person(self, p: Person) -> Party:
        return Party(p.name, "person", (p.start, p.end), p.role, "person:" + p.name.lower())

    def group(self, m: ActorMention) -> Party:
        country, iso2, year = self.context
        name = act.resolve(m, country, iso2, year).name if m.entry is not None else m.text
        return Party(name, "group", (m.start, m.end), None, "group:" + name.lower())

    def state(self, ent: Any) -> Party:
        from .places import country_by_name

        place = country_by_name(ent.text)
        name = place.country if place is not None and place.country else ent.text
        return Party(name, "state", (ent.start_char, ent.end_char), None, "state:" + name.lower())

    def named_at(self, i: int) -> Party | None:
        """The person, group or state named by token i."""
        if i in self.person_at:
            return self.person(self.person_at[i])
        m = self.actor_at.get(i)
        if m is not None and (m.entry is None or not m.entry.generic):
            return self.group(m)
        ent = self.ent_at.get(i)
        if ent is not None:
            if ent.label_ == "ORG":
                return Party(
                    ent.text,
                    "group",
                    (ent.start_char, ent.end_char),
                    None,
                    "group:" + ent.text.lower(),
                )
            return self.state(ent)
        return None

    def ending_at(self, i: int) -> Party | None:
        """The party whose name ends at token i ("al-Qaeda" before "-affiliated")."""
        return self.named_at(i)

    def referent(self, tok: Any, depth: int = 0) -> Party | None:
        """Who a noun phrase names, following appositions, relative pronouns and copulas."""
        if depth > 4:
            return None
        low = tok.lower_
        if low in _RELATIVE and tok.head.dep_ == "relcl":
            return self.referent(tok.head.head, depth + 1)
        named = self.named_at(tok.i)
        if named is not None:
            return named
        for c in tok.children:
            if c.dep_ == "appos" and c.i in self.person_at:
                return self.person(self.person_at[c.i])
        if tok.dep_ == "appos":
            return self.referent(tok.head, depth + 1)
        if tok.dep_ == "attr":
            subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return self.referent(subj, depth + 1)
        if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ == "VERB":
            verb = tok.head.head  # "was described as an al-Qaeda-affiliated leader"
            subj = next(
                (c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj", "dobj")), None
            )
            if subj is not None:
                return self.referent(subj, depth + 1)
            if verb.dep_ in ("relcl", "acl"):
                return self.referent(verb.head, depth + 1)
        return self.unnamed(tok)

    def unnamed(self, tok: Any) -> Party | None:
        """A definite description of an actor ("the ISIS gunman"), or None."""
        if tok.pos_ != "NOUN":
            return None
        if tok.lemma_.lower() not in _ACTOR_NOUNS and tok.i not in self.actor_at:
            return None
        dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
        definite = any(c.lower_ in _DEFINITE or c.dep_ == "poss" for c in dets)
        if not definite and not (tok.tag_ == "NNS" and not dets):
            return None
        toks = [tok]
        for c in tok.lefts:
            if c.dep_ in ("compound", "amod", "nmod") and not any(t.text == "-" for t in c.subtree):
                toks.extend(c.subtree)
        toks.sort(key=lambda t: t.i)
        while toks and toks[0].i != tok.i and toks[0].i != toks[1].i - 1:
            toks = toks[1:]
        s, e = toks[0].idx, tok.idx + len(tok.text)
        name = self.text[s:e]
        org = next((self.named_at(t.i) for t in toks if t.i != tok.i and self.named_at(t.i)), None)
        key = "unnamed:" + (org.key if org is not None else name.lower())
        role = tok.lemma_.lower()
        return Party(name, "unnamed", (s, e), role, key)

    # -- cues

    def from_cue(
        self, tok: Any, rows: tuple[dict[str, str], ...]
    ) -> list[tuple[Party, str, Party, tuple[int, int]]]:
        if self._negated(tok):
            return []
        cue_span = (tok.idx, tok.idx + len(tok.text))
        out = []
        for row, other in self._complements(tok, rows):
            described = self._described(tok)
            if described is None or other is None:
                continue
            source, target = described, other
            if row["voice"] == "active" and self._turned(tok):
                source, target = other, described
            if source.key != target.key:
                out.append((source, row["relation"], target, cue_span))
        return out

    def _complements(
        self, tok: Any, rows: tuple[dict[str, str], ...]
    ) -> list[tuple[dict[str, str], Party | None]]:
        """(row, the other actor) for each way the cue names one."""
        out: list[tuple[dict[str, str], Party | None]] = []
        by_prep = {r["prep"]: r for r in rows}
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in by_prep:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    out.append((by_prep[c.lower_], self.referent(obj)))
            elif c.dep_ == "agent" and "-" in by_prep:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:  # "backed by Iran"
                    out.append((by_prep["-"], self.referent(obj)))
        if out or "-" not in by_prep:
            return out
        row = by_prep["-"]
        if tok.i >= 2 and self.doc[tok.i - 1].text == "-":  # "al-Qaeda-affiliated", "Iran-backed"
            return [(row, self.ending_at(tok.i - 2))]
        if tok.pos_ == "VERB" and row["voice"] == "active":
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None:  # "X leads Y", "X joined Y"
                return [(row, self.referent(obj))]
        if tok.pos_ == "NOUN":
            for c in tok.lefts:  # "an ISIS affiliate", "its Hamas rival"
                if c.dep_ in ("compound", "nmod", "amod"):
                    named = self.named_at(c.i)
                    if named is not None:
                        return [(row, named)]
        return out

    def _turned(self, tok: Any) -> bool:
        """A passive or participle of an active cue: "led by X", "X-led", "backed by"."""
        if tok.tag_ != "VBN":
            return False
        return (
            tok.dep_ in ("amod", "acl")
            or any(c.dep_ in ("auxpass", "agent") for c in tok.children)
            or (tok.i >= 1 and self.doc[tok.i - 1].text == "-")
        )

    def _described(self, tok: Any) -> Party | None:
        """The actor the cue says something about."""
        if tok.pos_ in ("VERB", "ADJ", "AUX"):
            for c in tok.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    return self.referent(c)
            if tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
                return self.referent(tok.head)
            if tok.dep_ in ("acomp", "xcomp", "oprd", "conj", "advcl"):
                for c in tok.head.children:
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        return self.referent(c)
            if tok.dep_ == "relcl":
                return self.referent(tok.head)
            return self._nearest_before(tok)
        if tok.dep_ == "appos":
            return self.referent(tok.head)
        if tok.dep_ == "attr":
            return self.referent(tok)
        if tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.i != tok.head.i:
            return self.referent(tok.head.head)  # "a leader with direct ties to ..."
        if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            for c in tok.head.children:  # "X has links to Y", "X maintains ties with Y"
                if c.dep_ == "nsubj":
                    return self.referent(c)
        if tok.dep_ == "pobj" and tok.head.lower_ == "as":
            return self.referent(tok)
        return None

    def _nearest_before(self, tok: Any) -> Party | None:
        """A predicate whose subject the parse lost: the nearest named actor before it."""
        sent = tok.sent
        inside_source = {t.i for t in sent if t.lower_ == "according" for t in t.subtree}
        for k in range(tok.i - 1, sent.start - 1, -1):
            if k in inside_source:
                continue
            if k in self.person_at:
                return self.person(self.person_at[k])
        return None

    def _negated(self, tok: Any) -> bool:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
            return True
        head = tok.head
        for _ in range(3):
            if (
                head.lemma_.lower() in _DENY
                or any(c.dep_ == "neg" for c in head.children)
                and (head.pos_ in ("VERB", "AUX") and tok.dep_ in ("dobj", "acomp", "attr", "pobj"))
            ):
                return True
            if head.head.i == head.i:
                break
            head = head.head
        return False

    # -- roles

    def from_role_noun(self, tok: Any) -> list[tuple[Party, str, Party, tuple[int, int]]]:
        """ "X, a commander of Y", "X is a member of Y", "X, a senior Y commander"."""
        hit = role_ending_at(self.forms, tok.i + 1, max(tok.i - 3, 0))
        if hit is None or hit[1]["relation"] == "-" or tok.i in self.person_at:
            return []
        if (
            tok.dep_ not in ("appos", "attr")
            and not (tok.dep_ == "pobj" and tok.head.lower_ == "as")
            and not any(c.dep_ == "appos" and c.i in self.person_at for c in tok.children)
        ):
            return []
        other: Party | None = None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "in", "within", "with"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    other = self.referent(obj)
            elif c.dep_ in ("compound", "poss", "nmod", "amod") and c.i < tok.i and other is None:
                if c.i > 0 and self.doc[c.i + 1].text == "-":
                    continue  # "al-Qaeda-affiliated leader": the affiliation, not a leadership
                other = self.named_at(c.i)
        if other is None or other.type == "person":
            return []
        described = self.referent(tok) if tok.dep_ != "appos" else self.referent(tok.head)
        if described is None or described.key == other.key:
            return []
        if described.type == "person" and described.role is None:
            described.role = tok.lemma_.lower()
        s = self.doc[hit[0]].idx
        return [(described, hit[1]["relation"], other, (s, tok.idx + len(tok.text)))]

    def from_people(self) -> list[tuple[Party, str, Party, tuple[int, int]]]:
        """ "CENTCOM Commander General Brad Cooper": the role before the name ties them."""
        out = []
        for p in self.people:
            if p.relation is None or p.org_span is None or p.role_span is None:
                continue
            if p.org_mention is not None:
                if p.org_mention.entry is not None and p.org_mention.entry.generic:
                    continue
                other = self.group(p.org_mention)
            else:
                t = self.doc.char_span(*p.org_span, alignment_mode="expand")
                other = self.named_at(t.start) if t is not None else None
            if other is not None and other.type != "person":
                out.append((self.person(p), p.relation, other, p.role_span))
        return out


def _merge(found: list[tuple[Party, str, Party, tuple[int, int]]], text: str) -> list[Relation]:
    """One Relation per tie, the evidence of every telling kept, in order of first telling."""
    merged: dict[tuple, Relation] = {}
    for source, rel, target, cue in found:
        if source.key == target.key:
            continue
        key: tuple = (rel, source.key, target.key)
        if rel in SYMMETRIC:
            key = (rel, *sorted((source.key, target.key)))
        r = merged.get(key)
        if r is None:
            r = Relation(
                source.name, rel, target.name, source.type, target.type, source.role, target.role
            )
            merged[key] = r
        elif r.source_role is None and source.role and r.source == source.name:
            r.source_role = source.role
        for field, (s, e) in (("source", source.span), ("relation", cue), ("target", target.span)):
            spans = r.evidence.setdefault(field, [])
            if not any(x.start == s and x.end == e for x in spans):
                spans.append(Span.of(text, s, e))
    return sorted(merged.values(), key=lambda r: min(s.start for s in r.evidence["relation"]))
