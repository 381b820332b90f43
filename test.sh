#!/usr/bin/env bash
# Runs every test the project has: native and wasm unit tests, the browser tests against a fresh dist/.
# Sets up what is missing first (a second setup run takes seconds). ctest's closing line counts them all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./emsdk-setup.sh
cmake --workflow --preset web     # build/web: the app into dist/, the unit tests as wasm
cmake --workflow --preset asan && cmake --workflow --preset fuzz  # build/asan, build/fuzz: unit tests under ASan+UBSan, fuzzers
cmake --workflow --preset test    # build/test: native unit tests and tools, then ctest runs everything
