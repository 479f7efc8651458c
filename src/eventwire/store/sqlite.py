"""SQLite: the default store, one file, WAL journal, one writer at a time.

>>> db = SQLiteDatabase(":memory:")
>>> db.query("SELECT 1 AS one")
[{'one': 1}]
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..errors import StoreError


class SQLiteDatabase:
    """A connection with the interface the Store uses: ``query``, ``execute``, ``transaction``."""

    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        try:
            # isolation_level=None: transactions are begun and ended here, explicitly, so
            # one article's writes are one transaction and nothing else is.
            self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self._conn.row_factory = sqlite3.Row
            # WAL: readers (the CLI's queries, a later web server) do not block the writer.
            # synchronous=NORMAL keeps every committed transaction through a crash or kill
            # of the process (only a power cut can lose the last ones), at WAL's speed.
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA busy_timeout=30000")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite database {path}: {exc}") from exc
        self._depth = 0

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        try:
            return [dict(row) for row in self._conn.execute(sql, tuple(params))]
        except sqlite3.Error as exc:
            raise StoreError(f"SQLite: {exc}") from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        try:
            self._conn.execute(sql, tuple(params))
        except sqlite3.Error as exc:
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
