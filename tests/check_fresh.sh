#!/bin/sh
# check_fresh.sh <source dir> <build output> <path>...: fails when the build output is missing or older than any
# file under the given source paths (relative to the source dir). ctest runs it as a fixture ahead of the tests
# that run that output, so a build that failed (or was never run) cannot leave the tests green on old binaries.
src=$1 out=$2
shift 2
if [ ! -e "$out" ]; then
  echo "check_fresh.sh: $out is missing: build it first (./test.sh builds every preset)" >&2
  exit 1
fi
cd "$src" || exit 1
newer=$(find "$@" -type f ! -name '.*' ! -name 'CMakeLists.txt' ! -name '*.cmake' -newer "$out" | sort)
if [ -n "$newer" ]; then
  echo "check_fresh.sh: $out is older than its sources; rebuild it (./test.sh) before testing. Newer sources:" >&2
  printf '  %s\n' $newer >&2
  exit 1
fi
echo "$out is newer than every file under: $*"
