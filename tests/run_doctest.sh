#!/bin/sh
# Runs one doctest binary (native, under node, or under ASan: the command is "$@") and fails unless it exited 0
# AND ran at least one test case: doctest exits 0 when a --source-file filter matches nothing, so a renamed or
# misspelt file would otherwise be a silent green. The output is passed through for ctest's log.
out=$("$@" 2>&1)
rc=$?
printf '%s\n' "$out"
[ "$rc" -eq 0 ] || exit "$rc"
# doctest's summary: "[doctest] test cases: 12 | 12 passed | 0 failed | 0 skipped" (coloured under node: the
# escape sequences are taken out first).
esc=$(printf '\033')
if ! printf '%s\n' "$out" | sed "s/${esc}\[[0-9;]*m//g" | grep -Eq '^\[doctest\] test cases: *[1-9][0-9]* \| *[1-9][0-9]* passed \| *0 failed'; then
  echo "run_doctest.sh: no test case ran (does the --source-file filter match a file?)" >&2
  exit 1
fi
