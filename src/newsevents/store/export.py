"""Exports: any table to Parquet, CSV or JSONL; events/places/journeys to GeoJSON; a POLECAT-style
event table.

Rows are streamed from the store in chunks, so exporting a big store does not need its size in RAM.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from . import Store
from .schema import TABLES

FORMATS = ("parquet", "csv", "jsonl", "geojson")
GEO_TABLES = ("events", "places", "journeys")
CHUNK = 10_000

# POLECAT (the PLOVER-coded successor to ICEWS) publishes one row per event with these fields; we fill
# the ones newsevents extracts and leave the rest out rather than inventing them.
POLECAT_SQL = """
SELECT e.doc_id || '-' || CAST(e.idx AS VARCHAR) AS event_id,
       coalesce(e.date, d.published) AS event_date,
       e.type AS event_type, e.mode AS event_mode,
       e.actor AS actor_name, ea.nationality AS actor_country, ea.type AS actor_entity_type,
       ea.titles AS actor_title,
       e.target AS recipient_name, et.nationality AS recipient_country, et.type AS recipient_entity_type,
       et.titles AS recipient_title,
       e.place AS placename, e.country_code AS country, e.lat AS latitude, e.lon AS longitude,
       e.geonames_id AS geonames_id,
       e.certainty AS certainty, e.negated AS negated, e.reported_by AS reported_by,
       c.cluster_id AS event_cluster,
       d.source AS source, d.published AS publication_date, d.url AS url, d.id AS story_id,
       e.sentence AS sentence, e."start" AS trigger_start, e."end" AS trigger_end, e."text" AS trigger_text,
       d.language AS language, d.schema_version AS version
