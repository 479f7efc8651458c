"""Relations: typed ties between the actors of an article, each with its evidence.

Read from three kinds of wording:

* compounds: "an al-Qaeda-affiliated leader", "Iran-backed militias", "a US-led coalition";
* appositions and roles: "Abu Omar, a commander of Ansar al-Din", "Hamas spokesman X"
  (the role words and their relation are in ``data/roles.tsv``, read by the people stage);
* patterns around a cue word: "directly connected with the ISIS gunman", "backed by Iran",
  "a faction of the SDF", "fighting between the army and the RSF" (``data/relations.tsv``).

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
from .gazetteer import Gazetteer, norm_key
from .lexicon import phrase_words, read_table
from .people import Person, role_ending_at
from .places import country_by_name
from .reading import ArticleView, reading_words
from .records import Relation, Span

SYMMETRIC = {"linked_to", "allied_with", "opposed_to"}
# A demonym before "-led" is the leaders' nationality, not a state: "a Ugandan-led group".
_NATIONALITY_CUES = {"leader_of"}

Found = tuple["Party", str, "Party", tuple[int, int]]


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
    r = _TieReader(doc, actors, people, context)
    found: list[Found] = []
    index = cues()
    ends = _role_ends()
    # Only cue words and role nouns make Token objects: the rest of the article is skipped.
    for i, (low, lemma) in enumerate(r.forms):
        rows = index.get(lemma) or index.get(low)
        if rows:
            found.extend(r.from_cue(doc[i], rows))
        elif (lemma in ends or low in ends) and doc[i].pos_ == "NOUN":
            found.extend(r.from_role_noun(doc[i]))
    found.extend(r.from_people())
    return _merge(found, r.text)


@functools.lru_cache(maxsize=1)
def _role_ends() -> frozenset[str]:
    """Last words of the roles that tie a person to a group ("commander", "member")."""
    return frozenset(
        phrase_words(row["phrase"])[-1]
        for row in read_table("roles.tsv")
        if row["relation"] != "-" and row["kind"] in ("function", "rank")
    )


class _TieReader(ArticleView):
    """The article read for the ties between actors: who each token names, and the cue
    words and roles that tie one to another."""

    def __init__(
        self,
        doc: Any,
        actors: list[ActorMention],
        people: list[Person],
        context: tuple[str | None, str | None, int | None],
    ) -> None:
        super().__init__(doc, actors, people, context)
        self.ent_at = self.entities_at(("GPE", "NORP", "ORG"))

    # -- parties

    def person(self, p: Person) -> Party:
        return Party(p.name, "person", (p.start, p.end), p.role, "person:" + p.name.lower())

    def group(self, m: ActorMention) -> Party | None:
        country, iso2, year = self.context
        if m.entry is None:  # a group the dictionary lacks, as written ("the" aside)
            s = m.start + 4 if m.text.lower().startswith("the ") else m.start
            name = self.text[s : m.end]
            return Party(name, "group", (s, m.end), None, "group:" + name.lower())
        name = act.resolve(m, country, iso2, year).name
        if m.entry.generic and not country:
            return None  # "the army" with no country is nobody in particular
        return Party(name, "group", (m.start, m.end), None, "group:" + name.lower())

    def entity(self, ent: Any) -> Party | None:
        """A named entity as a party: an ORG is a group, a country a state."""
        s, e = ent.start_char, ent.end_char
        if ent[0].lower_ == "the" and len(ent) > 1:
            s = ent[1].idx
        if ent.label_ == "ORG":
            name = self.text[s:e]
            return Party(name, "group", (s, e), None, "group:" + name.lower())

        place = country_by_name(ent.text)
        if place is None or not place.country or place.kind != "country":
            return None  # a town or a region ties nothing
        return Party(place.country, "state", (s, e), None, "state:" + place.country.lower())

    def named_at(self, i: int, within: tuple[int, int] | None = None) -> Party | None:
        """The person, group or state named by token i (a mention outside ``within`` is
        passed over: "Rwanda-backed M23" is one dictionary name holding both sides)."""
        if i in self.person_at:
            return self.person(self.person_at[i])
        m = self.actor_at.get(i)
        if (
            m is not None
            and within is not None
            and not (within[0] <= m.tok_start and m.tok_end <= within[1])
        ):
            m = None
        if m is not None and (m.entry is None or not m.entry.generic):
            return self.group(m)
        ent = self.ent_at.get(i)
        return self.entity(ent) if ent is not None else None

    def referent(self, tok: Any, depth: int = 0) -> Party | None:
        """Who a noun phrase names, following appositions, relative pronouns and copulas."""
        if depth > 4:
            return None
        if tok.lower_ in reading_words("relative_pronoun", "object_relative"):
            head = tok.head  # "which the UN says is backed by": up to the relative clause
            while head.dep_ in ("ccomp", "xcomp") and head.head.i != head.i:
                head = head.head
            return self.referent(head.head, depth + 1) if head.dep_ == "relcl" else None
        member = self._member(tok)
        if member is not None:
            return member
        named = self.named_at(tok.i)
        if named is not None:
            return named
        for c in tok.children:
            if c.dep_ == "appos" and (c.i in self.person_at or self.named_at(c.i) is not None):
                return self.named_at(c.i)  # "its rival, the Islamic State Sahel Province"
        if tok.dep_ == "appos":
            return self.referent(tok.head, depth + 1)
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "of"
            and tok.head.head.lemma_ in reading_words("umbrella_noun")
        ):
            return self.referent(tok.head.head, depth + 1)  # "a coalition of rebel factions"
        if tok.dep_ == "attr":
            subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return self.referent(subj, depth + 1)
        if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ == "VERB":
            verb = tok.head.head  # "was described as ...", "whom they described as ..."
            for dep in ("nsubjpass", "dobj", "nsubj"):
                subj = next((c for c in verb.children if c.dep_ == dep), None)
                if subj is not None:
                    return self.referent(subj, depth + 1)
            if verb.dep_ in ("relcl", "acl"):
                return self.referent(verb.head, depth + 1)
        return self.unnamed(tok)

    def _member(self, tok: Any) -> Party | None:
        """ "the ISIS gunman": one person of a group, an actor apart from the group itself,
        even where the dictionary reads the words as the group's name."""
        m = self.actor_at.get(tok.i)
        definite = reading_words("definite_determiner", "plural_definite")
        if (
            m is None
            or tok.tag_ != "NN"
            or tok.lemma_.lower() not in reading_words("unnamed_person")
            or tok.i != m.tok_end - 1
            or m.tok_end - m.tok_start < 2
            or not any(c.dep_ == "det" and c.lower_ in definite for c in tok.children)
        ):
            return None
        group = self.group(m)
        name = self.text[m.start : m.end]
        key = "unnamed:" + (group.key if group is not None else name.lower())
        return Party(name, "unnamed", (m.start, m.end), tok.lemma_.lower(), key)

    def unnamed(self, tok: Any) -> Party | None:
        """A group named inside a noun phrase ("the M23 rebel group"), or a definite
        description of an actor ("the ISIS gunman"); None for anything else."""
        if tok.pos_ != "NOUN":
            return None
        lemma, low = tok.lemma_.lower(), tok.lower_
        mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")]
        groups = reading_words("group_noun")
        if lemma in groups or low in groups:
            for c in mods:
                if not any(t.text == "-" for t in c.subtree):
                    named = self.named_at(c.i)
                    if named is not None and named.type != "person":
                        return named
        if (
            lemma not in reading_words("unnamed_person", "group_noun")
            and tok.i not in self.actor_at
        ):
            return None
        dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
        definite_words = reading_words("definite_determiner", "plural_definite")
        definite = any(c.lower_ in definite_words or c.dep_ == "poss" for c in dets)
        if not definite and not (tok.tag_ == "NNS" and not dets):
            return None
        k = tok.i
        while (
            k > 0
            and self.doc[k - 1].dep_ in ("compound", "amod", "nmod")
            and (self.doc[k - 1].head.i in range(k, tok.i + 1) and self.doc[k - 1].text != "-")
        ):
            k -= 1
        if k > 0 and self.doc[k - 1].text == "-":
            k = tok.i  # "Iran-backed militias": the prefix is the other side
        s, e = self.doc[k].idx, tok.idx + len(tok.text)
        name = self.text[s:e]
        org = next((p for t in self.doc[k : tok.i] if (p := self.named_at(t.i))), None)
        key = "unnamed:" + (org.key if org is not None else name.lower())
        return Party(name, "unnamed", (s, e), lemma, key)

    # -- cues

    def from_cue(self, tok: Any, rows: tuple[dict[str, str], ...]) -> list[Found]:
        if self._negated(tok):
            return []
        cue = (tok.idx, tok.idx + len(tok.text))
        out: list[Found] = []
        for row, first, other in self._complements(tok, rows):
            described = first if first is not None else self._described(tok)
            if described is None or other is None:
                continue
            source, target = described, other
            if row["voice"] == "active" and self._turned(tok):
                source, target = other, described
            if source.key != target.key:
                out.append((source, row["relation"], target, cue))
        return out

    def _complements(
        self, tok: Any, rows: tuple[dict[str, str], ...]
    ) -> list[tuple[dict[str, str], Party | None, Party | None]]:
        """(row, the first side when the cue names both, the other side) per way found."""
        out: list[tuple[dict[str, str], Party | None, Party | None]] = []
        by_prep = {r["prep"]: r for r in rows}
        for c in tok.children:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is None:
                continue
            if c.dep_ == "prep" and c.lower_ == "between" and "between" in by_prep:
                pair = [obj, *obj.conjuncts]  # "fighting between X and Y"
                if len(pair) >= 2:
                    out.append((by_prep["between"], self.referent(pair[0]), self.referent(pair[1])))
            elif c.dep_ == "prep" and c.lower_ in by_prep:
                out.append((by_prep[c.lower_], None, self.referent(obj)))
            elif c.dep_ == "agent" and "-" in by_prep:
                out.append((by_prep["-"], None, self.referent(obj)))  # "backed by Iran"
        if out or "-" not in by_prep:
            return out
        row = by_prep["-"]
        if tok.i >= 2 and self.doc[tok.i - 1].text == "-":  # "al-Qaeda-affiliated", "Iran-backed"
            prefix = self.doc[tok.i - 2]
            if row["relation"] in _NATIONALITY_CUES and _demonym(prefix.text):
                return []
            return [(row, None, self.named_at(prefix.i, within=(0, tok.i - 1)))]
        if tok.pos_ == "VERB" and row["voice"] == "active":
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None:  # "X leads Y", "X joined Y"
                return [(row, None, self.referent(obj))]
        if tok.pos_ == "NOUN":
            appos = next(
                (p for c in tok.children if c.dep_ == "appos" and (p := self.named_at(c.i))), None
            )
            if appos is None:
                appos = self._after_comma(tok)
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            if appos is not None and poss is not None:  # "JNIM fought its rival, IS Sahel"
                owner = self.named_at(poss.i)
                if owner is None and poss.lower_ in reading_words("group_possessive"):
                    owner = self._clause_subject(tok)
                return [(row, owner, appos)] if owner is not None else []
            for c in tok.lefts:  # "an ISIS affiliate", "Iran's closest ally"
                if c.dep_ in ("compound", "nmod", "amod", "poss"):
                    named = self.named_at(c.i)
                    if named is not None:
                        return [(row, None, named)]
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
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in reading_words("tie_verb"):
            for c in tok.head.children:  # "X has links to Y", "X fought a war with Y"
                if c.dep_ == "nsubj":
                    return self.referent(c)
        if tok.dep_ == "pobj" and tok.head.lower_ == "as":
            return self.referent(tok)
        return None

    def _after_comma(self, tok: Any) -> Party | None:
        """A name right after "<noun>, (the)": an apposition the parse did not attach."""
        k = tok.i + 1
        if k >= len(self.doc) or self.doc[k].text != ",":
            return None
        k += 1
        if k < len(self.doc) and self.doc[k].lower_ == "the":
            k += 1
        return self.named_at(k) if k < len(self.doc) else None

    def _clause_subject(self, tok: Any) -> Party | None:
        """Who "its" stands for: the subject of the clause the token sits in."""
        cur = tok
        for _ in range(6):
            subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.i != tok.i:
                return self.referent(subj)
            if cur.head.i == cur.i:
                return None
            cur = cur.head
        return None

    def _nearest_before(self, tok: Any) -> Party | None:
        """A predicate whose subject the parse lost: the nearest person named before it."""
        sent = tok.sent
        source = {x.i for t in sent if t.lower_ == "according" for x in t.subtree}
        for k in range(tok.i - 1, sent.start - 1, -1):
            if k not in source and k in self.person_at:
                return self.person(self.person_at[k])
        return None

    def _negated(self, tok: Any) -> bool:
        """ "not affiliated", "no links to", "denied any links to", "has never armed"."""
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
            return True
        head, cur = tok.head, tok
        for _ in range(3):
            if cur.dep_ in ("relcl", "acl", "appos", "nsubj", "nsubjpass", "advcl"):
                break  # "the group, which ... is backed by Rwanda, denied ...": not denied
            if head.lemma_.lower() in reading_words("tie_denial_verb"):
                return True
            if (
                head.pos_ in ("VERB", "AUX")
                and tok.dep_ in ("dobj", "acomp", "attr", "pobj")
                and any(c.dep_ == "neg" for c in head.children)
            ):
                return True
            if head.head.i == head.i:
                break
            cur, head = head, head.head
        return False

    # -- roles

    def from_role_noun(self, tok: Any) -> list[Found]:
        """ "X, a commander of Y", "X is a member of Y", "X, a senior Y commander"."""
        hit = role_ending_at(self.forms, tok.i + 1, max(tok.i - 3, 0))
        if hit is None or hit[1]["relation"] == "-" or tok.i in self.person_at:
            return []
        predicated = tok.dep_ in ("appos", "attr") or (
            tok.dep_ == "pobj" and tok.head.lower_ == "as"
        )
        if not predicated and not any(
            c.dep_ == "appos" and c.i in self.person_at for c in tok.children
        ):
            return []
        other: Party | None = None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in reading_words("role_preposition"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    other = self.referent(obj)
            elif c.dep_ in ("compound", "poss", "nmod", "amod") and c.i < tok.i and other is None:
                if self.doc[c.i + 1].text == "-":
                    continue  # "al-Qaeda-affiliated leader": the affiliation, not a leadership
                other = self.named_at(c.i)
        if other is None or other.type == "person":
            return []
        described = self.referent(tok.head) if tok.dep_ == "appos" else self.referent(tok)
        if described is None or described.key == other.key or described.type != "person":
            return []
        if described.role is None:
            described.role = tok.lemma_.lower()
        s = self.doc[hit[0]].idx
        return [(described, hit[1]["relation"], other, (s, tok.idx + len(tok.text)))]

    def from_people(self) -> list[Found]:
        """ "CENTCOM Commander General Brad Cooper": the role and the group named with it."""
        out: list[Found] = []
        for p in self.people:
            if p.relation is None or p.org_span is None or p.role_span is None:
                continue
            if p.org_mention is not None:
                other = self.group(p.org_mention)
            else:
                t = self.doc.char_span(*p.org_span, alignment_mode="expand")
                other = self.named_at(t.start) if t is not None else None
            if other is not None and other.type != "person":
                out.append((self.person(p), p.relation, other, p.role_span))
        for p in self.people:
            if p.relation is None or p.org_span is not None or p.org_anaphor is None:
                continue
            # "Its spokesman", "the group's leader": the group last named as a subject.
            other = self._last_subject_group(p.org_anaphor)
            if other is not None and p.role_span is not None:
                out.append((self.person(p), p.relation, other, p.role_span))
        return out

    def _last_subject_group(self, before: int) -> Party | None:
        """The last subject before a token, when it names a group (else nobody: "the
        group's director" after "a rights group said" is not the army named before)."""
        for t in reversed(self.doc[:before]):
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON":
                named = self.named_at(t.i)
                return named if named is not None and named.type == "group" else None
        return None


def _demonym(word: str) -> bool:
    """ "Ugandan" names a nationality, "Uganda" a country: "a Ugandan-led group"."""
    gaz = Gazetteer.default()
    k = norm_key(word)
    return k in gaz.demonyms and k not in gaz.country_keys


def _merge(found: list[Found], text: str) -> list[Relation]:
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
        for name, (s, e) in (("source", source.span), ("relation", cue), ("target", target.span)):
            spans = r.evidence.setdefault(name, [])
            if not any(x.start == s and x.end == e for x in spans):
                spans.append(Span.of(text, s, e))
    return sorted(merged.values(), key=lambda r: min(s.start for s in r.evidence["relation"]))
