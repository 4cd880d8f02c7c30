"""Helpers for tests that need a real PostgreSQL (started by `scripts/services.sh start`).

Why here and not in a conftest: the store and corpus test packages both need them. Outside CI a
missing server skips those tests; with CI=true it fails them, so CI can never pass by skipping.
"""

from __future__ import annotations

import os

DEFAULT_URL = "postgresql://postgres@127.0.0.1:55432/newsevents_test"


def pg_url() -> str:
    return os.environ.get("NEWSEVENTS_PG_URL", DEFAULT_URL)


def fresh_pg_store(pytest):  # noqa: ANN001, ANN201 - pytest module passed in to keep it out of imports
    """An empty PostgreSQL store, or skip (fail under CI=true) when the server is unreachable."""
    from . import StoreError, open_store
    from .schema import TABLES

    url = pg_url()
    try:
        st = open_store(url)
    except StoreError as exc:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"PostgreSQL is required in CI: {exc} (did scripts/services.sh start run?)")
        pytest.skip(f"PostgreSQL not reachable at {url}: {exc}")
    for t in TABLES:
        st._execute(f"DROP TABLE IF EXISTS {t} CASCADE")
    st.init_schema()
    return st
