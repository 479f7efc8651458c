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
