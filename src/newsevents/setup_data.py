"""Build the offline data newsevents needs, from installed packages only (`python -m newsevents.setup_data`).

Each stage that needs built data registers a builder in `BUILDERS`; builders are idempotent.
"""

from __future__ import annotations

import importlib
import time

# "module:function" run in order; each returns a short description of what it built or found
BUILDERS: list[str] = ["newsevents.places.gazetteer:build"]


def main() -> None:
    for target in BUILDERS:
        module, fn = target.split(":")
        t0 = time.perf_counter()
        what = getattr(importlib.import_module(module), fn)()
        print(f"setup: {what} ({time.perf_counter() - t0:.1f}s)")


if __name__ == "__main__":
    main()
