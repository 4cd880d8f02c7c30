"""Read the store: one function per table, shared by `newsevents query` and the web API.

Every function takes an open `Store` and keyword filters, and returns a list of plain dicts (JSON
ready). Filters that are None are ignored. Conventions:

- text filters (`actor`, `speaker`, `person`, `q`, `place`) are case-insensitive substrings;
- `country` is an ISO 3166-1 alpha-2 code; `type` a PLOVER event type (case-insensitive);
- `bbox` is (min_lon, min_lat, max_lon, max_lat), GeoJSON order; `near` is (lat, lon, km);
- `date_from`/`date_to` are inclusive YYYY-MM-DD bounds on the item's date, falling back to the
  document's publication date when the item has none;
- `limit`/`offset` page through results in a stable order.

SQL is written once with `?` placeholders; the PostgreSQL store rewrites them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson

from . import Store
from .schema import unpack_doc

MAX_LIMIT = 10_000


class _Where:
    """Collects SQL conditions and their parameters, so filters compose without string games."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def like(self, cols: Sequence[str], value: str | None) -> None:
        if value:
            self.add("(" + " OR ".join(f"{c} ILIKE ?" for c in cols) + ")", *[f"%{value}%"] * len(cols))

    def eq_ci(self, col: str, value: str | None) -> None:
        if value:
            self.add(f"upper({col}) = upper(?)", value)

    def bbox(self, lat: str, lon: str, box: Sequence[float] | None) -> None:
        if box:
            min_lon, min_lat, max_lon, max_lat = (float(x) for x in box)
            self.add(f"{lat} BETWEEN ? AND ? AND {lon} BETWEEN ? AND ?", min_lat, max_lat, min_lon, max_lon)

    def near(self, lat: str, lon: str, near: Sequence[float] | None) -> None:
        if near:
            la, lo, km = (float(x) for x in near)
            self.add(f"{lat} IS NOT NULL AND {_haversine(lat, lon)} <= ?", la, la, lo, km)

    def dates(self, expr: str, date_from: str | None, date_to: str | None) -> None:
        if date_from:
            self.add(f"substr({expr}, 1, 10) >= ?", str(date_from))
        if date_to:
            self.add(f"substr({expr}, 1, 10) <= ?", str(date_to))

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.parts)) if self.parts else ""


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """'min_lon,min_lat,max_lon,max_lat' -> a checked box; ValueError says what is wrong (CLI and API)."""
    if value is None:
        return None
    parts = _numbers(value, 4, "bbox must be min_lon,min_lat,max_lon,max_lat")
    min_lon, min_lat, max_lon, max_lat = parts
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ValueError("bbox out of range or inverted")
    return min_lon, min_lat, max_lon, max_lat


def parse_near(value: str | None) -> tuple[float, float, float] | None:
    """'lat,lon,km' -> a checked point and radius; ValueError says what is wrong (CLI and API)."""
    if value is None:
        return None
    lat, lon, km = _numbers(value, 3, "near must be lat,lon,km")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 20_000):
        raise ValueError("near out of range")
    return lat, lon, km


def _numbers(value: str, n: int, message: str) -> tuple[float, ...]:
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != n:
        raise ValueError(message)
    return parts


def _haversine(lat: str, lon: str) -> str:
    """Great-circle km between (lat, lon) columns and the (?, ?) point; params: lat, lat, lon."""
    return (f"(12742.0 * asin(sqrt(power(sin(radians({lat} - ?) / 2), 2) + cos(radians(?)) * cos(radians({lat}))"
            f" * power(sin(radians({lon} - ?) / 2), 2))))")


def _page(limit: int, offset: int) -> str:
    limit = max(0, min(int(limit), MAX_LIMIT))
    return f" LIMIT {limit} OFFSET {max(0, int(offset))}"


def _clean(rows: list[dict], json_cols: Sequence[str] = ()) -> list[dict]:
    for r in rows:
        for c in json_cols:
            if isinstance(r.get(c), str):
                r[c] = orjson.loads(r[c])
    return rows


