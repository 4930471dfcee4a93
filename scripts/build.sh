#!/usr/bin/env bash
# Set up (if needed) and build everything: the website with its downloads, into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/digicharter build "$@"
