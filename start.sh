#!/usr/bin/env bash
# Sets up what is missing, builds the page into dist/ and serves it on http://127.0.0.1:${PORT:-8000}/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./emsdk-setup.sh
cmake --workflow --preset web
port="${PORT:-8000}"
echo
echo "  Open http://127.0.0.1:$port/   (Ctrl+C stops the server)"
echo
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
