"""Claims, quotes and relations in the store: their tables, their writes and their reads.

Each article's Result (stored whole in ``articles.result``) also fills one row per claim,
quotation and relation in tables of their own, so that they can be listed and filtered
across every article (``eventwire claims|quotes|relations``, later the REST API). The rows
are written in the article's own transaction by ``write`` (called from the Store's one
write path) and replaced when a newer eventwire re-codes the article; migration 2 creates
the tables and fills them from the articles a store already holds.

>>> rows, total = store.query_claims(ExtraFilter(actor="United States"))  # doctest: +SKIP
>>> rows[0]["claimant"], rows[0]["value"]                                  # doctest: +SKIP
('CENTCOM', 300)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..records import Result

if TYPE_CHECKING:
    from .base import Database

TABLES = (
    # ``idx`` is the record's place in its article's Result; ``search`` the record's main
    # fields and text in lower case, for --text; ``data`` the record's as_dict.
    """CREATE TABLE claims (
        article_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        value BIGINT NOT NULL,
        qualifier TEXT NOT NULL,
        counted TEXT NOT NULL,
        action TEXT,
        actor TEXT,
        period TEXT,
        claimant TEXT,
        report_date TEXT,
        search TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    )""",
    "CREATE INDEX claims_action ON claims (action)",
    """CREATE TABLE quotes (
        article_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        speaker TEXT,
        role TEXT,
        organisation TEXT,
        direct INTEGER NOT NULL,
        attribution TEXT,
        search TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    )""",
    "CREATE INDEX quotes_speaker ON quotes (speaker)",
    """CREATE TABLE relations (
        article_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        source TEXT NOT NULL,
        relation TEXT NOT NULL,
        target TEXT NOT NULL,
        source_type TEXT NOT NULL,
        target_type TEXT NOT NULL,
        search TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    )""",
    "CREATE INDEX relations_relation ON relations (relation)",
)
KINDS = ("claims", "quotes", "relations")  # the tables, as named in a Result


@dataclass(frozen=True, slots=True)
class ExtraFilter:
    """Filters for ``query_claims``, ``query_quotes`` and ``query_relations``; all optional,
    combined with AND, text matches anywhere and ignores case.

    ``since``/``until`` bound the article's publication date; ``article`` is an article id;
    ``text`` searches the record's fields and text. ``actor`` is a claim's actor, either
    side of a relation, or a quote's organisation; ``speaker`` a quote's speaker or a
    claim's claimant; ``relation`` a relation type; ``action`` a claim's act ("capture");
    ``direct`` keeps direct (True) or reported (False) quotes only.
    """

    since: str | None = None
    until: str | None = None
    article: str | None = None
    text: str | None = None
    actor: str | None = None
    speaker: str | None = None
    relation: str | None = None
    action: str | None = None
    direct: bool | None = None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _search(*parts: Any) -> str:
    return " | ".join(str(p) for p in parts if p).lower()


def _claim_row(c: dict[str, Any]) -> dict[str, Any]:
    return {
        "value": int(c["value"]), "qualifier": c.get("qualifier") or "exact",
        "counted": c.get("counted") or "", "action": c.get("action"), "actor": c.get("actor"),
        "period": c.get("period"), "claimant": c.get("claimant"),
        "report_date": c.get("report_date"),
        "search": _search(c.get("counted"), c.get("actor"), c.get("period"), c.get("claimant")),
    }  # fmt: skip


def _quote_row(q: dict[str, Any]) -> dict[str, Any]:
    return {
        "speaker": q.get("speaker"), "role": q.get("role"), "organisation": q.get("organisation"),
        "direct": 1 if q.get("direct", True) else 0, "attribution": q.get("attribution"),
        "search": _search(q.get("speaker"), q.get("role"), q.get("organisation"), q.get("text")),
    }  # fmt: skip


def _relation_row(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "source": r["source"], "relation": r["relation"], "target": r["target"],
        "source_type": r.get("source_type") or "", "target_type": r.get("target_type") or "",
        "search": _search(r["source"], r["relation"], r["target"], r.get("source_role")),
    }  # fmt: skip


# Each table, the Result list it holds and the filter columns of one record.
_ROWS = {"claims": _claim_row, "quotes": _quote_row, "relations": _relation_row}


def write(db: Database, article_id: str, result: Result | dict[str, Any]) -> None:
    """Replace an article's claim, quote and relation rows with those of ``result``."""
    data = result.as_dict() if isinstance(result, Result) else result
    for table, make in _ROWS.items():
        db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        for k, record in enumerate(data.get(table) or []):
            row = {"article_id": article_id, "idx": k, **make(record), "data": _dumps(record)}
            marks = ", ".join("?" * len(row))
            db.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})",
                       tuple(row.values()))  # fmt: skip


