"""Shared fixtures. Every text here was written for the project (invented places and
people included); nothing is copied from licensed data."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# An invented report, in plain wire-service English, used wherever a test needs an
# ordinary English article.
ENGLISH_ARTICLE = (
    "Gunmen attacked a police checkpoint on the outskirts of Maiduguri on Monday night, "
    "killing three officers and wounding two others, a police spokesman said on Tuesday. "
    "The attackers arrived on motorcycles shortly before midnight and fled into the bush "
    "after a gunfight that lasted about an hour, according to residents who spoke to "
    "reporters by telephone. No group has claimed responsibility for the attack, but the "
    "army said it suspected fighters who have carried out similar raids in the area in "
    "recent months.\n"
)


@pytest.fixture
def english_article() -> str:
    """An invented English news report with one attack, two tolls and a relative date."""
    return ENGLISH_ARTICLE


@pytest.fixture
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the real ``eventwire`` command in a subprocess: ``run_cli("extract", path)``.

    Uses ``sys.executable -m eventwire`` so it tests what users run, with stdin, stdout
    and stderr as pipes (so no progress bar). Keyword ``input`` feeds stdin.
    """

    def run(
        *args: str, input: str | None = None, timeout: float = 300
    ) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "100"}
        return subprocess.run(
            [sys.executable, "-m", "eventwire", *args],
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=REPO,
            timeout=timeout,
        )

    return run


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The spaCy pipeline extraction uses (``Options().model``), loaded once per session.

    For stage tests that need real parses: ``doc = nlp("Gunmen killed two men.")``.
    """
    from eventwire.nlp import load_model
    from eventwire.options import Options

    return load_model(Options().model)


@pytest.fixture(scope="session")
def first_sentence(nlp):  # type: ignore[no-untyped-def]
    """Parse a one-sentence text and return its sentence (a spaCy Span), as stages see it.

    ``first_sentence("No casualties were reported.")``; fails loudly if spaCy splits
    the text into more than one sentence, since the test would then check the wrong span.
    """

    def parse(text: str):  # type: ignore[no-untyped-def]
        sents = list(nlp(text).sents)
        assert len(sents) == 1, [s.text for s in sents]
        return sents[0]

    return parse
