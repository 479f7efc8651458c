"""A pytest plugin for bench/cards_removal.py: takes the card named in
``EVENTWIRE_BENCH_CARD_OFF`` out of the order it is asked in (and nothing else).

A classification card leaves ``classification.CARDS`` when pytest starts. A role or toll
card (coding/roles.py, victims.py, tolls.py) leaves its module's list once the tests are
collected: tests/test_decision_cards.py collects the examples from those lists, and a
card taken out still has its examples run.

Only the removal script's pytest subprocesses load it (``-p card_off``); eventwire itself
never reads the variable.
"""

from __future__ import annotations

import os
from types import ModuleType

import pytest


def _decision_modules() -> tuple[ModuleType, ...]:
    # Imported when pytest starts, not when this plugin is: only the removal runs need it.
    from eventwire.coding import roles, tolls, victims

    return roles, victims, tolls


def _is_decision_card(name: str) -> bool:
    return any(
        c.name == name for m in _decision_modules() for lst in m.CARD_LISTS for c in getattr(m, lst)
    )


def pytest_configure(config: pytest.Config) -> None:
    name = os.environ.get("EVENTWIRE_BENCH_CARD_OFF")
    if not name:
        return
    # Imported when pytest starts, not when this plugin is: only the removal runs need it.
    from eventwire.coding import classification

    kept = tuple(c for c in classification.CARDS if c.name != name)
    if len(kept) < len(classification.CARDS):
        classification.CARDS = kept
    elif not _is_decision_card(name):
        raise pytest.UsageError(f"no card named {name!r}")


def pytest_collection_finish(session: pytest.Session) -> None:
    name = os.environ.get("EVENTWIRE_BENCH_CARD_OFF")
    if not name:
        return
    for module in _decision_modules():
        for lst in module.CARD_LISTS:
            setattr(module, lst, tuple(c for c in getattr(module, lst) if c.name != name))