def query_events(
    store: Store, type: str | None = None, actor: str | None = None, country: str | None = None,
    bbox: Sequence[float] | None = None, near: Sequence[float] | None = None, date_from: str | None = None,
    date_to: str | None = None, certainty: str | None = None, speaker: str | None = None,
    cluster: str | None = None, q: str | None = None, doc_id: str | None = None, limit: int = 50, offset: int = 0,
) -> list[dict]:
    """Events with their document's source/date and cluster id. `actor` matches actor or target;
    `speaker` matches who reported the event; `q` searches the trigger and sentence."""
    w = _Where()
    w.eq_ci("e.type", type)
    w.like(["e.actor", "e.target"], actor)
    w.eq_ci("e.country_code", country)
    w.bbox("e.lat", "e.lon", bbox)
    w.near("e.lat", "e.lon", near)
    w.dates("coalesce(e.date, d.published)", date_from, date_to)
    w.eq_ci("e.certainty", certainty)
    w.like(["e.reported_by"], speaker)
    if cluster:
        w.add("c.cluster_id = ?", cluster)
    w.like(["e.sentence", "e.text"], q)
    if doc_id:
        w.add("e.doc_id = ?", doc_id)
    sql = ("SELECT e.*, d.source, d.published, d.url, d.headline, c.cluster_id, c.size AS cluster_size "
           "FROM events e JOIN documents d ON d.id = e.doc_id "
           "LEFT JOIN event_clusters c ON c.doc_id = e.doc_id AND c.event_idx = e.idx"
           + w.sql() + " ORDER BY coalesce(e.date, d.published), e.doc_id, e.idx" + _page(limit, offset))
    return _clean(store.fetch(sql, w.params), ["attrs"])


def query_quotes(
    store: Store, speaker: str | None = None, kind: str | None = None, q: str | None = None,
    date_from: str | None = None, date_to: str | None = None, doc_id: str | None = None,
    limit: int = 50, offset: int = 0,
) -> list[dict]:
    """Quotes with speaker and document metadata."""
    w = _Where()
    w.like(["qt.speaker"], speaker)
    w.eq_ci("qt.kind", kind)
    w.like(["qt.text"], q)
    w.dates("coalesce(qt.date, d.published)", date_from, date_to)
    if doc_id:
        w.add("qt.doc_id = ?", doc_id)
    sql = ("SELECT qt.*, d.source, d.published, d.url, d.headline FROM quotes qt JOIN documents d ON d.id = qt.doc_id"
           + w.sql() + " ORDER BY d.published, qt.doc_id, qt.idx" + _page(limit, offset))
    return store.fetch(sql, w.params)


def query_places(
    store: Store, country: str | None = None, bbox: Sequence[float] | None = None,
    near: Sequence[float] | None = None, q: str | None = None, role: str | None = None,
    date_from: str | None = None, date_to: str | None = None, doc_id: str | None = None,
    limit: int = 50, offset: int = 0,
) -> list[dict]:
    """Place mentions (resolved or not) with document metadata; `q` matches the name or mention."""
    w = _Where()
    w.eq_ci("p.country_code", country)
    w.bbox("p.lat", "p.lon", bbox)
    w.near("p.lat", "p.lon", near)
    w.like(["p.name", "p.text"], q)
    w.eq_ci("p.role", role)
    w.dates("d.published", date_from, date_to)
    if doc_id:
        w.add("p.doc_id = ?", doc_id)
    sql = ("SELECT p.*, d.source, d.published, d.url FROM places p JOIN documents d ON d.id = p.doc_id"
           + w.sql() + " ORDER BY p.doc_id, p.idx" + _page(limit, offset))
    return store.fetch(sql, w.params)


