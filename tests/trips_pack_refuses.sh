#!/bin/sh
# The build packs the page's trips with tools/trips_pack: a trips file with an error is refused, the error named
# with its line, and no pack written (the build stops there); the shipped file packs and unpacks whole.
#   tests/trips_pack_refuses.sh TRIPS_PACK assets/trips.json
set -u
tool=$1
source=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sed '0,/"mode": "train"/s//"mode": "boat"/' "$source" > "$dir/trips.json"
if "$tool" "$dir/trips.json" "$dir/trips.bin" 2> "$dir/errors"; then
  echo "trips_pack packed a file with an error"
  exit 1
fi
if ! grep -q 'trips\.json:[0-9][0-9]*: .*"boat"' "$dir/errors"; then
  cat "$dir/errors"
  echo "trips_pack did not name the error with its line"
  exit 1
fi
if [ -e "$dir/trips.bin" ]; then
  echo "trips_pack wrote a pack of a file with an error"
  exit 1
fi
"$tool" "$source" "$dir/trips.bin" && "$tool" --check "$dir/trips.bin"
