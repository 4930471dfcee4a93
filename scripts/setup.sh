#!/usr/bin/env bash
# Install everything Digicharter needs, on a fresh Debian/Ubuntu machine or an existing one.
# Idempotent and quick when nothing changed: scripts/build.sh and scripts/test.sh call it first.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: Pango for WeasyPrint (PDFs), HarfBuzz's subsetter (halves PDF writing time),
# Chromium for the browser tests, poppler + zbar to read PDFs and QR codes back in the tests,
# GNU gettext to check the translators' PO files with msgfmt, LibreOffice Impress to open the
# PowerPoint decks the way a director's computer does. DejaVu Sans (fonts-dejavu-core) is the
# system's fallback for scripts our own fonts lack (Cyrillic, Greek); Arabic comes from our own copy.
APT_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
              chromium poppler-utils zbar-tools qpdf gettext libreoffice-impress nodejs npm)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  # Node.js may come from elsewhere than Debian; only ask apt for it when there is no node at all.
  if command -v node >/dev/null && command -v npm >/dev/null; then
    missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
  fi
  read -r -a missing <<<"${missing[*]}"
fi
# Python's venv module (Debian ships it apart) and git (the build dates its outputs by the last commit).
PYTHON="${PYTHON:-python3}"
"$PYTHON" -c "import ensurepip, venv" 2>/dev/null || missing+=(python3-venv)
command -v git >/dev/null || missing+=(git)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python packages in a project-local virtual environment.
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
stamp=.venv/.digicharter-setup
want="$(cat pyproject.toml package-lock.json | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing Python packages"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  # Front-end assets served from the site itself (slides framework, font): no CDN.
  echo "setup: installing front-end assets"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
