"""`newsevents bench ...`: one command family, each printing one JSON object.

Each benchmark is a module in this package exposing a click command named `command`; the family
finds them by name, so adding `bench foo` means adding `bench/foo.py`.
"""

from __future__ import annotations

import importlib
import pkgutil

import click

_SKIP = {"common"}


class BenchGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name not in _SKIP and not m.name.startswith("_"))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in _SKIP or name not in self.list_commands(ctx):
            return None
        return getattr(importlib.import_module(f"{__name__}.{name}"), "command", None)


@click.group(cls=BenchGroup)
def bench() -> None:
    """Benchmarks against gold data and peers, in the same run. Each prints one JSON object."""