def fill(db: Database) -> None:
    """Migration 2's data step: rows for the articles stored before the tables existed."""
    for row in db.query("SELECT id, result FROM articles ORDER BY seq"):
        write(db, row["id"], json.loads(row["result"]))


def _like(value: str) -> str:
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# Per table: which columns each ExtraFilter field matches ("like": substring, "eq": equal).
_FIELDS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "claims": {
        "actor": ("like", ("x.actor",)),
        "speaker": ("like", ("x.claimant",)),
        "action": ("eq", ("x.action",)),
    },
    "quotes": {
        "actor": ("like", ("x.organisation",)),
        "speaker": ("like", ("x.speaker",)),
        "direct": ("eq", ("x.direct",)),
    },
    "relations": {
        "actor": ("like", ("x.source", "x.target")),
        "relation": ("eq", ("x.relation",)),
    },
}


def _where(table: str, f: ExtraFilter) -> tuple[str, list[Any]]:
    conds: list[str] = []
    params: list[Any] = []
    for column, value, op in (("a.published", f.since, ">="), ("a.published", f.until, "<="),
                              ("x.article_id", f.article, "=")):  # fmt: skip
        if value:
            conds.append(f"{column} {op} ?")
            params.append(value)
    if f.text:
        conds.append("x.search LIKE ? ESCAPE '\\'")
        params.append(_like(f.text))
    for name, (how, columns) in _FIELDS[table].items():
        value = getattr(f, name)
        if value is None or value == "":
            continue
        if how == "eq":
            conds.append(" OR ".join(f"{c} = ?" for c in columns))
            params += [int(value) if isinstance(value, bool) else value] * len(columns)
        else:
            conds.append("(" + " OR ".join(f"LOWER({c}) LIKE ? ESCAPE '\\'" for c in columns) + ")")
            params += [_like(value)] * len(columns)
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


class ExtrasReadAPI:
    """Listing claims, quotes and relations across articles; mixed into ``Store``."""

    db: Database

    def query_claims(
        self, filters: ExtraFilter | None = None, limit: int | None = 100, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]:
        """Claims matching ``filters`` in storage order, and how many match in all."""
        return self._query("claims", filters, limit, offset)

    def query_quotes(
        self, filters: ExtraFilter | None = None, limit: int | None = 100, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]:
        """Quotes (direct and reported) matching ``filters``, and how many match in all."""
        return self._query("quotes", filters, limit, offset)

    def query_relations(
        self, filters: ExtraFilter | None = None, limit: int | None = 100, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]:
        """Relations between actors matching ``filters``, and how many match in all."""
        return self._query("relations", filters, limit, offset)

    def _query(
        self, table: str, filters: ExtraFilter | None, limit: int | None, offset: int
    ) -> tuple[list[dict[str, Any]], int]:
        where, params = _where(table, filters or ExtraFilter())
        joined = f"FROM {table} x JOIN articles a ON a.id = x.article_id{where}"
        total = int(self.db.query(f"SELECT COUNT(*) AS n {joined}", params)[0]["n"])
        page = "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"
        rows = self.db.query(
            f"SELECT x.data, x.article_id, a.title, a.url, a.published, a.source {joined} "
            f"ORDER BY a.seq, x.idx{page}",
            params,
        )
        out = []
        for r in rows:
            record = json.loads(r["data"])
            record.update(article_id=r["article_id"], article_title=r["title"],
                          article_url=r["url"], published=r["published"],
                          article_source=r["source"])  # fmt: skip
            out.append(record)
        return out, total
