"""The store's tables, declared once and rendered for DuckDB and PostgreSQL.

Why one declaration: the two back ends must hold the same rows, so the column lists, the row
builders and the DDL all come from `TABLES`. Child tables are keyed by (doc_id, idx...) so a
document's rows are written and replaced as a unit, and a re-run can never duplicate them.
"""

from __future__ import annotations

import zlib
from typing import Any

import orjson

from ..schema import Document, Ref

# column type names are abstract; `ddl()` maps them to each dialect
TABLES: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("id", "TEXT"), ("input", "TEXT"), ("source", "TEXT"), ("url", "TEXT"), ("published", "TEXT"),
        ("language", "TEXT"), ("headline", "TEXT"), ("dateline_place", "TEXT"), ("n_chars", "INT"),
        ("n_words", "INT"), ("n_entities", "INT"), ("n_places", "INT"), ("n_times", "INT"),
        ("n_quotes", "INT"), ("n_events", "INT"), ("n_journeys", "INT"), ("warnings", "JSON"),
        ("schema_version", "TEXT"), ("text", "TEXT"), ("doc_json", "BLOB"),
    ],
    "entities": [
        ("doc_id", "TEXT"), ("idx", "INT"), ("entity_id", "TEXT"), ("name", "TEXT"), ("type", "TEXT"),
        ("titles", "JSON"), ("aliases", "JSON"), ("nationality", "TEXT"), ("gender", "TEXT"),
        ("n_mentions", "INT"),
    ],
    "mentions": [
        ("doc_id", "TEXT"), ("entity_idx", "INT"), ("idx", "INT"), ("entity_id", "TEXT"),
        ("start", "INT"), ("end", "INT"), ("text", "TEXT"), ("kind", "TEXT"),
    ],
    "places": [
        ("doc_id", "TEXT"), ("idx", "INT"), ("start", "INT"), ("end", "INT"), ("text", "TEXT"),
        ("name", "TEXT"), ("country_code", "TEXT"), ("lat", "FLOAT"), ("lon", "FLOAT"),
        ("geonames_id", "BIGINT"), ("admin1", "TEXT"), ("feature", "TEXT"), ("confidence", "FLOAT"),
        ("role", "TEXT"), ("reason", "TEXT"),
    ],
    "times": [
        ("doc_id", "TEXT"), ("idx", "INT"), ("start", "INT"), ("end", "INT"), ("text", "TEXT"),
        ("value", "TEXT"), ("type", "TEXT"), ("granularity", "TEXT"), ("anchor", "TEXT"), ("time_id", "TEXT"),
    ],
    "quotes": [
        ("doc_id", "TEXT"), ("idx", "INT"), ("start", "INT"), ("end", "INT"), ("text", "TEXT"),
        ("kind", "TEXT"), ("speaker_entity", "TEXT"), ("speaker", "TEXT"), ("speaker_start", "INT"),
        ("speaker_end", "INT"), ("cue", "TEXT"), ("addressee", "TEXT"), ("confidence", "FLOAT"),
        ("date", "TEXT"),
    ],
    "events": [
        ("doc_id", "TEXT"), ("idx", "INT"), ("start", "INT"), ("end", "INT"), ("text", "TEXT"),
        ("type", "TEXT"), ("mode", "TEXT"), ("actor_entity", "TEXT"), ("actor", "TEXT"),
        ("target_entity", "TEXT"), ("target", "TEXT"), ("place", "TEXT"), ("lat", "FLOAT"),
        ("lon", "FLOAT"), ("country_code", "TEXT"), ("geonames_id", "BIGINT"), ("date", "TEXT"),
        ("sentence_start", "INT"), ("sentence_end", "INT"), ("sentence", "TEXT"), ("certainty", "TEXT"),
        ("negated", "BOOL"), ("historical", "BOOL"), ("reported_by", "TEXT"), ("confidence", "FLOAT"),
        ("attrs", "JSON"),
    ],
    "journeys": [
        ("doc_id", "TEXT"), ("idx", "INT"), ("stop_idx", "INT"), ("person_entity", "TEXT"),
        ("person", "TEXT"), ("name", "TEXT"), ("lat", "FLOAT"), ("lon", "FLOAT"), ("date", "TEXT"),
        ("start", "INT"), ("end", "INT"), ("text", "TEXT"), ("role", "TEXT"), ("certainty", "TEXT"),
        ("country_code", "TEXT"),
    ],
    "errors": [
        ("input", "TEXT"), ("doc_id", "TEXT"), ("kind", "TEXT"), ("stage", "TEXT"), ("reason", "TEXT"),
    ],
    "event_clusters": [
        ("cluster_id", "TEXT"), ("doc_id", "TEXT"), ("event_idx", "INT"), ("type", "TEXT"), ("date", "TEXT"),
        ("place", "TEXT"), ("country_code", "TEXT"), ("actor", "TEXT"), ("target", "TEXT"),
        ("source", "TEXT"), ("published", "TEXT"), ("certainty", "TEXT"), ("size", "INT"),
    ],
}

KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("id",),
    "entities": ("doc_id", "idx"),
    "mentions": ("doc_id", "entity_idx", "idx"),
    "places": ("doc_id", "idx"),
    "times": ("doc_id", "idx"),
    "quotes": ("doc_id", "idx"),
    "events": ("doc_id", "idx"),
    "journeys": ("doc_id", "idx", "stop_idx"),
    "errors": ("input",),
    "event_clusters": ("doc_id", "event_idx"),
}

