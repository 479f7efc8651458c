"""Sport told in the words of war: "Arsenal demolished Chelsea 5-0, Havertz firing
twice", "a tense Baghdad derby clash", "Haaland fired a hat-trick". A draft whose
sentences carry a sport report's words, with nobody killed or hurt and no crowd or
demonstration, is no event; fans who fight or riot after a match stay events.

>>> sport_report(draft, doc)   # doctest: +SKIP
True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import parsed_text
from .merging import tells_a_crowd
from .records import Draft
from .words import word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc

# A score told with a result word ("a 5-0 win", "beat them 2-1"); a bare "10-16" may be
# dates or a vote.
_SCORE = re.compile(r"(?<![\d/.-])\b\d{1,2}-\d{1,2}\b(?![\d/-])")
_RESULT = re.compile(
    r"\b(?:win|won|wins|victory|defeat|defeated|beat|beats|draw|drew|thrash\w*|rout\w*|"
    r"goals?|scored|match|game)\b",
    re.IGNORECASE,
)


def sport_report(draft: Draft, doc: Doc) -> bool:
    """The draft is told in a sport report: nobody killed or hurt, no crowd, and the
    sentences name the game (``sport_word``) or give a score with a result."""
    if any(f.tolls for f in draft.frames) or tells_a_crowd(draft):
        return False
    told = " ".join(parsed_text(doc)[f.sent_start : f.sent_end] for f in draft.frames)
    words = set(re.findall(r"[a-z][a-z-]*", told.lower()))
    if words & word_class("sport_word"):
        return True
    return bool(_SCORE.search(told) and _RESULT.search(told))
