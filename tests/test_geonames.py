"""Importing and fetching GeoNames country dumps (``eventwire.geonames``, ``eventwire
gazetteer ...``). The dump is written by the test in GeoNames' export format; its
villages ("Kafr Wardiyeh", "Tall Samiriyah") and their ids are invented, the admin
codes and Tadmur's GeoNames id are GeoNames' own. Fetching is tested against an HTTP
server the test starts on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import json
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.errors import GeocodeError
from eventwire.gazetteer import Gazetteer
from eventwire.geonames import (
    gazetteer_fetch,
    gazetteer_import,
    gazetteer_info,
    gazetteer_remove,
)
from eventwire.places import find_places

TADMUR_ID = 163808  # GeoNames' id of Tadmur (Palmyra), in the bundled cities500


def _row(gid: int, name: str, alt: str, lat: float, lon: float, cls: str, code: str,
         a1: str, a2: str = "", pop: int = 0) -> str:
    cols = [str(gid), name, name, alt, str(lat), str(lon), cls, code, "SY", "", a1, a2, "",
            "", str(pop), "", "300", "Asia/Damascus", "2024-01-01"]
    assert len(cols) == 19
    return "\t".join(cols)


DUMP = "\n".join([
    _row(99000001, "Kafr Wardiyeh", "Kafr Wardiya,Kfar Wardiye", 35.7312, 36.5521, "P", "PPL",
         "12", "04"),
    _row(99000002, "Mintaqat Ariha", "Ariha District", 35.80, 36.60, "A", "ADM2", "12", "04"),
    _row(99000003, "Muhafazat Idlib", "", 35.75, 36.70, "A", "ADM1", "12"),
    _row(99000004, "Nahr Wardiyeh", "", 35.74, 36.56, "H", "STM", "12", "04"),
    _row(99000005, "Tall Samiriyah", "Tal Samiriya", 34.61, 38.19, "T", "HLL", "11"),
    _row(TADMUR_ID, "Tadmur", "Tudmuriyat al-Sahra", 34.5624, 38.28402, "P", "PPLA2", "11",
         "", 51015),
    "this line is not in the export format",
]) + "\n"


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty eventwire data folder for imports; the shared gazetteer is reloaded
    before and after, so no other test sees the imported places."""
    monkeypatch.setenv("EVENTWIRE_DATA", str(tmp_path / "data"))
    Gazetteer.reset()
    yield tmp_path / "data"
    Gazetteer.reset()


@pytest.fixture
def sy_zip(tmp_path: Path) -> Path:
    """The dump above as GeoNames ships it: SY.zip holding SY.txt and a readme."""
    path = tmp_path / "dl" / "SY.zip"
    path.parent.mkdir()
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "invented test dump\n")
        zf.writestr("SY.txt", DUMP)
    return path


def _place(text: str, name: str):  # type: ignore[no-untyped-def]
    found = [m for m in find_places(text) if m.text == name]
    assert len(found) == 1, [m.text for m in find_places(text)]
    return found[0].place


def test_geonames_import_adds_villages_with_their_divisions(data_home: Path,
                                                             sy_zip: Path) -> None:
    text = "Regime forces shelled Kafr Wardiyeh in Idlib on Monday."
    before = [m.place.geonameid for m in find_places(text) if m.place is not None]
    assert 99000001 not in before
    done = gazetteer_import([sy_zip])
    assert [(c.iso2, c.places, c.source) for c in done] == [("SY", 4, "SY.zip")]
    after = _place(text, "Kafr Wardiyeh")
    assert after is not None
    assert (after.geonameid, after.country, after.iso, after.admin1, after.admin2) == (
        99000001, "Syria", 760, "Idlib", "Mintaqat Ariha")
    assert (after.latitude, after.longitude, after.geo_precision) == (35.7312, 36.5521, 1)
    # An alternate spelling from the dump finds the same village.
    alt = _place("Shelling hit Kfar Wardiye, Syria.", "Kfar Wardiye")
    assert alt is not None and alt.geonameid == 99000001


