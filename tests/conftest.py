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


# -- stores: SQLite and a real PostgreSQL server -------------------------------------------


def _initdb() -> Path | None:
    import glob
    import shutil

    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def pg_server():  # type: ignore[no-untyped-def]
    """A PostgreSQL server URL (admin database ``postgres``) for the whole session.

    ``EVENTWIRE_TEST_PG`` (a URL) is used when set. Otherwise a throwaway cluster is
    created with initdb in a temporary folder and started with pg_ctl on a free port of
    127.0.0.1 (as the ``postgres`` user when running as root: initdb refuses root), and
    stopped at the end. Skipped, with the reason, only on a developer machine without
    PostgreSQL; under CI (``EVENTWIRE_CI`` or ``CI`` set) that is a failure instead.
    """
    url = os.environ.get("EVENTWIRE_TEST_PG")
    if url:
        yield url
        return
    bindir = _initdb()
    if bindir is None:
        message = "PostgreSQL is not installed (apt-get install postgresql)"
        if os.environ.get("EVENTWIRE_CI") or os.environ.get("CI"):
            pytest.fail(message + ": CI must test the PostgreSQL store")
        pytest.skip(message)
    import shutil
    import tempfile

    # Not under pytest's tmp folder: that is private to root, and the server runs as postgres.
    base = Path(tempfile.mkdtemp(prefix="eventwire-pg-"))
    data, port = base / "data", _free_port()
    prefix: list[str] = []
    if os.geteuid() == 0:
        prefix = ["runuser", "-u", "postgres", "--"]
        shutil.chown(base, "postgres")

    def run(*args: str) -> None:
        proc = subprocess.run([*prefix, *args], capture_output=True, text=True)
        if proc.returncode:
            pytest.fail(f"{' '.join(args)} failed: {proc.stderr.strip()}")

    run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync")
    # fsync off: a throwaway test cluster, where speed matters and durability does not.
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
    run(str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(base / "log"), "-w",
        "start")  # fmt: skip
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "stop"], capture_output=True)  # fmt: skip
        shutil.rmtree(base, ignore_errors=True)


_DB_COUNTER = [0]


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    """An empty store's URL, once for SQLite (a file) and once for PostgreSQL (a fresh
    database on ``pg_server``, dropped afterwards): the store tests run on both."""
    if request.param == "sqlite":
        return str(tmp_path / "events.db")
    server = request.getfixturevalue("pg_server")
    import psycopg

    _DB_COUNTER[0] += 1
    name = f"eventwire_test_{os.getpid()}_{_DB_COUNTER[0]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    request.addfinalizer(lambda: _drop_database(server, name))
    return server.rsplit("/", 1)[0] + "/" + name


def _drop_database(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
