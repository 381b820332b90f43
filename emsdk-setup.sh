#!/usr/bin/env bash
# emsdk-setup.sh: install everything this project needs, on a fresh Debian bookworm machine that reaches
# only Debian's packages and the npm registry. Idempotent: a second run checks and returns in seconds.
#
#   1. Debian packages: Emscripten (when no working emcc is on PATH), cmake, Chromium, header-only
#      libraries (doctest, stb, nlohmann-json for the native tools and tests), fonts, brotli, clang for the fuzzers, clang-format for the style check.
#   2. SDL2 2.26.5 and Dear ImGui 1.86 sources from Debian's source archive, checked against the SHA-256
#      below, unpacked into the cache.
#   3. Node packages for the browser tests and asset scripts, exactly as package-lock.json pins them.
#   4. SDL2 built once for wasm into the cache.
#
# The cache lives outside the work tree ($JOURNEYS_CACHE, default ~/.cache/journeys) so fresh clones on the
# same machine reuse it; ./.deps (git-ignored) links to it and is all CMake sees.
#
# Without apt but with internet, install the official emsdk instead (https://emscripten.org, "Download and
# install"), `source emsdk_env.sh`, provide cmake, chromium, doctest, stb and nlohmann-json headers and the
# two source tarballs below, then run this script: it only installs what is missing, and points
# .deps/emscripten (the web preset's toolchain) at whichever Emscripten `em-config` reports.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${JOURNEYS_CACHE:-$HOME/.cache/journeys}"
sdl_version="2.26.5"
imgui_version="1.86"
declare -A sha256=(
  [libsdl2_2.26.5+dfsg.orig.tar.gz]=b3f2c822151804125d08db94c65852f711c2e5df2145a59da120748dc32eb9c3
  [imgui_1.86+ds.orig.tar.xz]=0dace0e8e57d298eb6e93af12dc19420cb96330832f6495c733b90aeeef11f64
)

