#!/usr/bin/env bash
# The project's tests, in stages (CI runs `all`, the default):
#   ./test.sh               every test: native, wasm and ASan unit tests, fuzz smoke, browser tests (what CI runs)
#   ./test.sh unit          the native unit tests and the fallback-text check (build/native; about a minute)
#   ./test.sh web           the web build into dist/ and the unit tests as wasm under node
#   ./test.sh browser [PAT] the web build, then the browser test files whose name contains PAT (all without PAT),
#                           e.g. `./test.sh browser reader`; one test: add NODE_TEST_ARGS='--test-name-pattern=…'
# Sets up what is missing first (a second setup run takes seconds). ctest's closing line counts them all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
stage="${1:-all}"
case "$stage" in
  unit)
    cmake --workflow --preset native
    ;;
  web)
    ./emsdk-setup.sh
    cmake --workflow --preset web
    (cd build/web && /usr/bin/node --no-experimental-fetch core_tests.js)
    ;;
  browser)
    ./emsdk-setup.sh
    cmake --workflow --preset web
    shopt -s nullglob
    files=(tests/browser/*"${2:-}"*.test.mjs)
    if [ ${#files[@]} -eq 0 ]; then echo "no browser test file matches '${2:-}'" >&2; exit 2; fi
    # shellcheck disable=SC2086
    JOURNEYS_DIST="$PWD/dist" JOURNEYS_SCREENSHOTS="$PWD/tests/screenshots" \
      /usr/bin/node --test --test-reporter=spec ${NODE_TEST_ARGS:-} "${files[@]}"
    ;;
  all)
    ./emsdk-setup.sh
    # One workflow a line: under set -e a failed build stops the run here (in an `a && b` list it would not).
    # ctest also refuses binaries older than their sources (tests/fresh_tests.cmake).
    cmake --workflow --preset web     # build/web: the app into dist/, the unit tests as wasm
    cmake --workflow --preset fuzz    # build/fuzz: the unit tests under ASan+UBSan and the libFuzzer targets
    cmake --workflow --preset test    # build/test: native unit tests and tools, then ctest runs everything
    ;;
  *)
    echo "usage: ./test.sh [all|unit|web|browser [PATTERN]]" >&2
    exit 2
    ;;
esac
