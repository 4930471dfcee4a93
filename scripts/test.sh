#!/usr/bin/env bash
# Set up (if needed) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# One test process per core, at most four (each builds the example once for itself); a test file stays
# in one process, so the outputs a file builds once are shared by its tests. Give -n 0 to run in one.
workers="$(nproc 2>/dev/null || echo 1)"
[ "$workers" -gt 4 ] && workers=4
exec .venv/bin/python -m pytest -n "$workers" --dist loadfile "$@"
