"""DuckDB back end: the embedded default, one file, no server.

Bulk inserts go through Arrow tables (one INSERT ... SELECT per table per batch) because DuckDB's
row-by-row `executemany` is orders of magnitude slower than the pipeline it stores.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from . import Store, StoreError
from .schema import KEYS, TABLES, q

_ARROW = {"TEXT": "string", "JSON": "string", "INT": "int64", "BIGINT": "int64", "FLOAT": "float64", "BOOL": "bool",
          "BLOB": "binary"}


class DuckStore(Store):
    dialect = "duckdb"

    def __init__(self, path: str, read_only: bool = False) -> None:
        import duckdb

        self.target = path
        p = Path(path)
        if path != ":memory:":
            if p.is_dir():
                raise StoreError(f"{path}: is a directory, not a store file")
            if read_only and not p.exists():
                raise StoreError(f"{path}: no such store")
            p.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            msg = str(exc).splitlines()[0]
            raise StoreError(f"{path}: cannot open DuckDB store ({msg})") from exc
        if not read_only:
            self.init_schema()
        self._schemas: dict[str, Any] = {}

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.con.execute(sql, list(params)) if params else self.con.execute(sql)

    def _arrow_schema(self, table: str) -> Any:
        import pyarrow as pa

        if table not in self._schemas:
            self._schemas[table] = pa.schema([(c, _ARROW[t]) for c, t in TABLES[table]])
        return self._schemas[table]

    def _insert(self, table: str, rows: list[tuple], fresh: bool = False) -> None:
        """Arrow batch insert; `fresh` rows are known to be new (skips the conflict check)."""
        import pyarrow as pa

        schema = self._arrow_schema(table)
        cols = list(zip(*rows, strict=True))
        batch = pa.Table.from_arrays([pa.array(list(c), type=f.type) for c, f in zip(cols, schema, strict=True)],
                                     schema=schema)
        name = f"_nev_batch_{table}"
        self.con.register(name, batch)
        try:
            keys = ", ".join(q(k) for k in KEYS[table])
            cl = ", ".join(q(c) for c in schema.names)
            tail = "" if fresh else f" ON CONFLICT ({keys}) DO NOTHING"
            self.con.execute(f"INSERT INTO {table} ({cl}) SELECT {cl} FROM {name}{tail}")
        finally:
            self.con.unregister(name)

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict]:
        cur = self._execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def iter_rows(self, sql: str, params: Sequence[Any] = (), size: int = 5000) -> Iterator[dict]:
        cur = self.con.cursor()
        cur.execute(sql, list(params)) if params else cur.execute(sql)
        names = [d[0] for d in cur.description]
        while True:
            chunk = cur.fetchmany(size)
            if not chunk:
                break
            for r in chunk:
                yield dict(zip(names, r, strict=True))
        cur.close()

    def close(self) -> None:
        try:
            self.con.close()
        except Exception:  # closing twice is fine
            pass
