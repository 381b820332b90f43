# Tests that need the web build (build/web) and dist/: the wasm unit tests under node and the browser tests.
# Included by the native "test" preset so that one ctest run counts every test.
set(web "${JOURNEYS_WEB_BUILD_DIR}")
foreach(src ${JOURNEYS_UNIT_TEST_SOURCES})
  get_filename_component(name "${src}" NAME_WE)
  string(REGEX REPLACE "^test_" "" name "${name}")
  add_test(NAME "unit.wasm.${name}"
           COMMAND /bin/sh "${CMAKE_SOURCE_DIR}/tests/run_doctest.sh"
                   /usr/bin/node --no-experimental-fetch "${web}/core_tests.js" "--source-file=*${name}.cpp" --no-intro=true)
endforeach()

file(GLOB JOURNEYS_BROWSER_TESTS CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/browser/*.test.mjs")
foreach(src ${JOURNEYS_BROWSER_TESTS})
  get_filename_component(name "${src}" NAME)
  string(REGEX REPLACE "\\.test\\.mjs$" "" name "${name}")
  add_test(NAME "browser.${name}" COMMAND /usr/bin/node --test --test-reporter=spec "${src}")
  set_tests_properties("browser.${name}" PROPERTIES
    ENVIRONMENT "JOURNEYS_DIST=${CMAKE_SOURCE_DIR}/dist;JOURNEYS_SCREENSHOTS=${CMAKE_SOURCE_DIR}/tests/screenshots"
    TIMEOUT 600 RESOURCE_LOCK chromium)  # a loaded 2-core machine: embed (ten frames) can take 4 min
endforeach()
