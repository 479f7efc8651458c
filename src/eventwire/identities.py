"""Communal identities as ACLED codes them: a group named by its people, clan or village
fights as a militia of that identity. "Tiv farmers and Fulani herders clashed": "Tiv
Ethnic Militia (Nigeria)" and "Fulani Ethnic Militia (Nigeria)"; "militias of the Hawadle
and Jarer Weyne clans": two clan militias; "members of the Glavda community": "Glavda
Communal Militia". A phrase the dictionary names already ("Tiv youths") keeps its row.
Where such a group is only hit, the event's rules make it civilians, as ACLED does.

>>> [m.entry.name for m in communal_identities(doc, mentions)]      # doctest: +SKIP
['Tiv Ethnic Militia ({country})', 'Fulani Ethnic Militia ({country})']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .actor_tables import demonym_homes
from .actors import IDENTITY_MILITIA, ActorEntry, ActorMention
from .coding.words import word_class
from .dates import CALENDAR_NAMES
from .gazetteer import Gazetteer, norm_key
from .lexicon import parsed_text

__all__ = ["communal_identities"]

# The kinds of identity, by the word that names the group, and ACLED's word for each.
_KIND = {"clan": "Clan", "community": "Communal", "ethnic": "Ethnic"}


def communal_identities(doc: Any, mentions: list[ActorMention]) -> list[ActorMention]:
    """``mentions`` with communal groups named by their identity made militias of it: a
    generic phrase after a name ("Tiv farmers", "Fellata and Rizeigat communal
    militias") or before one ("militias from the Hawadle and Jarer Weyne clans")."""
    toks = list(doc)
    out = list(mentions)
    covered = {i for m in mentions if not _generic(m) for i in range(m.tok_start, m.tok_end)}
    for m in mentions:
        if not _generic(m) or m.tok_start in covered:
            continue
        head = toks[m.tok_end - 1]
        if head.lower_ not in word_class("communal_noun") or not _fights(m, head):
            continue
        # "Fellata and Rizeigat communal militias": words of kind between name and noun.
        start = m.tok_start
        while start > 0 and toks[start - 1].lower_ in word_class("identity_modifier"):
            start -= 1
        names = _names_before(toks, start, covered)
        kind = _kind(toks[start : m.tok_end])
        if not names:
            names, kind = _names_after(toks, m.tok_end, covered)
        if not names:
            continue
        first, *others = names
        m.entry = _entry(doc, first, kind)
        m.entries = (m.entry,)
        if first[0] < m.tok_start:
            m.tok_start, m.start = first[0], toks[first[0]].idx
            m.text = parsed_text(doc)[m.start : m.end]
        out.extend(_militia(doc, toks, span, kind) for span in others)
        covered.update(i for s, e in names for i in range(s, e))
    out.extend(_groups_at_odds(doc, toks, covered))
    out.sort(key=lambda x: x.tok_start)
    return out


def _groups_at_odds(doc: Any, toks: Sequence[Any], covered: set[int]) -> list[ActorMention]:
    """Peoples or clans named as the two sides with no generic noun: "fighting between the
    Garre and Degodia clans", "clashes between members of the Turkana and Pokot
    communities", "the Borana and Gabra communities clashed": a militia of each."""
    out: list[ActorMention] = []
    for k, tok in enumerate(toks):
        if tok.lower_ not in word_class("identity_group_word") or k in covered:
            continue
        names = _names_before(toks, k, covered)
        joined = tok.dep_ == "nsubj" and any(c.dep_ == "conj" for c in tok.children)
        if len(names) < 2 and not (names and joined):
            continue  # "the Kowow clan and residents of Maron clashed": one named side
        before = toks[max(names[0][0] - 5, 0) : names[0][0]]
        between = any(t.lower_ == "between" for t in before)
        if not between and tok.dep_ != "nsubj":
            continue
        out.extend(_militia(doc, toks, span, _kind([tok])) for span in names)
        covered.update(i for s, e in names for i in range(s, e))
    return out


def _militia(doc: Any, toks: Sequence[Any], span: tuple[int, int], kind: str) -> ActorMention:
    """A mention of the militia of the people or clan named at ``span``."""
    s, e = span
    mention = ActorMention(s, e, toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text),
                           _entry(doc, span, kind))  # fmt: skip
    mention.text = parsed_text(doc)[mention.start : mention.end]
    mention.entries = (mention.entry,) if mention.entry else ()
    return mention


