# Binaries no older than their sources: a fixture per build output that the test preset's ctest runs (the
# native, sanitizer (fuzz) and web builds and dist/), required by every test that runs that output. If a build failed
# or was skipped, its old binaries would otherwise be tested and pass. tests/check_fresh.sh compares mtimes.
# Included last by CMakeLists.txt (after every test it guards is registered).
set(web "${JOURNEYS_WEB_BUILD_DIR}")
set(unit_sources src/core tests/unit tests/doctest_main.cpp)
function(journeys_fresh name output)   # remaining args: source paths relative to the source dir
  add_test(NAME "fresh.${name}" COMMAND /bin/sh "${CMAKE_SOURCE_DIR}/tests/check_fresh.sh" "${CMAKE_SOURCE_DIR}" "${output}" ${ARGN})
  set_tests_properties("fresh.${name}" PROPERTIES FIXTURES_SETUP "fresh_${name}")
endfunction()

journeys_fresh(native "$<TARGET_FILE:core_tests>" ${unit_sources})
journeys_fresh(wasm "${web}/core_tests.wasm" ${unit_sources})
journeys_fresh(asan "${JOURNEYS_FUZZ_BUILD_DIR}/core_tests" ${unit_sources})
journeys_fresh(dist "${CMAKE_SOURCE_DIR}/dist/sw.js" src web index.html oembed.json assets)
foreach(src ${JOURNEYS_UNIT_TEST_SOURCES})
  get_filename_component(name "${src}" NAME_WE)
  string(REGEX REPLACE "^test_" "" name "${name}")
  foreach(kind native wasm asan)
    set_property(TEST "unit.${kind}.${name}" APPEND PROPERTY FIXTURES_REQUIRED "fresh_${kind}")
  endforeach()
endforeach()
foreach(t trips map_asset app_state places url_state trips_pack decimal)
  journeys_fresh(fuzz.${t} "${JOURNEYS_FUZZ_BUILD_DIR}/fuzz_${t}" src/core tests/fuzz/fuzz_${t}.cpp)
  set_property(TEST "fuzz.smoke.${t}" APPEND PROPERTY FIXTURES_REQUIRED "fresh_fuzz.${t}")
endforeach()
foreach(src ${JOURNEYS_BROWSER_TESTS})
  get_filename_component(name "${src}" NAME)
  string(REGEX REPLACE "\\.test\\.mjs$" "" name "${name}")
  set_property(TEST "browser.${name}" APPEND PROPERTY FIXTURES_REQUIRED "fresh_dist")
endforeach()
