"""Dask glue: a client for `--dask local` (a LocalCluster on this machine) or a scheduler address.

Why separate: importing distributed costs a second and is only needed when asked for.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def dask_client(address: str, workers: int = 2) -> Iterator[Any]:
    """Yield a connected `distributed.Client`; a local cluster is torn down on exit."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - a dependency
        raise RuntimeError("--dask needs dask[distributed]: pip install 'dask[distributed]'") from exc
    if address == "local":
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=logging.CRITICAL)
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
            cluster.close()
    else:
        try:
            client = Client(address, timeout=10)
        except (OSError, TimeoutError) as exc:
            raise RuntimeError(f"cannot reach the Dask scheduler at {address} ({exc})") from exc
        try:
            yield client
        finally:
            client.close()
