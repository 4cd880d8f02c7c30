"""Readers: files, folders, globs, JSONL, CSV/TSV, WARC and HTML in; a stream of `Record`s out.

Why a stream of records that may carry an error: a corpus run must never stop on one bad input, and
every bad input must reach the `errors` table with where it came from (`locator`) and why. Readers
hold one record at a time, so memory stays constant however big the archive is.
"""

from __future__ import annotations

import csv
import glob
import gzip
import io
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

TEXT_KEYS = ("text", "body", "content", "article", "maintext")
JSONL_EXT = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
JSON_EXT = (".json", ".json.gz")
CSV_EXT = (".csv", ".tsv", ".csv.gz", ".tsv.gz")
WARC_EXT = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_EXT = (".html", ".htm", ".xhtml")
SKIP_NAMES = {".DS_Store", "Thumbs.db"}


@dataclass
class Record:
    """One would-be document, or the reason it cannot be one."""

    locator: str
    data: str | bytes | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    ext_id: str | None = None
    html: bool | None = None
    error: str | None = None
    kind: str = "input"


def expand(inputs: Iterable[str]) -> Iterator[str | Record]:
    """Paths for files, folders (recursively, sorted) and globs; a Record error for what is missing."""
    for raw in inputs:
        if raw == "-":
            yield raw
            continue
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith(".") and f not in SKIP_NAMES:
                        yield os.path.join(root, f)
        elif p.is_file():
            yield raw
        elif glob.has_magic(raw):
            hits = sorted(glob.glob(raw, recursive=True))
            if not hits:
                yield Record(raw, error=f"{raw}: glob matches no file")
            for h in hits:
                if os.path.isdir(h):
                    yield from expand([h])
                else:
                    yield h
        else:
            yield Record(raw, error=f"{raw}: no such file or directory")


def kind_of(path: str) -> str:
    low = path.lower()
    if low.endswith(JSONL_EXT):
        return "jsonl"
    if low.endswith(JSON_EXT):
        return "json"
    if low.endswith(CSV_EXT):
        return "csv"
    if low.endswith(WARC_EXT):
        return "warc"
    if low.endswith(HTML_EXT):
        return "html"
    return "text"


def read_records(inputs: Iterable[str], text_column: str | None = None) -> Iterator[Record]:
    """Every record of every input, in a stable order (so locators are stable across re-runs)."""
    for item in expand(inputs):
        if isinstance(item, Record):
            yield item
            continue
        if item == "-":
            yield from _jsonl(io.BufferedReader(sys.stdin.buffer), "stdin", text_column)  # type: ignore[arg-type]
            continue
        try:
            size = os.path.getsize(item)
        except OSError as exc:
            yield Record(item, error=f"{item}: cannot read ({exc.strerror})")
            continue
        if size == 0:
            yield Record(item, error=f"{item}: zero-byte file", kind="empty")
            continue
        kind = kind_of(item)
        try:
            if kind == "jsonl":
                with _open(item) as fh:
                    yield from _jsonl(fh, item, text_column)
            elif kind == "json":
                yield from _json(item, text_column)
            elif kind == "csv":
                yield from _csv(item, text_column)
            elif kind == "warc":
                yield from _warc(item)
            else:
                with open(item, "rb") as fh:
                    data = fh.read()
                yield Record(item, data=data, html=True if kind == "html" else None)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield Record(item, error=f"{item}: cannot read ({getattr(exc, 'strerror', None) or exc})")


def _open(path: str) -> io.BufferedIOBase:
    return gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")  # type: ignore[return-value]


def _meta(obj: dict, rec: Record) -> Record:
    for key in ("published", "date", "publish_date", "date_publish"):
        if obj.get(key):
            rec.published = str(obj[key])[:10]
            break
    rec.source = _str(obj.get("source") or obj.get("source_domain") or obj.get("publisher"))
    rec.url = _str(obj.get("url"))
    rec.ext_id = _str(obj.get("id"))
    return rec


def _str(v: object) -> str | None:
    return None if v is None or v == "" else str(v)


def _text_of(obj: dict, text_column: str | None) -> object:
    if text_column:
        return obj.get(text_column)
    for k in TEXT_KEYS:
        if obj.get(k):
            return obj[k]
    return None


def _jsonl(fh: io.BufferedIOBase, name: str, text_column: str | None) -> Iterator[Record]:
    for n, line in enumerate(fh, 1):
        loc = f"{name}:{n}"
        if not line.strip():
            continue
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield Record(loc, error=f"{loc}: corrupt JSONL line ({str(exc).split(':')[0]})", kind="parse")
            continue
        if not isinstance(obj, dict):
            yield Record(loc, error=f"{loc}: JSONL line is not an object", kind="parse")
            continue
        text = _text_of(obj, text_column)
        if not isinstance(text, str) or not text.strip():
            want = text_column or "/".join(TEXT_KEYS)
            yield Record(loc, error=f"{loc}: no text in field {want}", kind="empty")
            continue
        yield _meta(obj, Record(loc, data=text, html=obj.get("html") if isinstance(obj.get("html"), bool) else None))