# tables filled from a Document, in write order
DOC_TABLES = ("documents", "entities", "mentions", "places", "times", "quotes", "events", "journeys")

_TYPES = {
    "duckdb": {"TEXT": "VARCHAR", "INT": "INTEGER", "BIGINT": "BIGINT", "FLOAT": "DOUBLE", "BOOL": "BOOLEAN", "JSON": "VARCHAR",
               "BLOB": "BLOB"},
    "postgresql": {"TEXT": "TEXT", "INT": "INTEGER", "BIGINT": "BIGINT", "FLOAT": "DOUBLE PRECISION", "BOOL": "BOOLEAN",
                   "JSON": "TEXT", "BLOB": "BYTEA"},
}


def q(name: str) -> str:
    """Quote a column name: `start`, `end` and `text` are keywords in one dialect or the other."""
    return f'"{name}"'


def ddl(dialect: str) -> list[str]:
    types = _TYPES[dialect]
    out = []
    for table, cols in TABLES.items():
        body = ", ".join(f"{q(c)} {types[t]}" for c, t in cols)
        key = ", ".join(q(k) for k in KEYS[table])
        out.append(f"CREATE TABLE IF NOT EXISTS {table} ({body}, PRIMARY KEY ({key}))")
    return out


def columns(table: str) -> list[str]:
    return [c for c, _ in TABLES[table]]


def pack_doc(doc: Document) -> bytes:
    """The whole Document as zlib-compressed JSON: the faithful record, at a fifth of the size."""
    return zlib.compress(doc.model_dump_json().encode("utf-8"), 1)


def unpack_doc(blob: bytes | str) -> dict:
    if isinstance(blob, str):
        return orjson.loads(blob)
    return orjson.loads(zlib.decompress(bytes(blob)))


def _json(value: Any) -> str:
    return orjson.dumps(value).decode()


def _ref(ref: Ref | None) -> tuple[str | None, str | None]:
    return (ref.entity, ref.name) if ref is not None else (None, None)


def doc_rows(doc: Document, input_ref: str | None = None) -> dict[str, list[tuple]]:
    """Every row one document contributes, table by table, in `TABLES` column order."""
    d = doc.id
    rows: dict[str, list[tuple]] = {t: [] for t in DOC_TABLES}
    rows["documents"].append((
        d, input_ref, doc.source, doc.url, doc.published, doc.language,
        doc.headline.text if doc.headline else None, doc.dateline.place if doc.dateline else None,
        len(doc.text), len(doc.text.split()), len(doc.entities), len(doc.places), len(doc.times),
        len(doc.quotes), len(doc.events), len(doc.journeys), _json(doc.warnings), doc.schema_version,
        doc.text, pack_doc(doc),
    ))
    for i, e in enumerate(doc.entities):
        rows["entities"].append((d, i, e.id, e.name, e.type, _json(e.titles), _json(e.aliases), e.nationality,
                                 e.gender, len(e.mentions)))
        for j, m in enumerate(e.mentions):
            rows["mentions"].append((d, i, j, e.id, m.start, m.end, m.text, m.kind))
    for i, p in enumerate(doc.places):
        rows["places"].append((d, i, p.start, p.end, p.text, p.name, p.country_code, p.lat, p.lon, p.geonames_id,
                               p.admin1, p.feature, p.confidence, p.role, p.reason))
    for i, t in enumerate(doc.times):
        rows["times"].append((d, i, t.start, t.end, t.text, t.value, t.type, t.granularity, t.anchor, t.id))
    for i, qt in enumerate(doc.quotes):
        sp_ent, sp_name = _ref(qt.speaker)
        rows["quotes"].append((
            d, i, qt.start, qt.end, qt.text, qt.kind, sp_ent, sp_name,
            qt.speaker_span.start if qt.speaker_span else None, qt.speaker_span.end if qt.speaker_span else None,
            qt.cue.text if qt.cue else None, qt.addressee.name if qt.addressee else None, qt.confidence, qt.date,
        ))
    for i, ev in enumerate(doc.events):
        a_ent, a_name = _ref(ev.actor)
        t_ent, t_name = _ref(ev.target)
        pl = ev.place
        rows["events"].append((
            d, i, ev.start, ev.end, ev.text, ev.type, ev.mode, a_ent, a_name, t_ent, t_name,
            pl.name if pl else None, pl.lat if pl else None, pl.lon if pl else None,
            pl.country_code if pl else None, pl.geonames_id if pl else None, ev.date,
            ev.sentence.start, ev.sentence.end, doc.text[ev.sentence.start:ev.sentence.end], ev.certainty,
            ev.negated, ev.historical, ev.reported_by.name if ev.reported_by else None, ev.confidence,
            _json(ev.attrs),
        ))
    for i, jn in enumerate(doc.journeys):
        p_ent, p_name = _ref(jn.person)
        for j, s in enumerate(jn.stops):
            rows["journeys"].append((d, i, j, p_ent, p_name, s.name, s.lat, s.lon, s.date, s.start, s.end, s.text,
                                     s.role, s.certainty, s.country_code))
    return rows
