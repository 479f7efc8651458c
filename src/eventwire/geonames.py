"""Full GeoNames country dumps, imported into the offline gazetteer for villages.

The bundled gazetteer (``eventwire.gazetteer``) knows GeoNames' towns of 500 people or
more; conflict news names villages, hills and camps below that. GeoNames publishes each
country as ``XX.zip`` (one ``XX.txt`` inside: 19 tab-separated columns, CC-BY 4.0).
``gazetteer_import`` reads such files, keeps the feature kinds listed in
``data/geonames_features.tsv`` and stores one compact file per country under the user
data folder (``$EVENTWIRE_DATA`` or ``~/.local/share/eventwire``), where
``Gazetteer.default()`` merges them into its index on load. ``gazetteer_fetch``
downloads the dumps first (the only part of eventwire that goes online, and only when
asked); ``gazetteer_info`` says what is loaded and ``gazetteer_remove`` takes it out.

>>> [c.iso2 for c in gazetteer_import(["SY.zip"])]      # doctest: +SKIP
['SY']
>>> gazetteer_info().imported[0].places                 # doctest: +SKIP
21437
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import pickle
import re
import tempfile
import urllib.error
import urllib.request
import zipfile
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import GeocodeError
from eventwire.gazetteer import Gazetteer, ascii_name, data_lines, keep_alternate, norm_key
from eventwire.imported import IMPORT_FORMAT, data_dir, load_imported
from eventwire.records import Record

__all__ = [
    "DEFAULT_URL", "GazetteerInfo", "ImportedCountry", "data_dir", "gazetteer_fetch",
    "gazetteer_import", "gazetteer_info", "gazetteer_remove", "load_imported",
]

# Where GeoNames publishes its per-country dumps (https://download.geonames.org/export/dump/).
DEFAULT_URL = "https://download.geonames.org/export/dump/"
_COLUMNS = 19
_CODE = re.compile(r"^[A-Z]{2}$")


@dataclass(slots=True)
class ImportedCountry(Record):
    """One imported GeoNames country: what was kept from which file, and when."""

    iso2: str
    places: int
    source: str
    imported: str  # ISO timestamp, UTC
    bytes: int = 0  # size of the stored index file
    bad_lines: int = 0  # lines of the file that are not GeoNames rows: left out


@dataclass(slots=True)
class GazetteerInfo(Record):
    """What the gazetteer holds: the bundled towns and every imported country."""

    bundled_places: int
    bundled_names: int
    data_dir: str
    imported: list[ImportedCountry] = field(default_factory=list)


def _features() -> dict[tuple[str, str], int]:
    return {(cls, code): int(prec) for cls, code, prec in data_lines("geonames_features.tsv")}


def _lines(path: Path) -> Iterator[str]:
    """Text lines of a GeoNames dump, plain or zipped (the zip's one country file)."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                members = [n for n in zf.namelist()
                           if n.endswith(".txt") and not n.lower().startswith("readme")]
                if not members:
                    raise GeocodeError(f"{path}: no .txt file inside the zip")
                for member in members:
                    with zf.open(member) as raw:
                        yield from io.TextIOWrapper(raw, encoding="utf-8", errors="replace")
        else:
            with open(path, encoding="utf-8", errors="replace") as f:
                yield from f
    except (OSError, zipfile.BadZipFile) as exc:
        raise GeocodeError(f"{path}: cannot read ({exc})") from exc


def _parse(path: Path) -> dict[str, dict[str, Any]]:
    """The kept rows of one dump, grouped by country code, as compact columns."""
    keep = _features()
    parts: dict[str, dict[str, Any]] = {}
    admin2: dict[tuple[str, str, str], str] = {}
    admin1: dict[tuple[str, str], str] = {}
    rows = bad = 0
    for line in _lines(path):
        cols = line.rstrip("\n").split("\t")
        if len(cols) != _COLUMNS:
            bad += 1
            continue
        try:
            gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
            pop = int(cols[14] or 0)
        except ValueError:
            bad += 1
            continue
        rows += 1
        cls, code, cc, a1, a2 = cols[6], cols[7], cols[8], cols[10], cols[11]
        if not _CODE.match(cc):
            bad += 1
            continue
        if cls == "A" and code == "ADM1":
            admin1[(cc, a1)] = ascii_name(cols[1])
        elif cls == "A" and code == "ADM2":
            admin2[(cc, a1, a2)] = ascii_name(cols[1])
        prec = keep.get((cls, code)) or keep.get((cls, "*"))
        if prec is None:
            continue
        part = parts.setdefault(cc, {
            "format": IMPORT_FORMAT, "iso2": cc, "names": [], "keys": [], "lat": array("d"),
            "lon": array("d"), "pop": array("q"), "gid": array("q"), "a1": [], "a2code": [],
            "prec": array("b"), "admin1_names": {}})
        keys = {norm_key(cols[1]), norm_key(cols[2])}
        keys.update(norm_key(a) for a in cols[3].split(",") if a and keep_alternate(a))
        keys.discard("")
        if not keys:
            continue
        part["names"].append(ascii_name(cols[1]))
        part["keys"].append(tuple(sorted(keys)))
        part["lat"].append(lat)
        part["lon"].append(lon)
        part["pop"].append(pop)
        part["gid"].append(gid)
        part["a1"].append(a1)
        part["a2code"].append(a2)
        part["prec"].append(prec)
    if rows == 0:
        raise GeocodeError(
            f"{path}: not a GeoNames dump (no line has the {_COLUMNS} tab-separated columns"
            f" of the export format; {bad} unreadable lines)")
    for cc, part in parts.items():
        part["bad_lines"] = bad  # lines of the file left out: said, never dropped unseen
        a2codes = part.pop("a2code")
        part["a2"] = [admin2.get((cc, a1, a2)) if a2 else None
                      for a1, a2 in zip(part["a1"], a2codes, strict=True)]
        part["admin1_names"] = {a1: name for (c, a1), name in admin1.items() if c == cc}
    return parts