say()  { printf '\033[1msetup:\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31msetup failed:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- 1. Debian packages ------------------------------------------------------------------------------------
need_pkgs=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
emcc_works() { command -v emcc >/dev/null && NODE_PATH=/usr/share/nodejs emcc --version >/dev/null 2>&1; }

emcc_works || need_pkgs+=(emscripten)
for p in cmake chromium doctest-dev libstb-dev nlohmann-json3-dev fonts-noto-core fonts-noto-cjk python3-fonttools \
         brotli clang clang-format libclang-rt-14-dev dpkg-dev xz-utils; do
  have_pkg "$p" || need_pkgs+=("$p")
done
command -v node >/dev/null || need_pkgs+=(nodejs npm)

src_list=/etc/apt/sources.list.d/journeys-debian-src.sources
need_src=0
for f in "${!sha256[@]}"; do [ -f "$cache/src/$f" ] || need_src=1; done

if [ "${#need_pkgs[@]}" -gt 0 ] || [ "$need_src" -eq 1 ]; then
  command -v apt-get >/dev/null || fail "missing ${need_pkgs[*]:-SDL2/ImGui sources} and no apt-get: see the header of this script"
  if [ "$need_src" -eq 1 ] && ! grep -rqs "^Types:.*deb-src" /etc/apt/sources.list.d/ && \
     ! grep -qs "^deb-src" /etc/apt/sources.list; then
    # Same mirror and suite as the binary entry; only 'main' is needed.
    uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    say "adding a deb-src entry for ${uri:-http://deb.debian.org/debian} bookworm main"
    printf 'Types: deb-src\nURIs: %s\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "${uri:-http://deb.debian.org/debian}" | as_root tee "$src_list" >/dev/null
  fi
  say "apt-get update"
  as_root apt-get update -qq || fail "apt-get update failed (no route to Debian's mirror?)"
  if [ "${#need_pkgs[@]}" -gt 0 ]; then
    say "installing Debian packages: ${need_pkgs[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" \
      || fail "apt-get install ${need_pkgs[*]} failed"
  fi
fi
emcc_works || fail "emcc still does not run (NODE_PATH=/usr/share/nodejs emcc --version)"
command -v chromium >/dev/null || fail "chromium is not on PATH"

# --- 2. SDL2 and ImGui sources from Debian's source archive ------------------------------------------------
mkdir -p "$cache/src"
if [ "$need_src" -eq 1 ]; then
  say "downloading SDL2 $sdl_version and ImGui $imgui_version sources (apt-get source)"
  if ! (cd "$cache/src" && apt-get source --download-only -qq "libsdl2=${sdl_version}+dfsg-1" \
          "imgui=${imgui_version}+ds-1" > "$cache/apt-source.log" 2>&1); then
    grep -v "unsandboxed" "$cache/apt-source.log" >&2 || true  # apt's note about running as root is noise
    fail "apt-get source failed (is a deb-src entry reachable?): see $cache/apt-source.log"
  fi
fi
for f in "${!sha256[@]}"; do
  [ -f "$cache/src/$f" ] || fail "$cache/src/$f was not downloaded"
  echo "${sha256[$f]}  $cache/src/$f" | sha256sum --quiet -c - || fail "checksum mismatch for $f: delete it and rerun"
done
if [ ! -f "$cache/SDL2-$sdl_version/CMakeLists.txt" ]; then
  say "unpacking SDL2"; tar -xzf "$cache/src/libsdl2_${sdl_version}+dfsg.orig.tar.gz" -C "$cache"
fi
# SDL's event log (SDL_LogEvent: 5 KB of code and 4 KB of event names and formats in the page's wasm) runs only
# when the SDL_EVENT_LOGGING hint is set, which the page never does. The function is static, so no linker can
# leave it out: its one call is turned off in the unpacked source, and the build below is keyed on it.
sdl_events="$cache/SDL2-$sdl_version/src/events/SDL_events.c"
sdl_log_call='    if (SDL_EventLoggingVerbosity > 0) {'
sdl_log_off='    if (0) { /* journeys (emsdk-setup.sh): the event log is never on in the page */'
if grep -qxF "$sdl_log_call" "$sdl_events"; then
  sed -i "s|^$sdl_log_call\$|$sdl_log_off|" "$sdl_events"
fi
grep -qxF "$sdl_log_off" "$sdl_events" || fail "$sdl_events: the event log's call is not where expected; update emsdk-setup.sh"
if [ ! -f "$cache/imgui-$imgui_version/imgui.cpp" ]; then
  say "unpacking ImGui"; tar -xJf "$cache/src/imgui_${imgui_version}+ds.orig.tar.xz" -C "$cache"
fi

# Header-only libraries, linked one folder each so that emcc never sees /usr/include itself.
mkdir -p "$cache/include"
ln -sfn /usr/include/doctest "$cache/include/doctest"
ln -sfn /usr/include/stb "$cache/include/stb"
ln -sfn /usr/include/nlohmann "$cache/include/nlohmann"
ln -sfn "$cache/imgui-$imgui_version" "$cache/imgui"
ln -sfn "$cache" "$here/.deps"
# The Emscripten in use (Debian's, or an emsdk's when it is first on PATH): the web preset takes its CMake
# toolchain from .deps/emscripten, so both paths build the same way.
emroot="$(NODE_PATH=/usr/share/nodejs em-config EMSCRIPTEN_ROOT)" || fail "em-config EMSCRIPTEN_ROOT failed"
[ -f "$emroot/cmake/Modules/Platform/Emscripten.cmake" ] || fail "no CMake toolchain under $emroot"
ln -sfn "$emroot" "$cache/emscripten"

# Emscripten's own cache: Debian's prebuilt one is read-only for users and lacks the LTO variants we link
# with, so work on a private copy of it.
if [ ! -d "$cache/emcache" ]; then
  if [ -d "$emroot/cache" ]; then
    say "copying Emscripten's prebuilt cache to $cache/emcache"
    cp -r "$emroot/cache" "$cache/emcache"
  else
    mkdir -p "$cache/emcache"  # an emsdk fills its cache on first use
  fi
fi
export EM_CACHE="$cache/emcache" NODE_PATH=/usr/share/nodejs

# --- 3. Node packages --------------------------------------------------------------------------------------
if [ ! -f "$here/node_modules/.package-lock.json" ] || \
   ! cmp -s "$here/package-lock.json" "$here/node_modules/.journeys-lock"; then
  say "npm ci (browser tests, asset scripts)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci failed"
  cp "$here/package-lock.json" "$here/node_modules/.journeys-lock"
fi

# --- 4. SDL2 for wasm, built once --------------------------------------------------------------------------
sdl_prefix="$cache/sdl2-wasm"
# Only video, events and timers are used: no audio, joystick, haptics or software renderer. A change to these
# flags (or to the Emscripten version) rebuilds it: the build leaves them in a stamp beside the library.
sdl_flags="-DCMAKE_BUILD_TYPE=MinSizeRel -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL_AUDIO=OFF
  -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_SENSOR=OFF -DSDL_POWER=OFF -DSDL_HIDAPI=OFF -DSDL_RENDER=OFF
  -DSDL_THREADS=OFF -DSDL_LOCALE=OFF -DSDL_FILESYSTEM=OFF -DSDL_LOADSO=OFF -DSDL_CPUINFO=OFF -DSDL_MISC=OFF"
sdl_c_flags="-Oz -flto"
sdl_stamp="$sdl_flags $sdl_c_flags no-event-log $(NODE_PATH=/usr/share/nodejs emcc --version | head -1)"
# A library built before stamps existed was built with exactly these flags: it is adopted, not rebuilt.
if [ -f "$sdl_prefix/lib/libSDL2.a" ] && [ ! -f "$sdl_prefix/.journeys-flags" ]; then
  printf '%s' "$sdl_stamp" > "$sdl_prefix/.journeys-flags"
fi
if [ ! -f "$sdl_prefix/lib/libSDL2.a" ] || [ "$(cat "$sdl_prefix/.journeys-flags")" != "$sdl_stamp" ]; then
  say "building SDL2 $sdl_version for wasm (3 to 9 minutes on 2 cores; again only when its flags, its source patch or Emscripten change)"
  rm -rf "$cache/sdl2-build" "$sdl_prefix"
  # shellcheck disable=SC2086  # the flags are words
  emcmake cmake -S "$cache/SDL2-$sdl_version" -B "$cache/sdl2-build" -DCMAKE_INSTALL_PREFIX="$sdl_prefix" \
    $sdl_flags -DCMAKE_C_FLAGS="$sdl_c_flags" > "$cache/sdl2-build.log" 2>&1 \
    || fail "SDL2 configure failed: see $cache/sdl2-build.log"
  cmake --build "$cache/sdl2-build" -j"$(nproc)" --target install >> "$cache/sdl2-build.log" 2>&1 \
    || fail "SDL2 build failed: see $cache/sdl2-build.log"
  printf '%s' "$sdl_stamp" > "$sdl_prefix/.journeys-flags"
fi

say "ready: emcc $(emcc --version | head -1 | grep -o '[0-9]\+\.[0-9]\+\.[0-9]\+' | head -1), SDL2 $sdl_version (wasm), ImGui $imgui_version, $(chromium --version 2>/dev/null | head -1)"
