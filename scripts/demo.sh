#!/usr/bin/env bash
# Set up newsevents and run it on the bundled sample articles: a readable summary of each.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
for f in samples/*.txt; do
  echo "==================== $f"
  newsevents extract "$f" --format text
done
