#!/bin/sh
# Fails when a C++ file of ours differs from .clang-format's style; prints the files and how to fix them.
#   tests/check_format.sh REPO_DIR
set -eu
cd "$1"
files=$(git ls-files '*.cpp' '*.hpp' '*.c' ':!:third_party/*')
bad=""
for f in $files; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad="$bad $f"
done
if [ -n "$bad" ]; then
  echo "not in the repo's style (.clang-format):$bad"
  echo "fix: clang-format -i$bad"
  exit 1
fi
echo "$(echo "$files" | wc -w) files in the repo's style"
