#!/usr/bin/env bash
# Set up newsevents and run it on the bundled sample articles: a readable summary of each.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
while IFS=$'\t' read -r f pub; do
  case "$f" in "#"*|"") continue;; esac
  f=samples/$f
  echo "==================== $f"
  newsevents extract "$f" --published "$pub" --format text
done < samples/published.tsv
