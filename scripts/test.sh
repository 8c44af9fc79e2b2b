#!/usr/bin/env bash
# Set up, then run the linter and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
# two workers (the machine has 2 cores); loadscope keeps a module's tests, and its module-scoped fixtures, on one worker
exec .venv/bin/python -m pytest -q -n 2 --dist loadscope "$@"