def query_journeys(
    store: Store, person: str | None = None, country: str | None = None, bbox: Sequence[float] | None = None,
    near: Sequence[float] | None = None, date_from: str | None = None, date_to: str | None = None,
    doc_id: str | None = None, limit: int = 50, offset: int = 0,
) -> list[dict]:
    """Journeys, each with its ordered stops; a journey matches when any stop matches the filters."""
    w = _Where()
    w.like(["j.person"], person)
    w.eq_ci("j.country_code", country)
    w.bbox("j.lat", "j.lon", bbox)
    w.near("j.lat", "j.lon", near)
    w.dates("coalesce(j.date, d.published)", date_from, date_to)
    if doc_id:
        w.add("j.doc_id = ?", doc_id)
    keys = store.fetch(
        "SELECT DISTINCT j.doc_id, j.idx FROM journeys j JOIN documents d ON d.id = j.doc_id" + w.sql()
        + " ORDER BY j.doc_id, j.idx" + _page(limit, offset), w.params)
    out = []
    for k in keys:
        stops = store.fetch(
            "SELECT j.*, d.source, d.published, d.url FROM journeys j JOIN documents d ON d.id = j.doc_id "
            "WHERE j.doc_id = ? AND j.idx = ? ORDER BY j.stop_idx", [k["doc_id"], k["idx"]])
        if not stops:
            continue
        s0 = stops[0]
        out.append({
            "doc_id": k["doc_id"], "idx": k["idx"], "person": s0["person"], "person_entity": s0["person_entity"],
            "source": s0["source"], "published": s0["published"], "url": s0["url"],
            "stops": [{c: s[c] for c in ("stop_idx", "name", "lat", "lon", "date", "start", "end", "text", "role",
                                         "certainty", "country_code")} for s in stops],
        })
    return out


def query_documents(
    store: Store, q: str | None = None, source: str | None = None, date_from: str | None = None,
    date_to: str | None = None, limit: int = 50, offset: int = 0,
) -> list[dict]:
    """Document summaries (no full text): id, source, date, headline and item counts."""
    w = _Where()
    w.like(["d.headline", "d.text"], q)
    w.like(["d.source"], source)
    w.dates("d.published", date_from, date_to)
    sql = ("SELECT d.id, d.input, d.source, d.url, d.published, d.headline, d.dateline_place, d.n_words, "
           "d.n_entities, d.n_places, d.n_times, d.n_quotes, d.n_events, d.n_journeys FROM documents d"
           + w.sql() + " ORDER BY d.published, d.id" + _page(limit, offset))
    return store.fetch(sql, w.params)


def get_document(store: Store, doc_id: str) -> dict | None:
    """The full stored `Document` (as JSON), or None."""
    rows = store.fetch("SELECT doc_json FROM documents WHERE id = ?", [doc_id])
    return unpack_doc(rows[0]["doc_json"]) if rows else None


def query_errors(store: Store, kind: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
    w = _Where()
    w.eq_ci("kind", kind)
    return store.fetch("SELECT * FROM errors" + w.sql() + " ORDER BY input" + _page(limit, offset), w.params)


def query_clusters(
    store: Store, type: str | None = None, min_size: int = 2, date_from: str | None = None,
    date_to: str | None = None, limit: int = 50, offset: int = 0,
) -> list[dict]:
    """Event clusters (one real-world event, many reports), biggest first, each with its reports."""
    w = _Where()
    w.eq_ci("type", type)
    w.dates("date", date_from, date_to)
    w.add("size >= ?", int(min_size))
    ids = store.fetch(
        "SELECT cluster_id, max(size) AS size, min(date) AS date FROM event_clusters" + w.sql()
        + " GROUP BY cluster_id ORDER BY size DESC, cluster_id" + _page(limit, offset), w.params)
    out = []
    for c in ids:
        reports = store.fetch(
            "SELECT c.doc_id, c.event_idx, c.type, c.date, c.place, c.country_code, c.actor, c.target, c.source, "
            "c.published, c.certainty, e.sentence FROM event_clusters c JOIN events e "
            "ON e.doc_id = c.doc_id AND e.idx = c.event_idx WHERE c.cluster_id = ? ORDER BY c.published, c.doc_id",
            [c["cluster_id"]])
        out.append({"cluster_id": c["cluster_id"], "size": c["size"], "date": c["date"], "reports": reports})
    return out


def stats(store: Store) -> dict[str, Any]:
    """Row counts per table and events per type: what a dashboard shows first."""
    by_type = store.fetch("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")
    return {"counts": store.counts(), "events_by_type": {r["type"]: int(r["n"]) for r in by_type}}


QUERIES = {
    "events": query_events,
    "quotes": query_quotes,
    "places": query_places,
    "journeys": query_journeys,
    "documents": query_documents,
    "errors": query_errors,
    "clusters": query_clusters,
}
