"""Does every card matter? Take each card out in turn and count the tests that fail (the
issue's acceptance 4: removing any one card makes at least one test fail).

    .venv/bin/python bench/cards_removal.py                   # every classification card
    .venv/bin/python bench/cards_removal.py --roles-and-tolls # every role and toll card
    .venv/bin/python bench/cards_removal.py weapon subject_acts   # some cards

For each card, pytest runs the card tests (tests/test_cards.py,
tests/test_decision_cards.py) and the tests that check roles, tolls and event types
through the pipeline (tests/test_roles.py, tests/test_counts.py, tests/test_shares.py,
tests/test_gold.py, tests/test_examples.py) in a subprocess whose plugin
(bench/card_off.py) takes the card out of the order it is asked in: a classification
card out of ``classification.CARDS``, a role or toll card out of its module's list.
Printed per card: the failing tests; of those the examples and other tests (the order
checks fail for every card taken out, so they are not counted there); and of those the
card's own examples. Exit status 1 when a card's removal fails no example. About 10
seconds a card.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TESTS = [
    "tests/test_cards.py", "tests/test_decision_cards.py", "tests/test_roles.py",
    "tests/test_counts.py", "tests/test_shares.py", "tests/test_gold.py", "tests/test_examples.py",
]  # fmt: skip
# The checks of the order and of the declared lists: they fail for any card taken out.
ORDER_CHECKS = ("asked_in_the_written_order", "each_declared_card_is_asked")


def _failures(card: str) -> list[str]:
    path = [str(REPO / "bench"), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "EVENTWIRE_BENCH_CARD_OFF": card, "PYTHONPATH": os.pathsep.join(path)}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "card_off",
         "-rf", *TESTS],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if run.returncode not in (0, 1):
        raise SystemExit(f"{card}: pytest could not run\n{run.stdout[-2000:]}{run.stderr[-2000:]}")
    return re.findall(r"^FAILED (\S+)", run.stdout, re.M)


def _names(args: list[str]) -> list[str]:
    """The cards named, or every classification card, or every role and toll card."""
    from eventwire.coding import classification, roles, tolls, victims

    if args == ["--roles-and-tolls"]:
        modules = (roles, victims, tolls)
        return [c.name for m in modules for lst in m.CARD_LISTS for c in getattr(m, lst)]
    return args or [c.name for c in classification.CARDS]


def main(args: list[str]) -> int:
    names = _names(args)
    print(f"{'card':28s} {'failing tests':>13s} {'of them examples':>16s} {'its own':>7s}")
    silent = []
    for name in names:
        failed = _failures(name)
        examples = [f for f in failed if "_example" in f or "cards.py" not in f]
        examples = [f for f in examples if not any(check in f for check in ORDER_CHECKS)]
        own = [f for f in examples if f"[{name}:" in f]
        print(f"{name:28s} {len(failed):13d} {len(examples):16d} {len(own):7d}", flush=True)
        if not examples:
            silent.append(name)
    if silent:
        print(f"removing these cards fails no example: {', '.join(silent)}")
        return 1
    print(f"all {len(names)} cards: removing any one fails at least one example")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
