"""Shared fixtures. Every text here was written for the project (invented places and
people included); nothing is copied from licensed data."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


# -- the web server and a real browser (issue 5) ---------------------------------------------


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store holding the invented articles of ``webdata.ARTICLES``, ingested once
    per session through the real ingest path (as a JSONL file). Read-only for tests."""
    import json

    import eventwire
    from webdata import ARTICLES

    folder = tmp_path_factory.mktemp("web")
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = str(folder / "web.db")
    report = eventwire.ingest([str(source)], db=db)
    assert report.stored == len(ARTICLES), report
    return db


class LiveServer:
    """``eventwire serve`` running in a subprocess on 127.0.0.1 over the store ``db``."""

    def __init__(self, url: str, db: str, proc: subprocess.Popen[bytes]) -> None:
        self.url = url
        self.db = db
        self.proc = proc

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: Any = None
    ) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body of one request (no exception for 4xx/5xx)."""
        import urllib.error
        import urllib.request

        req = urllib.request.Request(self.url + path, data=body, method=method,
                                     headers=headers or {})  # fmt: skip
        try:
            with urllib.request.urlopen(req, timeout=120) as resp:
                return resp.status, dict(resp.headers), resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read()

    def get(self, path: str) -> tuple[int, dict]:  # type: ignore[type-arg]
        """Status and decoded JSON of a GET."""
        import json

        status, _, body = self.request("GET", path)
        return status, json.loads(body)


@pytest.fixture(scope="session")
def start_server():  # type: ignore[no-untyped-def]
    """Start ``eventwire serve --db DB`` on a free port: ``start_server(db, token=None)``.

    The real command in a subprocess (uvicorn and all), waited for until /api/meta
    answers; every server started is stopped at the end of the session.
    """
    import tempfile
    import time
    import urllib.request

    procs: list[subprocess.Popen[bytes]] = []

    def start(db: str, token: str | None = None, *args: str) -> LiveServer:
        port = _free_port()
        env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_TOKEN"}
        if token:
            env["EVENTWIRE_TOKEN"] = token
        # The server's log goes to a file: a pipe nobody reads would fill and stall it.
        log = tempfile.TemporaryFile()
        proc = subprocess.Popen(
            [sys.executable, "-m", "eventwire", "serve", "--db", db, "--port", str(port), *args],
            cwd=REPO, env=env, stdout=log, stderr=log,
        )  # fmt: skip
        procs.append(proc)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                log.seek(0)
                err = log.read().decode(errors="replace")[-2000:]
                pytest.fail(f"eventwire serve exited with {proc.returncode}: {err}")
            try:
                with urllib.request.urlopen(url + "/api/meta", timeout=2):
                    return LiveServer(url, db, proc)
            except OSError:
                time.sleep(0.2)
        pytest.fail("eventwire serve did not answer within 60 s")

    yield start
    for proc in procs:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def web_server(web_store: str, start_server) -> LiveServer:  # type: ignore[no-untyped-def]
    """A read-only server over ``web_store`` for the whole session."""
    return start_server(web_store)


def _browser_paths() -> tuple[str | None, str | None]:
    import shutil

    browser = os.environ.get("EVENTWIRE_TEST_BROWSER") or shutil.which("chromium")
    driver = os.environ.get("EVENTWIRE_TEST_DRIVER") or shutil.which("chromedriver")
    return browser, driver


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Debian's Chromium, headless, driven by Selenium through Debian's chromedriver.

    ``EVENTWIRE_TEST_BROWSER`` and ``EVENTWIRE_TEST_DRIVER`` name them (default: chromium
    and chromedriver on PATH). Skipped, with the reason, on a developer machine without
    them; under CI (``EVENTWIRE_CI`` or ``CI`` set) that is a failure instead.
    """
    browser_path, driver_path = _browser_paths()
    if not (browser_path and driver_path):
        message = "Chromium and chromedriver are not installed (apt-get install chromium " \
                  "chromium-driver)"  # fmt: skip
        if os.environ.get("EVENTWIRE_CI") or os.environ.get("CI"):
            pytest.fail(message + ": CI must test the web page in a browser")
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = browser_path
    profile = tmp_path_factory.mktemp("chromium-profile")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}"):  # fmt: skip
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """``test-artifacts/`` at the repository root (git-ignored): screenshots go there."""
    folder = REPO / "test-artifacts"
    folder.mkdir(exist_ok=True)
    return folder
