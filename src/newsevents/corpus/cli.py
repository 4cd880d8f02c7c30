"""`newsevents run INPUT... --store PATH`: a corpus into a store, with progress and a summary.

Exit status: 0 when every input became a document (or was already stored), 1 when some inputs went
to the errors table (the run still finished), 2 for a run that could not start.
"""

from __future__ import annotations

import sys

import click
import orjson

from ..cli import fail


def _progress(total: int | None, enabled: bool, verbose: bool):  # noqa: ANN202 - rich objects
    """A rich progress bar on stderr (docs/s, ETA, errors), or plain lines / nothing."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    if not enabled:
        def plain(stats):  # noqa: ANN001, ANN202
            if verbose:
                click.echo(f"committed: written={stats.written} skipped={stats.skipped} errors={stats.errors}", err=True)

        return None, None, plain, console
    prog = Progress(
        SpinnerColumn(), TextColumn("[bold]run"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} docs/s"), TextColumn("[red]{task.fields[errs]} errors"),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=console, transient=False,
    )
    task = prog.add_task("run", total=total, rate=0.0, errs=0)
    import time

    t0 = time.perf_counter()

    def update(stats):  # noqa: ANN001, ANN202
        done = stats.written + stats.skipped + stats.errors
        rate = stats.written / max(1e-6, time.perf_counter() - t0)
        prog.update(task, completed=done, rate=rate, errs=stats.errors)

    return prog, task, update, console


@click.command("run")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--store", "store_path", default="newsevents.duckdb", show_default=True,
              help="DuckDB file, or postgresql://user@host/db.")
@click.option("--workers", type=click.IntRange(1, 256), default=None, help="Parallel processes [default: cores].")
@click.option("--dask", "dask_address", default=None, help="'local' for a LocalCluster, or a scheduler address.")
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=32, show_default=True,
              help="Documents per worker batch (one nlp.pipe call).")
@click.option("--commit-every", "commit_docs", type=click.IntRange(1, 1_000_000), default=256, show_default=True,
              help="Documents per store transaction (also committed every 2 s).")
@click.option("--partition-size", type=click.IntRange(1, 1_000_000), default=1000, show_default=True,
              help="Documents per Dask partition.")
@click.option("--text-column", default=None, help="JSONL/CSV field holding the text [default: text/body/content].")
@click.option("--cluster/--no-cluster", "do_cluster", default=True, show_default=True,
              help="Cluster events across documents into event_clusters after the run.")
@click.option("--progress/--no-progress", default=None, help="Progress bar [default: when stderr is a terminal].")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@click.option("-v", "--verbose", is_flag=True, help="Without a progress bar, print a line per committed batch.")
@click.option("--pipeline", default=None, hidden=True, help="Comma-separated stage names (for tests and benchmarks).")
def run(inputs: tuple[str, ...], store_path: str, workers: int | None, dask_address: str | None, batch_size: int,
        commit_docs: int, partition_size: int, text_column: str | None, do_cluster: bool, progress: bool | None, as_json: bool,
        verbose: bool, pipeline: str | None) -> None:
    """Extract every article in INPUT... (files, folders, globs, JSONL, CSV, WARC, HTML) into a store.

    Re-running skips documents already stored; a run killed at any point resumes without losing or
    duplicating rows. Bad inputs go to the store's errors table and the run carries on.
    """
    from ..pipeline import DEFAULT_PIPELINE, get_stage
    from ..store import StoreError, open_store
    from .readers import count_records, read_records
    from .runner import Runner, default_workers

    stages = tuple(s.strip() for s in pipeline.split(",") if s.strip()) if pipeline is not None else DEFAULT_PIPELINE
    for s in stages:
        try:
            get_stage(s)
        except KeyError as exc:
            fail(str(exc.args[0]))
        except Exception as exc:  # a stage that cannot even import: say which, no traceback
            fail(f"stage {s!r} cannot load ({type(exc).__name__}: {exc})")
    try:
        store = open_store(store_path)
    except StoreError as exc:
        fail(str(exc))
    n_workers = workers or default_workers()
    show = sys.stderr.isatty() if progress is None else progress
    total = count_records(inputs) if show else None
    prog, _task, update, console = _progress(total, show, verbose)
    runner = Runner(store, stages, update, commit_docs=commit_docs)
    try:
        if prog is not None:
            prog.start()
        stats = runner.run(read_records(inputs, text_column), workers=n_workers, batch_size=batch_size,
                           dask=dask_address, partition_size=partition_size)
    except RuntimeError as exc:
        store.close()
        fail(str(exc))
    finally:
        if prog is not None:
            prog.stop()
    summary = stats.as_dict()
    if do_cluster:
        from .dedup import cluster_store

        summary["event_clusters"] = cluster_store(store)
    summary["store"] = store_path if "://" not in store_path else store_path.split("@")[-1]
    summary["rows"] = store.counts()
    store.close()
    _print_summary(summary, console)
    if as_json:
        click.echo(orjson.dumps(summary).decode())
    sys.exit(1 if stats.errors else 0)


def _print_summary(s: dict, console) -> None:  # noqa: ANN001
    from rich.table import Table

    t = Table(title="newsevents run", show_header=False, box=None)
    t.add_row("documents written", f"{s['written']:,}")
    t.add_row("already stored (skipped)", f"{s['skipped']:,}")
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(s["error_kinds"].items()))
    t.add_row("errors", f"{s['errors']:,}" + (f" ({kinds})" if kinds else ""))
    t.add_row("speed", f"{s['docs_per_s']:.1f} docs/s, {s['words_per_s']:,.0f} words/s, {s['seconds']:.1f} s")
    t.add_row("workers", f"{s['workers']} ({s['mode']})")
    if "event_clusters" in s:
        t.add_row("event clusters", f"{s['event_clusters']:,}")
    t.add_row("store", s["store"])
    console.print(t)
    if s["errors"]:
        console.print(f"[red]{s['errors']} inputs went to the errors table: `newsevents query errors` lists them")
