#!/usr/bin/env bash
# Install everything the tool needs on a fresh Debian 12 machine (idempotent; run as root or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(python3-venv poppler-utils tesseract-ocr tesseract-ocr-tha fonts-thai-tlwg chromium catdoc redis-server
              libreoffice-writer-nogui libreoffice-calc-nogui
              libtesseract-dev libleptonica-dev pkg-config g++)  # the last four build tesserocr on Debian's Tesseract
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv" >&2
  "$PYTHON" -m venv .venv
fi
# tesserocr built from source links the same libtesseract as the `tesseract` command (PyPI's wheel carries its own).
.venv/bin/python -c "import tesserocr" 2>/dev/null \
  || .venv/bin/python -m pip install -q --disable-pip-version-check --no-binary tesserocr "tesserocr>=2.7" 2>&1 \
  | grep -v "is ignored" >&2 || true
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]" 2>&1 | grep -v "is ignored" >&2 || true
.venv/bin/python -c "import oit, scrapy, pymupdf, pythainlp, tesserocr" || { echo "setup: Python packages failed to install" >&2; exit 1; }
