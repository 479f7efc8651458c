"""Words the actor dictionary matched that do not name that actor where they stand: an
administrative division ("Bokkos local government area"), a place ("Shabak area"), a
weapon ("artillery shells"), politics ("opposition lawmakers") or those who fight a group
("anti-Houthi forces")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from .actor_tables import REBEL, actor_words, demonym_homes
from .coding.words import word_class
from .divisions import division_words
from .gazetteer import Gazetteer, norm_key


class ActorMention(Protocol):
    """What these checks read of an ``actors.ActorMention``: its tokens and its row."""

    tok_start: int
    tok_end: int
    entry: Any  # actors.ActorEntry, or None


def not_the_actor(toks: Sequence[Any], m: ActorMention) -> bool:
    """The mention's words name something else than its actor here."""
    return (
        _division_name(toks, m)
        or _place_name(toks, m)
        or _weapon_name(toks, m)
        or _political_word(toks, m)
        or _opposed(toks, m)
        or _longer_name(toks, m)
        or _media_owner(toks, m)
    )


def _media_owner(toks: Sequence[Any], m: ActorMention) -> bool:
    """A group named as the owner of a news outlet ("a Houthi-run channel reported", "the
    Hamas-affiliated agency"): the source of the report, not a side of the event."""
    e = m.tok_end
    if e + 1 >= len(toks) or toks[e].text != "-" or (
            toks[e + 1].lower_ not in actor_words("owner_word")):
        return False
    return any(t.lower_ in actor_words("media_word") for t in toks[e + 2:e + 5])


def _longer_name(toks: Sequence[Any], m: ActorMention) -> bool:
    """A group's name of several capitalised words inside a longer name the model reads as
    one organisation ("Achik National Liberation Army" is not Colombia's "National
    Liberation Army"), or a one-word alias after a name's adjective ("the Pamoja National
    Congress" is not India's Congress). A nationality, a place or a division before it
    makes the whole a branch of the group ("Colombian National Liberation Army", "Sylhet
    District Chhatra League"), as does a facility ("Dhaka University Chhatra League")."""
    s = m.tok_start
    if m.entry is None or m.entry.generic or s == 0:
        return False
    if not toks[s].text[:1].isupper():
        return False
    # "Congress", "Congress leader": one word of the name, the rest a role
    one_word = m.tok_end - s < 2 or not all(
        t.text[:1].isupper() for t in toks[s:m.tok_end] if t.is_alpha)
    before = toks[s - 1]
    if not (before.is_alpha and before.text.istitle() and not before.is_sent_start
            and before.ent_type_ == "ORG" and toks[s].ent_iob_ == "I"):
        return False
    if s >= 2 and toks[s - 2].text == "-":
        return False  # "anti-Houthi National Resistance": the group, and whom it fights
    word, key, gaz = before.lower_, norm_key(before.text), Gazetteer.default()
    if one_word and word not in actor_words("name_adjective"):
        return False  # "the Wetlet PDF": a one-word alias takes a town's name as its branch
    return not (word in demonym_homes() or word in division_words()
                or word in actor_words("facility_word") or key in gaz.index
                or key in gaz.admin1_index or key in gaz.country_keys)


def _weapon_name(toks: Sequence[Any], m: ActorMention) -> bool:
    """A generic actor word alone naming a weapon before its noun ("fired artillery
    shells"): the forces who fired are named elsewhere, or not at all ("regime artillery
    fire" still names the regime's forces)."""
    return (
        m.entry is not None
        and m.entry.generic
        and m.tok_end - m.tok_start == 1
        and m.tok_end < len(toks)
        and toks[m.tok_end].lower_ in actor_words("weapon_head")
    )


def _opposed(toks: Sequence[Any], m: ActorMention) -> bool:
    """A group named after "anti-" ("anti-Houthi forces"): those who fight it, not the
    group; a name that holds the prefix ("Anti-balaka") was matched whole."""
    s = m.tok_start
    return s >= 2 and toks[s - 1].text == "-" and toks[s - 2].lower_ == "anti"


def _political_word(toks: Sequence[Any], m: ActorMention) -> bool:
    """A common rebel word alone before a party's noun, names between ("members of the
    opposition Ensemble party", "opposition lawmakers", "Opposition political groups"), or
    whose crowd is named ("supporters of the opposition"): politics, not an armed group; and
    "in opposition to" names nobody."""
    if m.entry is None or m.entry.inter != REBEL or m.tok_end - m.tok_start != 1:
        return False
    s = m.tok_start
    if not (toks[s].text.islower() or toks[s].is_sent_start):
        return False  # a group's name, not a common word
    if s >= 1 and toks[s - 1].lower_ == "in" and s + 1 < len(toks) and toks[s + 1].lower_ == "to":
        return True  # "protested in opposition to the candidature": no side at all
    # "supporters of the opposition", "supporters of the ruling party and the opposition":
    # a crowd of the party's
    if s >= 3 and toks[s - 1].lower_ == "the" and toks[s - 2].lower_ == "of" and (
            toks[s - 3].lemma_.lower() in word_class("crowd_person")):
        return True
    if _crowd_of(toks[s]):
        return True
    i = m.tok_end
    while i < len(toks) and i - m.tok_end < 4 and toks[i].pos_ == "PROPN":
        i += 1  # the party's name
    return i < len(toks) and toks[i].lower_ in actor_words("political_head")


def _crowd_of(tok: Any) -> bool:
    """The word is a conjunct of a crowd, or of what a crowd is "of" ("supporters of the
    ruling party and the opposition", however the parser joins the two), by the parse."""
    up = tok
    while up.dep_ == "conj" and up.head is not up:
        up = up.head
    if up is tok:
        return False
    crowd = word_class("crowd_person")
    return up.lemma_.lower() in crowd or (
        up.dep_ == "pobj" and up.head.lower_ == "of" and up.head.head.lemma_.lower() in crowd)


def _division_name(toks: Sequence[Any], m: ActorMention) -> bool:
    """ "Bokkos local government area", "Bassa local government": an administrative
    division named by a generic word, not the government as an actor."""
    if m.entry is None or not m.entry.generic or m.entry.kind != "government":
        return False
    after = toks[m.tok_end].lower_ if m.tok_end < len(toks) else ""
    before = toks[m.tok_start - 1] if m.tok_start > 0 else None
    named = before is not None and before.text[:1].isupper() and not before.is_sent_start
    return after in actor_words("area_word") or (named and m.tok_end - m.tok_start > 1)


def _place_name(toks: Sequence[Any], m: ActorMention) -> bool:
    """ "in Shabak area", "Rahim village", "the Ikhwan Cinema": a one-word alias written as a
    name (capital, then lower case) before a word for a place, or a building's written as
    a name, is that place's name, not the actor."""
    if m.entry is None or m.entry.generic or m.tok_end - m.tok_start != 1:
        return False
    word = toks[m.tok_start].text
    after = toks[m.tok_end].text if m.tok_end < len(toks) else ""
    return word[:1].isupper() and not word.isupper() and (
        after.lower() in actor_words("place_after")
        or after[:1].isupper() and after.lower() in actor_words("facility_word"))
