"""PostgreSQL through psycopg 3: the same schema and SQL as SQLite, for many readers.

``open_store("postgresql://user@host:5432/db")`` connects here. The Store's SQL uses
``?`` placeholders (SQLite's); they are turned into psycopg's ``%s`` once per statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from ..errors import ConfigError, StoreError

INSTALL_HINT = "PostgreSQL needs psycopg 3: pip install 'psycopg[binary]'"
# The advisory lock key eventwire's writers share (any fixed 64-bit number: "EVTW").
WRITER_LOCK = 0x45565457


@lru_cache(maxsize=512)
def _placeholders(sql: str) -> str:
    # The Store's SQL holds no literal "?" or "%" (values always travel as parameters),
    # so a plain substitution is safe.
    return re.sub(r"\?", "%s", sql)


class PostgresDatabase:
    """A psycopg connection with the interface the Store uses."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            # Deferred: psycopg loads only for a PostgreSQL store.
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as exc:
            raise ConfigError(INSTALL_HINT) from exc
        # psycopg's errors, and what binding a value no column holds raises before it.
        self._error = (psycopg.Error, OverflowError, UnicodeEncodeError)
        try:
            # autocommit: transactions are opened explicitly by ``transaction``, as in
            # SQLite, so a read never holds a transaction open.
            self._conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {exc}") from exc
        self._depth = 0

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        try:
            cur = self._conn.execute(_placeholders(sql), tuple(params))
            return list(cur.fetchall()) if cur.description else []
        except self._error as exc:
            raise StoreError(f"PostgreSQL: {exc}") from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        try:
            self._conn.execute(_placeholders(sql), tuple(params))
        except self._error as exc:
            raise StoreError(f"PostgreSQL: {exc}") from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; nested calls become savepoints of the outer transaction.

        The outermost transaction takes a transaction-scoped advisory lock first, so
        writers take turns as SQLite's BEGIN IMMEDIATE makes them: two processes never
        merge into the same block at once (each would miss the other's new event).
        """
        try:
            with self._conn.transaction():
                self._depth += 1
                try:
                    if self._depth == 1:
                        self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
                    yield
                finally:
                    self._depth -= 1
        except self._error as exc:
            raise StoreError(f"PostgreSQL: {exc}") from exc

    def close(self) -> None:
        self._conn.close()
