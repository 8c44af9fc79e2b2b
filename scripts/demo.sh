#!/usr/bin/env bash
# Set up, then check the bundled sample อบต. website served on 127.0.0.1 (reports in ./oit-demo/report).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m sitegen demo "$@"
