"""Does every classification card matter? Take each card out in turn and count the tests
that fail (the issue's acceptance 4: removing any one card makes at least one test fail).

    .venv/bin/python bench/cards_removal.py            # every card, about 4 minutes
    .venv/bin/python bench/cards_removal.py weapon      # some cards

For each card, pytest runs the card tests (tests/test_cards.py) and the tests that check
event types through the pipeline (tests/test_roles.py, tests/test_gold.py,
tests/test_examples.py) in a subprocess whose plugin (bench/card_off.py) takes the card
out of ``classification.CARDS``. Printed per card: the failing tests, and of those the
card examples (the order check ``test_cards_are_asked_in_the_written_order`` fails for
every card taken out, so it is not counted there). Exit status 1 when a card's removal
fails no example.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TESTS = [
    "tests/test_cards.py", "tests/test_roles.py", "tests/test_gold.py", "tests/test_examples.py",
]  # fmt: skip


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


def main(names: list[str]) -> int:
    from eventwire.coding.classification import CARDS

    names = names or [c.name for c in CARDS]
    print(f"{'card':28s} {'failing tests':>13s} {'of them examples':>16s}")
    silent = []
    for name in names:
        failed = _failures(name)
        examples = [f for f in failed if "test_cards_example" in f or "test_cards.py" not in f]
        examples = [f for f in examples if "asked_in_the_written_order" not in f]
        print(f"{name:28s} {len(failed):13d} {len(examples):16d}", flush=True)
        if not examples:
            silent.append(name)
    if silent:
        print(f"removing these cards fails no example: {', '.join(silent)}")
        return 1
    print(f"all {len(names)} cards: removing any one fails at least one example")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
