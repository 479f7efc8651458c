"""SQLite: the default store, one file, WAL journal, one writer at a time.

>>> db = SQLiteDatabase(":memory:")
>>> db.query("SELECT 1 AS one")
[{'one': 1}]
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..errors import StoreError

# What sqlite3 raises for a value it cannot bind (an int past 64 bits, a str holding a
# lone surrogate) besides its own errors: all of them the store's refusal of a write.
_REFUSED = (sqlite3.Error, OverflowError, UnicodeEncodeError)


# How long a connection waits for another's lock before it gives up.
BUSY_TIMEOUT_S = 30.0


def _wal_once(conn: sqlite3.Connection) -> None:
    """Put the database in WAL mode (readers, the CLI's queries and the web server, do not
    block the writer), once: the mode is kept in the file, so a store already in it is
    left alone. Switching needs the database to itself and SQLite answers "database is
    locked" at once, without waiting, while another connection holds it, as when two
    ingests create one new store together: the switch is tried again until it is made
    (by this connection or the other) or BUSY_TIMEOUT_S have passed."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode in ("wal", "memory"):  # memory: a ":memory:" store has no journal file
            return
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class SQLiteDatabase:
    """A connection with the interface the Store uses: ``query``, ``execute``, ``transaction``."""

    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        try:
            # isolation_level=None: transactions are begun and ended here, explicitly, so
            # one article's writes are one transaction and nothing else is. timeout: a
            # writer waits up to BUSY_TIMEOUT_S for another's lock (from the first
            # statement on: two processes creating one store at once), never fails at once.
            self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                                         timeout=BUSY_TIMEOUT_S)  # fmt: skip
            self._conn.row_factory = sqlite3.Row
            self._conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
            _wal_once(self._conn)
            # synchronous=NORMAL keeps every committed transaction through a crash or kill
            # of the process (only a power cut can lose the last ones), at WAL's speed.
            self._conn.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite database {path}: {exc}") from exc
        self._depth = 0

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        try:
            return [dict(row) for row in self._conn.execute(sql, tuple(params))]
        except _REFUSED as exc:
            raise StoreError(f"SQLite: {exc}") from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        try:
            self._conn.execute(sql, tuple(params))
        except _REFUSED as exc:
            raise StoreError(f"SQLite: {exc}") from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; nested calls join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        # IMMEDIATE takes the write lock at once, so two writers wait for each other
        # instead of failing half-way.
        self.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._conn.rollback()
            raise
        self._depth = 0
        self.execute("COMMIT")

    def close(self) -> None:
        self._conn.close()
