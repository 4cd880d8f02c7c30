"""`newsevents serve`: the API and the page over one store, on uvicorn."""

from __future__ import annotations

import click

from ..cli import fail


@click.command("serve")
@click.option("--store", "store_path", required=True, help="DuckDB file (or postgresql:// URL) written by `newsevents run`.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; loopback unless you mean it.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--max-rows", default=1000, show_default=True, type=click.IntRange(1, 10_000), help="Largest page the API returns.")
@click.option("--max-body", default=1_000_000, show_default=True, type=click.IntRange(1024, 50_000_000), help="Largest request body in bytes (POST /api/extract).")
@click.option("--cache-mb", default=64, show_default=True, type=click.IntRange(0, 4096), help="Answer cache (DuckDB stores only; 0: off).")
@click.option("--no-extract", is_flag=True, help="Turn off POST /api/extract.")
@click.option("--log-level", default="warning", show_default=True, type=click.Choice(["debug", "info", "warning", "error"]))
def serve(store_path: str, host: str, port: int, max_rows: int, max_body: int, cache_mb: int, no_extract: bool,
          log_level: str) -> None:
    """Serve the JSON API (docs at /docs) and the map/timeline page at / over STORE. Works offline."""
    try:
        import uvicorn
    except ImportError:
        fail("serving needs the 'full' extra: pip install 'newsevents[full]'")
    from ..store import StoreError, open_store
    from .app import create_app, loopback_hosts

    is_pg = store_path.startswith(("postgresql://", "postgres://"))
    try:
        store = open_store(store_path, read_only=not is_pg)
    except StoreError as exc:
        fail(str(exc))
    except Exception as exc:  # a driver's own error: still one line
        fail(f"{store_path}: cannot open store ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})")
    allowed = loopback_hosts(host)
    if allowed is None:
        click.echo(f"newsevents: warning: serving on {host}, reachable beyond this machine", err=True)
    app = create_app(
        store, max_rows=max_rows, max_body=max_body,
        # a PostgreSQL store may be written while we serve it: no cache there
        cache_bytes=0 if is_pg else cache_mb << 20,
        allowed_hosts=allowed, allow_extract=not no_extract,
    )
    click.echo(f"newsevents: serving {store_path} on http://{host}:{port}/ (API docs: /docs)", err=True)
    try:
        uvicorn.run(app, host=host, port=port, workers=1, log_level=log_level, access_log=False,
                    h11_max_incomplete_event_size=64 * 1024, limit_concurrency=1000, timeout_keep_alive=5,
                    server_header=False)
    finally:
        app.close()
        store.close()
