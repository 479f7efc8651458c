"""The coding wing's lexicons, read from ``eventwire/data`` and checked as they load:
the triggers (``triggers.tsv``), the vetoes (``vetoes.tsv``) and every other word the
rules decide by (``coding_words.tsv``, one class of word per purpose).

>>> "soldier" in word_class("armed_person")
True
>>> triggers()["airstrike"][0].sub_event_type
'Air/drone strike'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..errors import ConfigError
from ..lexicon import line_of, read_table, word_classes


@dataclass(frozen=True, slots=True)
class Trigger:
    """One entry of ``triggers.tsv``."""

    lemmas: tuple[str, ...]
    cls: str
    sub_event_type: str | None
    weight: float


@functools.lru_cache(maxsize=1)
def triggers() -> dict[str, tuple[Trigger, ...]]:
    """Triggers indexed by their first lemma, longest phrase first."""
    index: dict[str, list[Trigger]] = {}
    for row in read_table("triggers.tsv"):  # classes and sub-event types checked on loading
        sub = None if row["sub_event_type"] == "-" else row["sub_event_type"]
        # Split as spaCy splits: "sit-in" is three tokens, "sit", "-", "in".
        trig = Trigger(
            tuple(re.findall(r"[^\s-]+|-", row["phrase"].lower())),
            row["class"],
            sub,
            float(row["weight"]),
        )
        index.setdefault(trig.lemmas[0], []).append(trig)
    return {k: tuple(sorted(v, key=lambda t: -len(t.lemmas))) for k, v in index.items()}


@functools.lru_cache(maxsize=1)
def vetoes() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(cause nouns, topic words, cause verbs, weak topic words) of ``data/vetoes.tsv``."""
    rows = read_table("vetoes.tsv")
    return (
        frozenset(r["word"] for r in rows if r["context"] == "cause"),
        frozenset(r["word"] for r in rows if r["context"] == "topic"),
        frozenset(r["word"] for r in rows if r["context"] == "cause_verb"),
        frozenset(r["word"] for r in rows if r["context"] == "topic_weak"),
    )


# The classes of ``coding_words.tsv`` (its header says what each is for). A row of
# another class stops the load: a misspelt class is never silently empty.
WORD_CLASSES: frozenset[str] = frozenset({
    "armed_person", "civilian_person", "office_person", "feud_word", "crowd_person",
    "party_person", "working_person", "counted_person", "doer", "perpetrator_title",
    "territory_object", "return_fire",
    "both_ways", "direct_fire", "barrage_count", "observe_verb", "planted_device",
    "protest_topic_prep", "protest_topic_verb", "clear_verb", "modal_head", "modal_aux",
    "time_mark", "definite", "hedge", "side_split",
    "umbrella", "support", "reaction_verb", "hit_verb", "blast_word", "injure_word",
    "death_verb", "harm_verb", "hurt_verb", "death_word", "kill_word", "not_victim",
    "violence_word", "accident_blast", "disarmed_word", "gunfight_word", "armed_name_word",
    "appeal_head", "air_force_word", "air_word", "protest_verb", "vague_plural", "blame_verb",
    "responsibility_word", "fight_noun", "support_noun", "allied_word", "guard_person",
    "antecedent_prep",
    "detainee", "attempt_verb", "court_verb", "private_word", "dispute_word",
    "hedging_governor", "toll_adjective",
    "killed_form", "injured_form", "object_toll_verb", "found_verb", "body_noun", "multiplier",
    "vague_count",
    "collective_person", "plural_person", "claim_verb", "claim_object", "denial_verb",
    "denial_object", "accuse_verb", "communal_noun", "identity_modifier",
    "identity_group_word", "not_identity", "clash_prep", "target_prep", "blame_prep",
    "responsibility_prep", "zero_loss_stem", "zero_injury_stem", "condition_mark",
    "concurrent_mark", "generic_prep", "party_link", "crowd_prep", "clan_kind_word",
    "community_kind_word", "identity_prep", "not_number_lemma", "not_number_word",
    "not_count_modifier", "zero_word", "indefinite", "and_multiplier", "one_person_pronoun",
    "singular_aux", "livelihood_word", "suspect_word", "one_day_phrase", "drive_out_verb",
    "light_fire", "civilian_collective", "herding_word", "local_person", "beast_word",
    "mine_site_word", "civilian_vehicle", "object_harm_verb", "place_prep", "site_preposition",
    "animal_noun", "foot_raider", "meet_device_verb", "inquiry_word", "remembrance_word",
    "exercise_word", "operation_exercise", "expel_verb", "base_verb", "base_noun",
    "crime_word", "kin_word", "quarrel_word", "sport_word", "bear_verb", "paired_side",
    "civil_body", "dwelling",
})  # fmt: skip
# Classes no word may share: a person is armed or civilian, not both.
_EXCLUSIVE = (("armed_person", "civilian_person"),)
# generic.tsv kinds that name armed actors and civilians, for the agreement check.
_ARMED_KINDS = frozenset(
    {"military", "police", "unidentified_armed_group", "pro_government_militia", "communal_militia"}
)


@functools.lru_cache(maxsize=1)
def _coding_words() -> dict[str, frozenset[str]]:
    """Every class of ``coding_words.tsv``, checked: known classes and no word twice in one
    (``lexicon.word_classes``), exclusive classes kept apart, and person words agreeing
    with ``generic.tsv``."""
    name = "coding_words.tsv"
    found = word_classes(name, WORD_CLASSES)
    for a, b in _EXCLUSIVE:
        for word in sorted(found[a] & found[b]):
            line = line_of(name, {"word": word, "class": b})
            raise ConfigError(f"{name}, line {line}: {word!r} is both {a} and {b}")
    generic = {r["phrase"]: r["kind"] for r in read_table("generic.tsv")}
    for word in sorted(found["armed_person"] | found["civilian_person"]):
        kind = generic.get(word)
        armed = word in found["armed_person"]
        if kind is not None and (kind == "civilians" if armed else kind in _ARMED_KINDS):
            cls = "armed_person" if armed else "civilian_person"
            line = line_of(name, {"word": word, "class": cls})
            raise ConfigError(f"{name}, line {line}: {word!r} is {cls}, but {kind} in generic.tsv")
    return found


def word_class(name: str) -> frozenset[str]:
    """The words of one class of ``coding_words.tsv`` (KeyError for a class not declared)."""
    return _coding_words()[name]