def _store(part: dict[str, Any], source: str) -> ImportedCountry:
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    iso2 = part["iso2"]
    info = ImportedCountry(iso2, len(part["names"]), source,
                           dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                           bad_lines=part.pop("bad_lines", 0))  # fmt: skip
    part["info"] = info.as_dict()
    target = folder / f"{iso2}.pickle"
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(part, f, protocol=pickle.HIGHEST_PROTOCOL)
        info.bytes = os.path.getsize(tmp)
        os.replace(tmp, target)  # atomic: a reader never sees half a country
        _write_json(folder / f"{iso2}.json", info.as_dict())
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise GeocodeError(f"cannot store {iso2} under {folder}: {exc}") from exc
    return info


def _write_json(path: Path, data: dict[str, Any]) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1)
    os.replace(tmp, path)


def gazetteer_import(paths: Iterable[str | Path]) -> list[ImportedCountry]:
    """Import GeoNames dumps (``XX.zip`` or ``XX.txt``); a country imported again is replaced.

    >>> gazetteer_import(["SY.zip", "IQ.txt"])       # doctest: +SKIP
    [ImportedCountry(iso2='SY', places=21437, ...), ImportedCountry(iso2='IQ', ...)]

    Raises ``GeocodeError`` for a file that cannot be read or is not in GeoNames'
    format; files before it stay imported.
    """
    done: list[ImportedCountry] = []
    try:
        for p in paths:
            path = Path(p)
            for part in _parse(path).values():
                done.append(_store(part, path.name))
    finally:
        if done:
            Gazetteer.reset()  # the next Gazetteer.default() sees the new places
    return done


def gazetteer_fetch(codes: Iterable[str], base_url: str = DEFAULT_URL,
                    timeout: float = 120.0) -> list[ImportedCountry]:
    """Download GeoNames dumps for ISO codes (``["SY", "IQ"]``) and import them.

    ``base_url`` is where ``XX.zip`` files are found (GeoNames' download folder by
    default; a mirror or a local server otherwise).
    """
    out: list[ImportedCountry] = []
    base = base_url if base_url.endswith("/") else base_url + "/"
    for code in codes:
        cc = code.strip().upper()
        if not _CODE.match(cc):
            raise GeocodeError(f"{code!r} is not a two-letter ISO country code")
        url = f"{base}{cc}.zip"
        with tempfile.TemporaryDirectory() as tmpdir:
            target = Path(tmpdir) / f"{cc}.zip"
            try:
                with urllib.request.urlopen(url, timeout=timeout) as resp, \
                        open(target, "wb") as f:
                    while chunk := resp.read(1 << 16):
                        f.write(chunk)
            except (urllib.error.URLError, OSError, ValueError) as exc:
                raise GeocodeError(f"cannot download {url}: {exc}") from exc
            imported = gazetteer_import([target])
            for info in imported:
                info.source = url
                _write_json(data_dir() / f"{info.iso2}.json", info.as_dict())
            out.extend(imported)
    return out


def gazetteer_info() -> GazetteerInfo:
    """The bundled gazetteer's size and the imported countries, by code."""
    gaz = Gazetteer.default()
    info = GazetteerInfo(gaz.bundled, len(gaz.index), str(data_dir()))
    for meta in sorted(data_dir().glob("*.json")):
        try:
            info.imported.append(ImportedCountry.from_dict(json.loads(meta.read_text("utf-8"))))
        except (OSError, ValueError, TypeError):
            continue  # a half-written or foreign file is not an imported country
    return info


def gazetteer_remove(codes: Iterable[str]) -> list[str]:
    """Remove imported countries by ISO code; returns the codes that were there."""
    removed = []
    for code in codes:
        cc = code.strip().upper()
        found = False
        for suffix in (".pickle", ".json"):
            path = data_dir() / f"{cc}{suffix}"
            if path.exists():
                path.unlink()
                found = True
        if found:
            removed.append(cc)
    Gazetteer.reset()
    return removed
