"""`newsevents extract` and `newsevents schema`."""

from __future__ import annotations

import sys

import click
import orjson

from .cli import fail


@click.command("extract")
@click.argument("path")
@click.option("--published", default=None, help="Publication date, YYYY-MM-DD (else from HTML or dateline).")
@click.option("--source", default=None, help="Publisher name.")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
def extract_cmd(path: str, published: str | None, source: str | None, fmt: str) -> None:
    """Extract one article (PATH, or - for stdin) to JSON or a readable summary on stdout."""
    from .ingest import InputError, decode, read_path
    from .nlp import ModelMissing
    from .pipeline import extract

    try:
        data = read_path(path)
        text = decode(data, "stdin" if path == "-" else path)
        doc = extract(text, published=published, source=source)
    except InputError as exc:
        fail(str(exc))
    except ModelMissing as exc:
        fail(str(exc), 3)
    if fmt == "json":
        sys.stdout.buffer.write(orjson.dumps(doc.model_dump(mode="json"), option=orjson.OPT_INDENT_2) + b"\n")
    else:
        from .summary import render

        click.echo(render(doc))


@click.command("schema")
def schema_cmd() -> None:
    """Print the Document JSON Schema."""
    from .schema import json_schema

    sys.stdout.buffer.write(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2) + b"\n")
