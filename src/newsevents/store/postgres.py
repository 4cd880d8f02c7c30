"""PostgreSQL back end (`--store postgresql://...`): the same tables as DuckDB, written with COPY.

When the PostGIS extension can be created, places, events and journeys get a generated
`geom geography(Point)` column for spatial indexes; every other column is identical to DuckDB's, so
the two stores hold the same rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from . import Store, StoreError, qmarks_to_pyformat
from .schema import KEYS, q

_GEO_TABLES = ("places", "events", "journeys")


class PostgresStore(Store):
    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - psycopg is a dependency
            raise StoreError("PostgreSQL stores need psycopg: pip install 'psycopg[binary]'") from exc
        self.target = url
        try:
            self.con = psycopg.connect(url, autocommit=True, connect_timeout=5)
        except psycopg.Error as exc:
            msg = (str(exc).strip().splitlines() or ["connection failed"])[-1].strip()
            raise StoreError(f"cannot connect to PostgreSQL ({msg})") from exc
        self.init_schema()

    def init_schema(self) -> None:
        super().init_schema()
        # a server store is queried while it grows: index what `store.query` filters on most
        for t, c in (("events", "type"), ("events", "country_code"), ("events", "date"), ("quotes", "speaker"),
                     ("places", "country_code"), ("journeys", "person"), ("event_clusters", "cluster_id")):
            self._execute(f"CREATE INDEX IF NOT EXISTS {t}_{c}_idx ON {t} ({q(c)})")
        try:
            self._execute("CREATE EXTENSION IF NOT EXISTS postgis")
            self.has_postgis = True
        except Exception:
            self.has_postgis = False
        if self.has_postgis:
            for t in _GEO_TABLES:
                self._execute(
                    f"ALTER TABLE {t} ADD COLUMN IF NOT EXISTS geom geography(Point, 4326) GENERATED ALWAYS AS "
                    "(CASE WHEN lat IS NOT NULL AND lon IS NOT NULL THEN "
                    "ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography END) STORED"
                )
                self._execute(f"CREATE INDEX IF NOT EXISTS {t}_geom_idx ON {t} USING GIST (geom)")

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cur = self.con.cursor()
        cur.execute(qmarks_to_pyformat(sql) if params else sql, list(params) if params else None)
        return cur

    def _insert(self, table: str, rows: list[tuple], fresh: bool = False) -> None:
        """COPY into a temporary table, then INSERT ... ON CONFLICT DO NOTHING: fast and idempotent."""
        from .schema import columns

        cols = ", ".join(q(c) for c in columns(table))
        keys = ", ".join(q(k) for k in KEYS[table])
        tmp = f"_nev_{table}"
        cur = self.con.cursor()
        cur.execute(f"CREATE TEMP TABLE IF NOT EXISTS {tmp} (LIKE {table} EXCLUDING ALL) ON COMMIT DELETE ROWS")
        with cur.copy(f"COPY {tmp} ({cols}) FROM STDIN") as cp:
            for r in rows:
                cp.write_row(r)
        cur.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {tmp} ON CONFLICT ({keys}) DO NOTHING")
        cur.execute(f"DELETE FROM {tmp}")

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict]:
        cur = self._execute(sql, params)
        if cur.description is None:
            return []
        names = [d.name for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def iter_rows(self, sql: str, params: Sequence[Any] = (), size: int = 5000) -> Iterator[dict]:
        with self.con.cursor() as cur:
            cur.execute(qmarks_to_pyformat(sql) if params else sql, list(params) if params else None)
            names = [d.name for d in cur.description]
            while True:
                chunk = cur.fetchmany(size)
                if not chunk:
                    break
                for r in chunk:
                    yield dict(zip(names, r, strict=True))

    def close(self) -> None:
        try:
            self.con.close()
        except Exception:
            pass
