"""`newsevents query ...` and `newsevents export ...`: the store from the command line.

Both are thin: filters go straight to `newsevents.store.query`, the same functions the web API uses,
so the CLI and the API can never disagree about what a filter means.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from typing import Any

import click
import orjson

from ..cli import fail
from .query import parse_bbox, parse_near

_TABLE_COLS = {
    "events": ["doc_id", "idx", "type", "date", "actor", "target", "place", "country_code", "certainty", "source",
               "cluster_id", "text"],
    "quotes": ["doc_id", "idx", "speaker", "kind", "date", "published", "text"],
    "places": ["doc_id", "idx", "text", "name", "country_code", "lat", "lon", "role"],
    "journeys": ["doc_id", "idx", "person", "stops"],
    "documents": ["id", "published", "source", "headline", "n_words", "n_events", "n_quotes"],
    "errors": ["input", "kind", "stage", "reason"],
    "clusters": ["cluster_id", "size", "date", "reports"],
}


def _geo(parse: Callable[[str | None], Any], value: str | None) -> Any:
    """--near / --bbox, checked by the query module's parsers (the API uses the same ones)."""
    try:
        return parse(value)
    except ValueError as exc:
        fail(f"--{exc}")


def _open(store_path: str):  # noqa: ANN202
    from ..store import StoreError, open_store

    try:
        return open_store(store_path, read_only="://" not in store_path)
    except StoreError as exc:
        fail(str(exc))


@click.command("query")
@click.argument("what", type=click.Choice(list(_TABLE_COLS)))
@click.option("--store", "store_path", default="newsevents.duckdb", show_default=True)
@click.option("--type", "type_", default=None, help="PLOVER event type.")
@click.option("--actor", default=None, help="Actor or target name (substring).")
@click.option("--country", default=None, help="ISO 3166-1 alpha-2 code.")
@click.option("--near", default=None, help="LAT,LON,KM: within KM of a point.")
@click.option("--bbox", default=None, help="MINLON,MINLAT,MAXLON,MAXLAT.")
@click.option("--from", "date_from", default=None, help="YYYY-MM-DD, inclusive.")
@click.option("--to", "date_to", default=None, help="YYYY-MM-DD, inclusive.")
@click.option("--certainty", default=None, help="asserted, reported, alleged, hedged, denied, hypothetical.")
@click.option("--speaker", default=None, help="Quote speaker, or who reported an event (substring).")
@click.option("--person", default=None, help="Journey traveller (substring).")
@click.option("--kind", default=None, help="Quote kind, or error kind.")
@click.option("--cluster", default=None, help="Event cluster id.")
@click.option("--q", "q", default=None, help="Free-text substring.")
@click.option("--doc", "doc_id", default=None, help="Only this document id.")
@click.option("--limit", type=click.IntRange(0, 10_000), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
def query(what: str, store_path: str, type_: str | None, actor: str | None, country: str | None, near: str | None,
          bbox: str | None, date_from: str | None, date_to: str | None, certainty: str | None, speaker: str | None,
          person: str | None, kind: str | None, cluster: str | None, q: str | None, doc_id: str | None, limit: int,
          offset: int, fmt: str) -> None:
    """List events, quotes, places, journeys, documents, errors or clusters from a store, filtered."""
    from ..store import query as Q

    fn = Q.QUERIES[what]
    given = {"type": type_, "actor": actor, "country": country, "near": _geo(parse_near, near),
             "bbox": _geo(parse_bbox, bbox), "date_from": date_from, "date_to": date_to, "certainty": certainty,
             "speaker": speaker, "person": person, "kind": kind, "cluster": cluster, "q": q, "doc_id": doc_id}
    accepted = set(inspect.signature(fn).parameters)
    wrong = [k for k, v in given.items() if v is not None and k not in accepted]
    if wrong:
        names = {"type": "type", "date_from": "from", "date_to": "to", "doc_id": "doc"}
        fail(f"query {what} does not filter by {', '.join('--' + names.get(w, w) for w in wrong)}")
    st = _open(store_path)
    try:
        rows = fn(st, **{k: v for k, v in given.items() if v is not None}, limit=limit, offset=offset)
    except Exception as exc:  # a store from another schema version, a bad value...
        fail(f"query failed: {str(exc).splitlines()[0]}")
    finally:
        st.close()
    if fmt == "json":
        click.echo(orjson.dumps(rows, default=str, option=orjson.OPT_INDENT_2).decode())
    elif fmt == "jsonl":
        for r in rows:
            click.echo(orjson.dumps(r, default=str).decode())
    else:
        _table(what, rows)


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        if v and isinstance(v[0], dict):
            return " > ".join(str(x.get("name") or x.get("source") or "") for x in v)
        return ", ".join(map(str, v))
    s = str(v)
    return s if len(s) <= 80 else s[:77] + "..."


def _table(what: str, rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    cols = _TABLE_COLS[what]
    t = Table(title=f"{len(rows)} {what}", show_lines=False)
    for c in cols:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*[_cell(r.get(c)) for c in cols])
    Console(soft_wrap=False).print(t)


@click.command("export")
@click.argument("table")
@click.option("--store", "store_path", default="newsevents.duckdb", show_default=True)
@click.option("-o", "--out", required=True, help="Output file; the format follows its extension.")
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "jsonl", "geojson"]), default=None)
def export(table: str, store_path: str, out: str, fmt: str | None) -> None:
    """Export TABLE (documents, entities, mentions, places, times, quotes, events, journeys, errors,
    event_clusters, or polecat) to Parquet, CSV, JSONL or GeoJSON (events, places, journeys)."""
    from ..store.export import ExportError
    from ..store.export import export as do_export

    st = _open(store_path)
    try:
        n = do_export(st, table, out, fmt)
    except ExportError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{out}: cannot write ({exc.strerror})")
    finally:
        st.close()
    click.echo(f"{n} rows -> {out}", err=True)
    sys.exit(0)