FROM events e
JOIN documents d ON d.id = e.doc_id
LEFT JOIN entities ea ON ea.doc_id = e.doc_id AND ea.entity_id = e.actor_entity
LEFT JOIN entities et ON et.doc_id = e.doc_id AND et.entity_id = e.target_entity
LEFT JOIN event_clusters c ON c.doc_id = e.doc_id AND c.event_idx = e.idx
ORDER BY event_date, e.doc_id, e.idx
"""


class ExportError(ValueError):
    pass


def infer_format(path: str, fmt: str | None) -> str:
    if fmt:
        return fmt
    low = path.lower()
    for ext, f in ((".parquet", "parquet"), (".csv", "csv"), (".jsonl", "jsonl"), (".ndjson", "jsonl"),
                   (".geojson", "geojson"), (".json", "geojson")):
        if low.endswith(ext):
            return f
    raise ExportError(f"cannot tell the format from {path!r}: use --format {'|'.join(FORMATS)}")


def table_sql(table: str) -> str:
    if table == "polecat":
        return POLECAT_SQL
    if table not in TABLES:
        raise ExportError(f"unknown table {table!r}; known: polecat, {', '.join(TABLES)}")
    order = {"documents": "id", "errors": "input", "event_clusters": "cluster_id, doc_id, event_idx",
             "mentions": "doc_id, entity_idx, idx", "journeys": "doc_id, idx, stop_idx"}.get(table, "doc_id, idx")
    cols = ", ".join(f'"{c}"' for c, _ in TABLES[table] if c != "doc_json")  # the packed record stays inside
    return f"SELECT {cols} FROM {table} ORDER BY {order}"


def export(store: Store, table: str, out: str, fmt: str | None = None) -> int:
    """Write `table` (or 'polecat') to `out`; returns the number of rows (features for GeoJSON)."""
    fmt = infer_format(out, fmt)
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    if fmt == "geojson" and table not in GEO_TABLES:
        raise ExportError(f"GeoJSON export is for {', '.join(GEO_TABLES)}, not {table!r}")
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    if fmt == "geojson":
        return _geojson(store, table, out)
    rows = store.iter_rows(table_sql(table), size=CHUNK)
    return {"parquet": _parquet, "csv": _csv, "jsonl": _jsonl}[fmt](rows, out, table)


def _chunks(rows: Iterator[dict], size: int = CHUNK) -> Iterator[list[dict]]:
    buf: list[dict] = []
    for r in rows:
        buf.append(r)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


def _parquet(rows: Iterator[dict], out: str, table: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer, n, schema = None, 0, None
    try:
        for chunk in _chunks(rows):
            batch = pa.Table.from_pylist(chunk, schema=schema)
            if writer is None:
                schema = _widen(batch.schema)
                batch = batch.cast(schema)
                writer = pq.ParquetWriter(out, schema)
            writer.write_table(batch)
            n += len(chunk)
        if writer is None:  # empty table: still write a file with the right columns
            cols = TABLES.get(table)
            schema = pa.schema([(c, pa.string()) for c, _ in cols]) if cols else pa.schema([])
            pq.write_table(pa.Table.from_pylist([], schema=schema), out)
    finally:
        if writer is not None:
            writer.close()
    return n


def _widen(schema: Any) -> Any:
    """A column that was all-null in the first chunk must still accept strings in later ones."""
    import pyarrow as pa

    return pa.schema([pa.field(f.name, pa.string() if pa.types.is_null(f.type) else f.type) for f in schema])


def _csv(rows: Iterator[dict], out: str, table: str) -> int:
    n = 0
    with open(out, "w", newline="", encoding="utf-8") as fh:
        w = None
        for r in rows:
            if w is None:
                w = csv.DictWriter(fh, fieldnames=list(r))
                w.writeheader()
            w.writerow(r)
            n += 1
        if w is None and table in TABLES:
            csv.writer(fh).writerow([c for c, _ in TABLES[table]])
    return n


def _jsonl(rows: Iterator[dict], out: str, table: str) -> int:
    n = 0
    with open(out, "wb") as fh:
        for r in rows:
            fh.write(orjson.dumps(r, default=str) + b"\n")
            n += 1
    return n


def _geojson(store: Store, table: str, out: str) -> int:
    """Points for events and places (skipping unresolved ones); one LineString per journey."""
    n = 0
    with open(out, "wb") as fh:
        fh.write(b'{"type": "FeatureCollection", "features": [\n')
        for feat in _features(store, table):
            fh.write((b",\n" if n else b"") + orjson.dumps(feat, default=str))
            n += 1
        fh.write(b"\n]}\n")
    return n


def _features(store: Store, table: str) -> Iterator[dict]:
    if table in ("events", "places"):
        drop = {"lat", "lon", "doc_json"}
        for r in store.iter_rows(f"SELECT * FROM {table} WHERE lat IS NOT NULL AND lon IS NOT NULL "
                                 "ORDER BY doc_id, idx", size=CHUNK):
            yield {"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                   "properties": {k: v for k, v in r.items() if k not in drop}}
        return
    cur: list[dict] = []
    for r in store.iter_rows("SELECT * FROM journeys ORDER BY doc_id, idx, stop_idx", size=CHUNK):
        if cur and (r["doc_id"], r["idx"]) != (cur[0]["doc_id"], cur[0]["idx"]):
            yield from _journey_feature(cur)
            cur = []
        cur.append(r)
    if cur:
        yield from _journey_feature(cur)


def _journey_feature(stops: list[dict]) -> Iterator[dict]:
    pts = [[s["lon"], s["lat"]] for s in stops if s["lat"] is not None and s["lon"] is not None]
    if not pts:
        return
    geom = {"type": "LineString", "coordinates": pts} if len(pts) > 1 else {"type": "Point", "coordinates": pts[0]}
    s0 = stops[0]
    yield {"type": "Feature", "geometry": geom, "properties": {
        "doc_id": s0["doc_id"], "journey": s0["idx"], "person": s0["person"], "person_entity": s0["person_entity"],
        "stops": [{k: s[k] for k in ("name", "date", "role", "certainty", "country_code", "start", "end", "text")}
                  for s in stops]}}
