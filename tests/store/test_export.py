"""Exports: every format round-trips its rows; GeoJSON carries points and journey lines."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from store_helpers import make_doc

from newsevents.store import open_store
from newsevents.store.cli import export as export_cmd
from newsevents.store.cli import query as query_cmd
from newsevents.store.export import ExportError, export


@pytest.fixture()
def filled(tmp_path):
    path = tmp_path / "e.duckdb"
    with open_store(path) as st:
        st.write([make_doc("Amina marched in Nairobi on Monday with thousands of others."),
                  make_doc("Amina spoke to reporters in Nairobi after the march ended.", published="2024-03-09")])
    return path


def test_tabular_exports(filled, tmp_path):
    with open_store(filled, read_only=True) as st:
        assert export(st, "events", str(tmp_path / "ev.parquet")) == 2
        assert export(st, "documents", str(tmp_path / "docs.csv")) == 2
        assert export(st, "quotes", str(tmp_path / "q.jsonl")) == 2
        assert export(st, "polecat", str(tmp_path / "polecat.csv")) == 2
    t = pq.read_table(tmp_path / "ev.parquet")
    assert t.num_rows == 2 and {"type", "start", "end", "sentence"} <= set(t.column_names)
    rows = list(csv.DictReader(open(tmp_path / "docs.csv", encoding="utf-8")))
    assert "doc_json" not in rows[0] and {r["published"] for r in rows} == {"2024-03-04", "2024-03-09"}
    q = [json.loads(x) for x in open(tmp_path / "q.jsonl", encoding="utf-8")]
    assert q[0]["speaker"] == "Amina Odhiambo"
    pol = list(csv.DictReader(open(tmp_path / "polecat.csv", encoding="utf-8")))
    assert pol[0]["event_type"] == "PROTEST" and pol[0]["country"] == "KE" and pol[0]["actor_name"] == "Amina Odhiambo"


def test_geojson_exports(filled, tmp_path):
    with open_store(filled, read_only=True) as st:
        assert export(st, "events", str(tmp_path / "ev.geojson")) == 2
        assert export(st, "journeys", str(tmp_path / "j.geojson")) == 2
        with pytest.raises(ExportError):
            export(st, "quotes", str(tmp_path / "q.geojson"))
        with pytest.raises(ExportError):
            export(st, "events", str(tmp_path / "ev.xlsx"))
    ev = json.load(open(tmp_path / "ev.geojson"))
    assert ev["features"][0]["geometry"] == {"type": "Point", "coordinates": [36.82, -1.28]}
    j = json.load(open(tmp_path / "j.geojson"))
    assert j["features"][0]["geometry"]["type"] == "LineString"
    assert [s["name"] for s in j["features"][0]["properties"]["stops"]] == ["Nairobi", "Mombasa"]


def test_query_and_export_cli(filled, tmp_path):
    r = CliRunner().invoke(query_cmd, ["events", "--store", str(filled), "--country", "KE", "--format", "json"])
    assert r.exit_code == 0 and len(json.loads(r.output)) == 2
    r = CliRunner().invoke(query_cmd, ["events", "--store", str(filled), "--near", "48.85,2.35,100", "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.output) == []
    r = CliRunner().invoke(query_cmd, ["quotes", "--store", str(filled), "--type", "PROTEST"])
    assert r.exit_code == 2 and "does not filter by --type" in r.output
    r = CliRunner().invoke(query_cmd, ["events", "--store", str(filled), "--near", "1,2"])
    assert r.exit_code == 2 and "--near must be lat,lon,km" in r.output
    r = CliRunner().invoke(query_cmd, ["events", "--store", str(tmp_path / "missing.duckdb")])
    assert r.exit_code == 2 and "no such store" in r.output
    out = tmp_path / "pl.parquet"
    r = CliRunner().invoke(export_cmd, ["places", "--store", str(filled), "-o", str(out)])
    assert r.exit_code == 0 and pq.read_table(out).num_rows == 2


def test_postgis_geometry_when_available():
    from newsevents.store.testing import fresh_pg_store

    st = fresh_pg_store(pytest)
    try:
        if not st.has_postgis:
            pytest.skip("PostGIS extension not installed")
        st.write([make_doc("Amina marched in Nairobi on Monday with thousands of others.")])
        rows = st.fetch("SELECT ST_Y(geom::geometry) AS lat FROM events")
        assert abs(rows[0]["lat"] - (-1.28)) < 1e-9
    finally:
        st.close()