def _fights(m: ActorMention, head: Any) -> bool:
    """Whether the group is one that fights: named as armed ("Hawadle militias", "Fulani
    herders"), or the subject of the act ("Tiv farmers clashed with ..."). Farmers or
    villagers who were attacked stay civilians, as ACLED codes them."""
    if m.entry is not None and m.entry.kind not in ("civilians", "rioters", "protesters"):
        return True
    tok = head
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "nsubj"


def _generic(m: ActorMention) -> bool:
    return m.entry is not None and m.entry.generic


def _kind(words: Sequence[Any]) -> str:
    lowers = {t.lower_ for t in words}
    if lowers & word_class("clan_kind_word"):
        return "clan"
    if lowers & word_class("community_kind_word"):
        return "community"
    return "ethnic"


def _name_ok(tok: Any) -> bool:
    """A capitalised word that may name a people, clan or village: not a country's
    demonym (that says whose forces), not a sentence's first word, not a common word."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "anti":
        return False  # "anti-Houthi tribesmen" fight the Houthis
    return (tok.text[:1].isupper() and not tok.is_sent_start and tok.is_alpha
            and tok.lower_ not in demonym_homes()
            and norm_key(tok.text) not in Gazetteer.default().country_keys
            and tok.lower_ not in word_class("not_identity")
            and tok.lower_ not in CALENDAR_NAMES)  # "On 4 February armed youth": a day


def _names_before(toks: Sequence[Any], start: int, covered: set[int]) -> list[tuple[int, int]]:
    """ "Fellata and Rizeigat" before "communal militias": each name's token span."""
    names: list[tuple[int, int]] = []
    i = start - 1
    while i >= 0 and i not in covered and _name_ok(toks[i]):
        s = i
        while s - 1 >= 0 and s - 1 not in covered and _name_ok(toks[s - 1]):
            s -= 1
        names.insert(0, (s, i + 1))
        i = s - 1
        if i >= 0 and toks[i].lower_ in ("and", ",", "or") and i - 1 >= 0:
            i -= 1
            continue
        break
    return names


def _names_after(
    toks: Sequence[Any], end: int, covered: set[int]
) -> tuple[list[tuple[int, int]], str]:
    """ "militias from the Hawadle and Jarer Weyne clans": the names and their kind."""
    i = end
    if i < len(toks) and toks[i].lower_ in word_class("identity_prep"):
        i += 1 + (i + 1 < len(toks) and toks[i + 1].lower_ == "to")
    else:
        return [], "ethnic"
    if i < len(toks) and toks[i].lower_ == "the":
        i += 1
    names: list[tuple[int, int]] = []
    while i < len(toks) and i not in covered and _name_ok(toks[i]):
        s = i
        while i < len(toks) and i not in covered and _name_ok(toks[i]):
            i += 1
        names.append((s, i))
        if i < len(toks) and toks[i].lower_ in ("and", ","):
            i += 1
            continue
        break
    if not names or i >= len(toks) or toks[i].lower_ not in word_class("identity_group_word"):
        return [], "ethnic"
    return names, _kind([toks[i]])


def _entry(doc: Any, span: tuple[int, int], kind: str) -> ActorEntry:
    name = doc[span[0] : span[1]].text
    return ActorEntry(f"{name} {_KIND[kind]} Militia ({{country}})", IDENTITY_MILITIA, "",
                      None, None, "identity_militia", generic=True)  # fmt: skip