def _json(path: str, text_column: str | None) -> Iterator[Record]:
    """A .json file: one article object, or a list of them."""
    with _open(path) as fh:
        data = fh.read()
    try:
        obj = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        yield Record(path, error=f"{path}: corrupt JSON ({str(exc).split(':')[0]})", kind="parse")
        return
    items = obj if isinstance(obj, list) else [obj]
    for n, it in enumerate(items, 1):
        loc = f"{path}[{n}]" if isinstance(obj, list) else path
        text = _text_of(it, text_column) if isinstance(it, dict) else None
        if not isinstance(text, str) or not text.strip():
            yield Record(loc, error=f"{loc}: no article text ({text_column or '/'.join(TEXT_KEYS)} field)", kind="parse")
            continue
        yield _meta(it, Record(loc, data=text))


def _csv(path: str, text_column: str | None) -> Iterator[Record]:
    csv.field_size_limit(50 * 1024 * 1024)
    delim = "\t" if ".tsv" in path.lower() else ","
    raw = _open(path)
    with io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="") as fh:
        reader = csv.DictReader(fh, delimiter=delim)
        col = text_column
        n = 1
        try:
            fields = reader.fieldnames or []
            if col is None:
                col = next((k for k in TEXT_KEYS if k in fields), None)
            if col is None or col not in fields:
                yield Record(path, error=f"{path}: no text column ({text_column or '/'.join(TEXT_KEYS)}) in header",
                             kind="parse")
                return
            for row in reader:
                n = reader.line_num
                loc = f"{path}:{n}"
                text = row.get(col)
                if not text or not text.strip():
                    yield Record(loc, error=f"{loc}: empty {col!r} cell", kind="empty")
                    continue
                yield _meta(row, Record(loc, data=text))
        except UnicodeDecodeError:
            yield Record(f"{path}:{n + 1}", error=f"{path}: not UTF-8 after line {n}", kind="decode")
        except csv.Error as exc:
            yield Record(f"{path}:{n + 1}", error=f"{path}: broken CSV after line {n} ({exc})", kind="parse")


def _warc(path: str) -> Iterator[Record]:
    """HTML responses (and plain-text resources) from a WARC; the target URI is the document's url."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with open(path, "rb") as fh:
        magic = fh.read(5)
        fh.seek(0)
        if magic[:2] != b"\x1f\x8b" and magic not in (b"WARC/", b"filed"):
            yield Record(path, error=f"{path}: not a WARC file", kind="parse")
            return
        it = ArchiveIterator(fh, arc2warc=True)
        try:
            for rec in it:
                if rec.rec_type not in ("response", "resource", "conversion"):
                    continue
                uri = rec.rec_headers.get_header("WARC-Target-URI")
                ctype = ""
                if rec.http_headers is not None:
                    status = rec.http_headers.get_statuscode()
                    if status and not status.startswith("2"):
                        continue
                    ctype = rec.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = rec.rec_headers.get_header("Content-Type") or ""
                ctype = ctype.lower()
                if ctype and "html" not in ctype and not ctype.startswith("text/"):
                    continue
                data = rec.content_stream().read()
                loc = f"{path}@{it.get_record_offset()}"
                if not data.strip():
                    yield Record(loc, error=f"{loc}: empty WARC record", kind="empty")
                    continue
                yield Record(loc, data=data, url=uri, html=True if "html" in ctype else None)
        except ArchiveLoadFailed as exc:
            yield Record(path, error=f"{path}: broken WARC ({str(exc).splitlines()[0]})", kind="parse")


def count_records(inputs: Iterable[str], limit_bytes: int = 2 << 30) -> int | None:
    """A cheap total for the progress bar (lines for JSONL/CSV, files otherwise); None if too costly."""
    total, seen = 0, 0
    for item in expand(inputs):
        if isinstance(item, Record):
            total += 1
            continue
        if item == "-":
            return None
        kind = kind_of(item)
        try:
            size = os.path.getsize(item)
        except OSError:
            total += 1
            continue
        if kind == "warc" or item.lower().endswith(".gz"):
            return None
        if kind in ("jsonl", "csv"):
            seen += size
            if seen > limit_bytes:
                return None
            with open(item, "rb") as fh:
                n = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
            total += max(1, n - (1 if kind == "csv" else 0))
        else:
            total += 1
    return total
