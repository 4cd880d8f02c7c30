#!/usr/bin/env bash
# Set up everything the full test suite needs on a fresh machine, then run it.
set -euo pipefail
cd "$(dirname "$0")/.."
WITH_SYSTEM=1 EXTRAS=test,full bash scripts/setup.sh
. .venv/bin/activate
[ -x scripts/services.sh ] && bash scripts/services.sh start
ruff check src tests
python -m pytest "$@"
