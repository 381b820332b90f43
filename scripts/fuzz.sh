#!/usr/bin/env bash
# Fuzzes every parser of outside input with libFuzzer (ASan + UBSan on), each for the given time, and prints
# the executions and crashes of each target. Not part of ./test.sh, which runs a 7-second smoke of each.
#   scripts/fuzz.sh [seconds-per-target, default 60] [target ...]   (targets: trips map_asset app_state places url_state trips_pack decimal)
# The corpus grows across runs in build/fuzz/corpus/<target>/ (seeded from tests/fuzz/corpus/ and the shipped
# assets); a crash, leak, timeout or out-of-memory input is saved to build/fuzz/artifacts/<target>/ and the
# command exits 1. Reproduce one with: build/fuzz/fuzz_<target> <file>
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(trips map_asset app_state places url_state trips_pack decimal)

cmake --workflow --preset fuzz >/dev/null   # build/fuzz: clang, -fsanitize=fuzzer,address,undefined

export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
summary=()
failed=0
for t in "${targets[@]}"; do
  bin="build/fuzz/fuzz_$t"
  [ -x "$bin" ] || { echo "unknown target: $t" >&2; exit 2; }
  work="build/fuzz/corpus/$t" artifacts="build/fuzz/artifacts/$t" log="build/fuzz/fuzz_$t.log"
  mkdir -p "$work" "$artifacts"
  before=$(find "$artifacts" -type f | wc -l)
  echo "== fuzz_$t: ${seconds} s (log: $log)"
  set +e
  "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$work" "tests/fuzz/corpus/$t" "build/fuzz/seeds/$t" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
  if [ -z "$execs" ]; then  # a crash ends the run before the final stats: take the last status line
    execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
  fi
  crashes=$(( $(find "$artifacts" -type f | wc -l) - before ))
  [ "$rc" -eq 0 ] || [ "$crashes" -gt 0 ] || crashes=1   # failed without writing an input (e.g. startup)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 || true)
  line=$(printf '%-16s %10s executions  %3d crashes  %s  corpus %s files' "fuzz_$t" "${execs:-0}" "$crashes" "$cov" \
         "$(find "$work" -type f | wc -l)")
  echo "$line"
  summary+=("$line")
  if [ "$crashes" -gt 0 ]; then
    failed=1
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -5 | sed 's/^/    /' || true
  fi
done
echo
echo "== summary (${seconds} s per target)"
printf '%s\n' "${summary[@]}"
exit $failed
