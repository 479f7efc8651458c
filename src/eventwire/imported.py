"""GeoNames countries imported into the gazetteer's data folder: where they are kept,
and how ``Gazetteer`` reads them back (``eventwire.geonames`` writes them).

>>> data_dir().name
'geonames'
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

__all__ = ["IMPORT_FORMAT", "data_dir", "load_imported"]

# The layout of the country files ``eventwire.geonames`` writes under ``data_dir()`` and
# ``load_imported`` reads: bump when it changes; older files are then refused, not misread.
IMPORT_FORMAT = 1


def data_dir() -> Path:
    """The folder imported dumps are stored in (created on first import)."""
    base = os.environ.get("EVENTWIRE_DATA") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local",
                                                        "share"), "eventwire")
    return Path(base) / "geonames"


def load_imported(problems: list[str] | None = None) -> list[dict[str, Any]]:
    """Every country ``eventwire.geonames`` stored, for ``Gazetteer`` to merge. What
    cannot be read (the folder, a damaged or outdated file) is left out, and said in
    ``problems``: the articles coded without those places then say so."""
    problems = problems if problems is not None else []
    folder = data_dir()
    try:
        if not folder.is_dir():
            return []
        paths = sorted(folder.glob("*.pickle"))
    except OSError as exc:
        why = exc.strerror or exc
        problems.append(f"cannot read the gazetteer's data folder {folder} ({why}): "
                        f"imported GeoNames countries are not used")  # fmt: skip
        return []
    parts = []
    for path in paths:
        try:
            with open(path, "rb") as f:
                part = pickle.load(f)
        except Exception as exc:  # noqa: BLE001 - a damaged file must not stop extraction
            problems.append(f"imported GeoNames file {path} cannot be read ({type(exc).__name__}"
                            f"): its places are not used; import the country again")  # fmt: skip
            continue
        if isinstance(part, dict) and part.get("format") == IMPORT_FORMAT:
            parts.append(part)
        else:
            problems.append(f"imported GeoNames file {path} was written by another eventwire: "
                            f"its places are not used; import the country again")  # fmt: skip
    return parts
