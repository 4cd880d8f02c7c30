"""The corpus store: an embedded DuckDB file by default, PostgreSQL (+PostGIS) on request.

Public API (small on purpose; the CLI, the corpus runner and the web API all use only this):

    from newsevents.store import open_store, StoreError
    with open_store("news.duckdb") as st:          # or "postgresql://user@host/db"
        st.write(docs, errors=[ErrorRecord(...)], locators={doc.id: "file.jsonl:3"})
        st.write_rows([DocRows(...)], errors)  (rows built elsewhere, e.g. in a worker)
        st.record_error("file.jsonl:9", "corrupt JSONL line", kind="parse")
        st.known_ids(["ab12..."])   -> set of ids already stored (resume)
        st.counts()                 -> {"documents": n, "events": n, ...}
        st.fetch(sql, params)       -> list[dict]   (`?` placeholders in both dialects)
        st.iter_rows(sql, params)   -> Iterator[dict], streamed in chunks
        st.replace_clusters(rows)   -> rewrites `event_clusters`

Read access goes through `newsevents.store.query` (query_events, query_quotes, query_places,
query_journeys, query_documents, get_document, query_errors, stats) and exports through
`newsevents.store.export`.

Why this shape: each `write()` is one transaction holding whole documents (the document row and all
its child rows), so a run killed with `kill -9` leaves either all of a batch or none of it; document
ids are content hashes and every table has a primary key, so re-running can neither skip unfinished
work nor duplicate finished work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..schema import Document
from .schema import DOC_TABLES, KEYS, TABLES, columns, ddl, doc_rows, q

__all__ = ["DocRows", "ErrorRecord", "Store", "StoreError", "open_store", "TABLES"]


class StoreError(RuntimeError):
    """A store we cannot open or write, with a one-line reason."""


@dataclass(frozen=True)
class DocRows:
    """One document as table rows (see `store.schema.doc_rows`): cheap to pickle between processes."""

    doc_id: str
    rows: dict[str, list[tuple]]
    n_words: int = 0


@dataclass(frozen=True)
class ErrorRecord:
    """One input that did not become a document: where it came from and why."""

    input: str
    reason: str
    kind: str = "error"  # decode | parse | empty | duplicate | stage | input
    stage: str | None = None
    doc_id: str | None = None

    def row(self) -> tuple:
        return (self.input, self.doc_id, self.kind, self.stage, self.reason[:2000])


def open_store(target: str | Path, read_only: bool = False) -> Store:
    """Open (creating if needed) a DuckDB file, or a PostgreSQL database for a postgresql:// URL."""
    t = str(target)
    if t.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(t)
    from .duck import DuckStore

    return DuckStore(t, read_only=read_only)


class Store:
    """What both back ends share; subclasses supply connection handling and bulk inserts."""

    dialect = ""
    target = ""
    has_postgis = False

    # ------------------------------------------------------------------ subclass hooks
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def _insert(self, table: str, rows: list[tuple], fresh: bool = False) -> None:
        """Insert rows, ignoring rows whose key is already there (`fresh`: known new, check skipped)."""
        raise NotImplementedError

    def _begin(self) -> None:
        self._execute("BEGIN")

    def _commit(self) -> None:
        self._execute("COMMIT")

    def _rollback(self) -> None:
        self._execute("ROLLBACK")

    def close(self) -> None:
        raise NotImplementedError

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict]:
        raise NotImplementedError

    def iter_rows(self, sql: str, params: Sequence[Any] = (), size: int = 5000) -> Iterator[dict]:
        raise NotImplementedError

    # ------------------------------------------------------------------ shared
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def init_schema(self) -> None:
        for stmt in ddl(self.dialect):
            self._execute(stmt)

    def write(
        self,
        docs: Iterable[Document],
        errors: Iterable[ErrorRecord] = (),
        locators: Mapping[str, str] | None = None,
    ) -> int:
        """Write documents and errors in ONE transaction; return how many documents were new.

        Documents already stored (same content hash) are left as they are, so writing a batch twice
        is harmless.
        """
        loc = locators or {}
        return self.write_rows([DocRows(d.id, doc_rows(d, loc.get(d.id))) for d in docs], errors)

    def write_rows(self, docs: Sequence[DocRows], errors: Iterable[ErrorRecord] = ()) -> int:
        """Like `write`, for rows already built by `doc_rows` (workers build them, the writer inserts)."""
        errors = list(errors)
        fresh: list[DocRows] = []
        if docs:
            known = self.known_ids([d.doc_id for d in docs])
            seen: set[str] = set()
            for d in docs:
                if d.doc_id not in known and d.doc_id not in seen:
                    seen.add(d.doc_id)
                    fresh.append(d)
        tables: dict[str, list[tuple]] = {t: [] for t in DOC_TABLES}
        for d in fresh:
            for t, rows in d.rows.items():
                tables[t].extend(rows)
        err_rows = list({e.input: e.row() for e in errors}.values())
        self._begin()
        try:
            for t in DOC_TABLES:
                if tables[t]:
                    self._insert(t, tables[t], fresh=True)
            if err_rows:
                self._insert("errors", err_rows)
            self._commit()
        except Exception:
            self._rollback()
            raise
        return len(fresh)

    def record_error(self, input: str, reason: str, *, kind: str = "error", stage: str | None = None,
                     doc_id: str | None = None) -> None:
        self.write([], [ErrorRecord(input, reason, kind, stage, doc_id)])

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these document ids are already stored."""
        return self._present("documents", "id", ids)

    def known_inputs(self, inputs: Iterable[str]) -> set[str]:
        """Which input locators already ended in the errors table (so a resume need not redo them)."""
        return self._present("errors", "input", inputs)

    def _present(self, table: str, column: str, values: Iterable[str]) -> set[str]:
        """The subset of `values` found in `table.column`, asked 500 at a time (fixed names, bound values)."""
        values = list(dict.fromkeys(values))
        out: set[str] = set()
        for i in range(0, len(values), 500):
            chunk = values[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = self.fetch(f"SELECT {column} FROM {table} WHERE {column} IN ({marks})", chunk)
            out.update(r[column] for r in rows)
        return out

    def counts(self) -> dict[str, int]:
        return {t: int(self.fetch(f"SELECT count(*) AS n FROM {t}")[0]["n"]) for t in TABLES}

    def replace_clusters(self, rows: list[tuple]) -> None:
        """Rewrite `event_clusters` in one transaction (clustering is recomputed over the corpus)."""
        self._begin()
        try:
            self._execute("DELETE FROM event_clusters")
            if rows:
                self._insert("event_clusters", rows, fresh=True)
            self._commit()
        except Exception:
            self._rollback()
            raise

    def _insert_sql(self, table: str) -> str:
        cols = columns(table)
        marks = ", ".join(self._mark for _ in cols)
        keys = ", ".join(q(k) for k in KEYS[table])
        return (f"INSERT INTO {table} ({', '.join(q(c) for c in cols)}) VALUES ({marks}) "
                f"ON CONFLICT ({keys}) DO NOTHING")

    _mark = "?"


def qmarks_to_pyformat(sql: str) -> str:
    """`?` placeholders (DuckDB) to `%s` (psycopg); a literal % must be doubled for psycopg."""
    return re.sub(r"\?", "%s", sql.replace("%", "%%"))
