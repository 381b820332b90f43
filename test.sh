#!/usr/bin/env bash
# Runs every test the project has: native and wasm unit tests, the browser tests against a fresh dist/.
# Sets up what is missing first (a second setup run takes seconds). ctest's closing line counts them all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./emsdk-setup.sh
# One workflow a line: under set -e a failed build stops the run here (in an `a && b` list it would not).
# ctest also refuses binaries older than their sources (tests/fresh_tests.cmake).
cmake --workflow --preset web     # build/web: the app into dist/, the unit tests as wasm
cmake --workflow --preset asan    # build/asan: the unit tests under ASan+UBSan
cmake --workflow --preset fuzz    # build/fuzz: the libFuzzer targets
cmake --workflow --preset test    # build/test: native unit tests and tools, then ctest runs everything
