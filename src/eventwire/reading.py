"""One parsed article as the stages after the events read it: claims, quotes and relations
share this view of the Doc (its text, token forms and offsets, who each token names, its
entities) instead of building their own, and the words they decide by
(``data/reading_words.tsv``, one class of word per purpose).

>>> view = ArticleView(doc, actors, people, ("Syria", "SY", 2025))   # doctest: +SKIP
>>> view.token_at(120).text                                          # doctest: +SKIP
'CENTCOM'
>>> sorted(reading_words("own_side"))
['our', 'us', 'we']
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .actor_tables import actor_words
from .actors import ActorMention
from .lexicon import doc_text, token_forms, token_starts, word_classes
from .people import Person, by_token

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc, Span, Token

# (country, iso2, year) of the article's main event: actors are named as the events name
# them (``placement.article_setting``).
Setting = tuple[str | None, str | None, int | None]

# The classes of ``reading_words.tsv`` (its header says what each is for). A row of
# another class stops the load: a misspelt class is never silently empty.
READING_CLASSES: tuple[str, ...] = (
    "act_preposition", "charge_preposition", "clause_mark", "definite_determiner",
    "force_noun", "group_noun", "group_pronoun", "noun_preposition",
    "number_preposition", "object_relative", "own_side", "partitive_word",
    "person_possessive", "person_pronoun", "place_preposition", "plural_definite",
    "relative_pronoun", "role_preposition", "scale_word", "source_preposition",
    "tie_denial_verb", "tie_verb", "too_small", "total_noun", "umbrella_noun",
    "unnamed_person",
)  # fmt: skip


# Classes another table holds, read from there (one source per class of word).
_ELSEWHERE: tuple[str, ...] = ("group_possessive",)  # actor_words.tsv


@functools.lru_cache(maxsize=1)
def _reading_words() -> dict[str, frozenset[str]]:
    found = word_classes("reading_words.tsv", READING_CLASSES)
    return {**found, **{name: actor_words(name) for name in _ELSEWHERE}}


@functools.lru_cache(maxsize=64)
def reading_words(*names: str) -> frozenset[str]:
    """The words of the named classes of ``reading_words.tsv`` (and of the classes it
    leaves to ``actor_words.tsv``), together (KeyError for a class not declared)."""
    found = _reading_words()
    return frozenset().union(*(found[name] for name in names))


class ArticleView:
    """Lookups over one parsed article: its text and token forms (built once per Doc and
    kept in ``doc.user_data``), the actor or person each token names, its entities."""

    def __init__(
        self,
        doc: Doc,
        actors: Sequence[ActorMention],
        people: Sequence[Person] = (),
        context: Setting = (None, None, None),
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.forms = token_forms(doc)
        self.starts = token_starts(doc)
        self.people = list(people)
        self.context = context
        self.actor_at: dict[int, ActorMention] = by_token(actors)
        self.person_at: dict[int, Person] = by_token(people)

    def token_at(self, char: int) -> Token:
        """The token that holds character ``char`` (or the last one before it)."""
        return self.doc[max(bisect.bisect_right(self.starts, char) - 1, 0)]

    def entities_at(self, labels: Iterable[str]) -> dict[int, Span]:
        """Token index -> the model's entity of one of ``labels`` covering it."""
        wanted = set(labels)
        found: dict[int, Span] = {}
        for ent in self.doc.ents:
            if ent.label_ in wanted:
                for i in range(ent.start, ent.end):
                    found[i] = ent
        return found
