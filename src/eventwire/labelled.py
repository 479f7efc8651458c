"""Coded texts read from a user's files: ACLED export CSVs and JSONL lines with gold fields.

``eventwire train`` learns from them and ``eventwire evaluate`` scores the coder against
them. A row is a text with its ACLED event type and sub-event type (both empty for a text
that holds no event) and whatever other gold fields the file has (actors, country,
admin1, location and its coordinates, fatalities, date).

- ACLED CSV: the columns ``notes``, ``event_type`` and ``sub_event_type`` (any case), and
  optionally ``event_id_cnty``, ``event_date``, ``actor1``, ``actor2``, ``country``,
  ``admin1``, ``location``, ``latitude``, ``longitude``, ``fatalities``.
- JSONL: ``{"text", "event_type", "sub_event_type"}`` per line, optionally ``id``,
  ``published`` and the gold fields above by the same names.

Every problem names the file and line: a missing label column, an unknown sub-event type,
a sub-event type under the wrong event type, an empty file.

>>> rows = read_labelled(["coded.jsonl"])        # doctest: +SKIP
>>> rows[0].sub_event_type                       # doctest: +SKIP
'Armed clash'
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .lexicon import taxonomy

# ACLED's notes can be long; the csv module's default field limit is 128 KB.
csv.field_size_limit(10**8)

GOLD_FIELDS = (
    "event_date", "actor1", "actor2", "country", "admin1", "location", "latitude",
    "longitude", "fatalities",
)  # fmt: skip
# Date forms of ACLED exports (ISO, "03 May 2020", "03-May-20", "03-05-20").
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y", "%d-%b-%y", "%d-%m-%y")


@dataclass(slots=True)
class Labelled:
    """One coded text: its labels, its source line and any other gold fields."""

    text: str
    event_type: str
    sub_event_type: str
    source: str  # "file:line"
    id: str = ""
    published: str | None = None
    gold: dict[str, Any] = field(default_factory=dict)

    @property
    def is_event(self) -> bool:
        return bool(self.sub_event_type)


def read_labelled(paths: Iterable[str | os.PathLike[str]]) -> list[Labelled]:
    """Every coded row of the given files, in order; InputError on the first bad one."""
    rows: list[Labelled] = []
    for path in paths:
        got = list(_read_one(Path(path)))
        if not got:
            raise InputError(f"{path}: no coded texts in the file")
        rows.extend(got)
    return rows


def _read_one(path: Path) -> Iterator[Labelled]:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older ACLED exports are Latin-1; every byte decodes, nothing is lost.
        text = data.decode("latin-1")
    if path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        return _read_jsonl(path, text)
    return _read_csv(path, text)


def check_labels(event_type: str, sub_event_type: str, where: str) -> tuple[str, str]:
    """The labels as ACLED spells them, or InputError naming ``where``.

    >>> check_labels("", "armed clash", "f.jsonl:3")
    ('Battles', 'Armed clash')
    """
    known = taxonomy()
    event_type, sub_event_type = (event_type or "").strip(), (sub_event_type or "").strip()
    if not sub_event_type:
        if event_type:
            raise InputError(
                f"{where}: event type {event_type!r} without a sub-event type "
                "(leave both empty for a text that holds no event)"
            )
        return "", ""
    by_lower = {k.lower(): k for k in known}
    sub = by_lower.get(sub_event_type.lower())
    if sub is None:
        raise InputError(
            f"{where}: unknown sub-event type {sub_event_type!r}; ACLED's are: "
            + ", ".join(sorted(known))
        )
    want = known[sub][0]
    if event_type and event_type.lower() != want.lower():
        raise InputError(
            f"{where}: sub-event type {sub!r} belongs to {want!r}, not {event_type!r}"
        )
    return want, sub


def _gold(obj: dict[str, Any]) -> dict[str, Any]:
    gold: dict[str, Any] = {}
    for key in GOLD_FIELDS:
        value = obj.get(key)
        if value in (None, ""):
            continue
        if key == "event_date":
            value = _iso_date(str(value))
            if value is None:
                continue
        gold[key] = value
    return gold


def _iso_date(value: str) -> str | None:
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _read_jsonl(path: Path, text: str) -> Iterator[Labelled]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise InputError(f"{where}: a line must be a JSON object")
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            raise InputError(f"{where}: no \"text\"")
        if "sub_event_type" not in obj and "event_type" not in obj:
            raise InputError(
                f"{where}: no label: give \"event_type\" and \"sub_event_type\" "
                "(both \"\" for a text that holds no event)"
            )
        et, sub = check_labels(
            str(obj.get("event_type") or ""), str(obj.get("sub_event_type") or ""), where
        )
        published = obj.get("published")
        yield Labelled(
            body, et, sub, where, str(obj.get("id", f"{path.name}:{n}")),
            str(published) if published else None, _gold(obj),
        )  # fmt: skip


def _read_csv(path: Path, text: str) -> Iterator[Labelled]:
    reader = csv.DictReader(io.StringIO(text))
    header = {(h or "").strip().lower(): h for h in reader.fieldnames or ()}
    for need in ("notes", "event_type", "sub_event_type"):
        if need not in header:
            raise InputError(
                f"{path}: no {need!r} column; an ACLED export needs notes, event_type and "
                f"sub_event_type (found: {', '.join(h for h in header if h) or 'nothing'})"
            )
    for n, raw in enumerate(reader, 2):
        row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        body = row.get("notes", "")
        if not body:
            continue  # an event without notes gives nothing to learn or score from
        where = f"{path}:{n}"
        et, sub = check_labels(row.get("event_type", ""), row.get("sub_event_type", ""), where)
        gold = _gold(row)
        date = gold.get("event_date")
        # ACLED's notes are written after the event: the day after stands for publication.
        published = (
            (dt.date.fromisoformat(date) + dt.timedelta(days=1)).isoformat() if date else None
        )
        yield Labelled(body, et, sub, where, row.get("event_id_cnty") or where, published, gold)
