"""A pytest plugin for bench/cards_removal.py: takes the card named in
``EVENTWIRE_BENCH_CARD_OFF`` out of the order classification asks (and nothing else).

Only the removal script's pytest subprocesses load it (``-p card_off``); eventwire itself
never reads the variable.
"""

from __future__ import annotations

import os

import pytest


def pytest_configure(config: pytest.Config) -> None:
    name = os.environ.get("EVENTWIRE_BENCH_CARD_OFF")
    if not name:
        return
    # Imported when pytest starts, not when this plugin is: only the removal runs need it.
    from eventwire.coding import classification

    kept = tuple(c for c in classification.CARDS if c.name != name)
    if len(kept) == len(classification.CARDS):
        raise pytest.UsageError(f"no card named {name!r}")
    classification.CARDS = kept
