"""The `newsevents` command line.

Sub-commands live next to the code they drive and are imported lazily, so `newsevents extract`
does not pay for Dask or FastAPI. Add a command by adding one line to `_LAZY`.
"""

from __future__ import annotations

import importlib
import sys

import click

# command name -> "module:attribute" holding a click command
_LAZY = {
    "extract": "newsevents.cli_extract:extract_cmd",
    "bench": "newsevents.bench:bench",
    "run": "newsevents.corpus.cli:run",
    "query": "newsevents.store.cli:query",
    "export": "newsevents.store.cli:export",
    "serve": "newsevents.api.cli:serve",
    "schema": "newsevents.cli_extract:schema_cmd",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(n for n in _LAZY if self._load(n) is not None)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return self._load(name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        target = _LAZY.get(name)
        if not target:
            return None
        module, attr = target.split(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError):
            return None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsevents")
def cli() -> None:
    """Turn news articles into source-linked events, places, times, quotes and journeys."""


def fail(message: str, code: int = 2) -> None:
    """One line on stderr and a non-zero exit: never a traceback for bad input."""
    click.echo(f"newsevents: error: {message}", err=True)
    sys.exit(code)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        fail("interrupted", 130)


if __name__ == "__main__":
    main()
