"""Decision cards: the rules that find who acts, who is hit and how many were killed
(``roles.py``, ``tolls.py``), each declared with its name, what it decides, where it is
asked, when it fires, why, its thresholds and the examples that prove it.

>>> card = DecisionCard("subject_acts", "actor1", "an argument of a verb trigger",
...                     "the verb's subject", "The one doing is the subject: 'gunmen "
...                     "attacked'.", rule=lambda *args: True)
>>> card.decides
'actor1'

A card's ``rule`` is a plain function whose arguments the module that asks it chooses
(the role cards read the trigger and the roles found so far; the toll cards a toll word
or a sentence); ``applies`` names where that module asks it ("a verb trigger", "a noun
toll word"), one of the module's declared scopes. The module's tuples of cards are the
order they are asked in.

Each example is a text written for the project and what the main event of
``eventwire.extract(text, published=EXAMPLE_DATE, options=Options(use_model=False))``
says of it: ``{"actor1": ..., "actor2": ...}``, ``{"fatalities": 3}``. The outcome a
``fires`` example names is the card's doing; a ``not_fires`` example is a text the card
must leave alone, with what the event says then. tests/test_decision_cards.py runs them.

The classification cards (``cards.Card``) read a whole draft event and sit above this
module, in the assemble layer; these sit in the detect layer with the rules they declare.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

# An example: a text and what its main event says (event field -> value).
Example = tuple[str, Mapping[str, object]]

# The publication date the examples are extracted with ("on Monday" resolves against it).
EXAMPLE_DATE = "2024-05-10"

R = TypeVar("R", bound=Callable[..., object])


@dataclass(frozen=True, slots=True)
class DecisionCard(Generic[R]):
    """One decision rule of the roles or the tolls, declared.

    ``decides`` says what it settles ("actor1", "the victims a toll word counts",
    "fatalities"); ``applies`` where its module asks it; ``when`` the condition and
    ``why`` one sentence with an example phrase in quotes; ``thresholds`` its numbers,
    read by its rule.
    """

    name: str
    decides: str
    applies: str
    when: str
    why: str
    rule: R
    fires: tuple[Example, ...] = ()
    not_fires: tuple[Example, ...] = ()
    thresholds: Mapping[str, int] = field(default_factory=dict)
