#!/usr/bin/env bash
# Keep the message catalogs in step with the code (see digicharter/i18n.py).
#   scripts/messages.sh          extract every message and merge new ones into each catalog
#   scripts/messages.sh init fr  start a catalog for another language
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL="${PYBABEL:-.venv/bin/pybabel}"
LOCALE=digicharter/locale
POT="$(mktemp --suffix=.pot)"
SCHEMA_POT="$(mktemp --suffix=.pot)"
trap 'rm -f "$POT" "$SCHEMA_POT"' EXIT
"$PYBABEL" -q extract -F babel.cfg -k N_ --no-location --sort-output --width 120 \
  --project digicharter --copyright-holder "Digicharter" -o "$POT" digicharter
# The editors' help texts (field descriptions, pattern messages): a catalog of their own (digicharter/schema_docs.py, schema_catalog.py).
"${PYTHON:-.venv/bin/python}" -m digicharter.schema_catalog "$SCHEMA_POT"
if [ "${1:-}" = "init" ]; then
  "$PYBABEL" -q init -D digicharter -i "$POT" -d "$LOCALE" -l "${2:?which language, e.g. fr}" --width 120
  "$PYBABEL" -q init -D schema -i "$SCHEMA_POT" -d "$LOCALE" -l "$2" --width 120
else
  "$PYBABEL" -q update -D digicharter -i "$POT" -d "$LOCALE" --width 120 --ignore-obsolete
  "$PYBABEL" -q update -D schema -i "$SCHEMA_POT" -d "$LOCALE" --width 120 --ignore-obsolete
fi
echo "Now translate the new (empty or '#, fuzzy') entries in $LOCALE/*/LC_MESSAGES/digicharter.po and schema.po"