def test_geonames_import_keeps_listed_kinds_and_merges_known_places(data_home: Path,
                                                                     sy_zip: Path) -> None:
    gazetteer_import([sy_zip])
    gaz = Gazetteer.default()
    # The river is not kept; the hill is, and the district is an area (precision 2).
    assert "nahr wardiyeh" not in gaz.index
    hill = gaz.lookup("Tall Samiriyah", "SY")[0]
    assert hill.geonameid == 99000005 and hill.admin1 == "Homs"
    district = gaz.lookup("Ariha District", "SY")[0]
    assert district.geonameid == 99000002 and district.geo_precision == 2
    # Tadmur was bundled already: the dump adds its alternate name, not a second Tadmur.
    assert sum(1 for g in gaz.gid if g == TADMUR_ID) == 1
    assert gaz.lookup("Tudmuriyat al-Sahra", "SY")[0].geonameid == TADMUR_ID


def test_geonames_info_lists_and_remove_takes_out(data_home: Path, sy_zip: Path) -> None:
    assert gazetteer_info().imported == []
    gazetteer_import([sy_zip])
    info = gazetteer_info()
    assert [(c.iso2, c.places) for c in info.imported] == [("SY", 4)]
    assert info.bundled_places > 100_000 and info.data_dir == str(data_home / "geonames")
    assert info.imported[0].bytes > 0
    assert gazetteer_remove(["sy", "IQ"]) == ["SY"]
    assert gazetteer_info().imported == []
    assert "kafr wardiyeh" not in Gazetteer.default().index


def test_geonames_import_refuses_a_file_that_is_not_a_dump(data_home: Path,
                                                           tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("just some text\nwith lines\n", encoding="utf-8")
    with pytest.raises(GeocodeError, match="not a GeoNames dump"):
        gazetteer_import([bad])
    with pytest.raises(GeocodeError, match="cannot read"):
        gazetteer_import([tmp_path / "missing.zip"])
    assert gazetteer_info().imported == []


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def dump_server(sy_zip: Path) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 serving the folder that holds SY.zip; yields its URL."""
    handler = functools.partial(_Quiet, directory=str(sy_zip.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_geonames_fetch_downloads_and_imports(data_home: Path, dump_server: str) -> None:
    done = gazetteer_fetch(["sy"], base_url=dump_server)
    assert [(c.iso2, c.places) for c in done] == [("SY", 4)]
    assert gazetteer_info().imported[0].source == dump_server + "SY.zip"
    assert _place("Shelling hit Kafr Wardiyeh, Syria.", "Kafr Wardiyeh").geonameid == 99000001
    with pytest.raises(GeocodeError, match="IQ.zip"):
        gazetteer_fetch(["IQ"], base_url=dump_server)  # the server has no such file
    with pytest.raises(GeocodeError, match="two-letter"):
        gazetteer_fetch(["Syria"], base_url=dump_server)


def test_geonames_cli_fetch_info_import_remove(data_home: Path, dump_server: str, sy_zip: Path,
                                               tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    fetched = run_cli("gazetteer", "fetch", "SY", "IQ", "--url", dump_server)
    assert fetched.returncode == 1
    assert "SY: 4 places" in fetched.stdout
    assert "error: cannot download" in fetched.stderr and "IQ.zip" in fetched.stderr
    info = run_cli("gazetteer", "info", "--json")
    assert info.returncode == 0, info.stderr
    assert [c["iso2"] for c in json.loads(info.stdout)["imported"]] == ["SY"]
    bad = tmp_path / "bad.txt"
    bad.write_text("no\n", encoding="utf-8")
    imported = run_cli("gazetteer", "import", str(bad), str(sy_zip))
    assert imported.returncode == 2 and "SY: 4 places from SY.zip" in imported.stdout
    assert "not a GeoNames dump" in imported.stderr
    removed = run_cli("gazetteer", "remove", "SY")
    assert removed.returncode == 0 and "SY: removed" in removed.stdout
    text = run_cli("gazetteer", "info")
    assert "imported" in text.stdout and "none" in text.stdout
