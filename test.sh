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
    # The three build folders share nothing, so they are built side by side: each alone leaves a core idle for long
    # stretches (configure, the app's link with LTO, Closure and wasm-opt, the sanitizer links), and on a 2-core
    # machine the three together keep both busy. Each one's output goes to build/<name>.log and is printed whole when
    # it ends (not interleaved), with its time; a failed build stops the run before ctest (which also refuses
    # binaries older than their sources, tests/fresh_tests.cmake).
    #   web:  build/web, the app into dist/ and the unit tests as wasm
    #   fuzz: build/fuzz, the unit tests under ASan+UBSan and the libFuzzer targets
    #   test: build/test, the native unit tests, the panels' tests and the tools
    # test and fuzz compile without optimisation (CMakePresets.json): their binaries run for seconds, and -O2 -g
    # cost 2.4x the compile time of -O0 (g++, trips.cpp), -O2 -g with ASan+UBSan 3.4x -O0 with line tables (clang).
    # A long fuzzing session (scripts/fuzz.sh) can configure build/fuzz with -DCMAKE_CXX_FLAGS=-O1 for more runs a second.
    mkdir -p build
    names=(web fuzz test)
    pids=()
    for name in "${names[@]}"; do
      (start=$SECONDS; cmake --preset "$name" && cmake --build --preset "$name" && echo "built in $((SECONDS - start)) s") \
        > "build/$name.log" 2>&1 &
      pids+=($!)
    done
    failed=()
    for i in "${!names[@]}"; do
      status=0
      wait "${pids[$i]}" || status=$?
      echo "=== build/${names[$i]}: $([ "$status" -eq 0 ] && echo built || echo "FAILED ($status)"), its output: ==="
      cat "build/${names[$i]}.log"
      [ "$status" -eq 0 ] || failed+=("${names[$i]}")
    done
    if [ ${#failed[@]} -gt 0 ]; then echo "build failed: ${failed[*]}" >&2; exit 1; fi
    echo "=== the builds took $SECONDS s since the start; ctest: ==="
    ctest --preset test                # every test, one run: its closing line counts them all
    echo "=== ./test.sh took $SECONDS s ==="
    ;;
  *)
    echo "usage: ./test.sh [all|unit|web|browser [PATTERN]]" >&2
    exit 2
    ;;
esac
