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
  # Two browser test files run at once (ctest -j2, each its own Chromium and server): an idle explainer draws
  # nothing, so two fit on 2 cores; measured side by side with every test passing under a parallel build. The
  # longest go first (COST, in seconds of a serial run), so the short ones fill in around them.
  set(cost 30)
  if(name MATCHES "^(labels|theme|language|embed|reader|a11y|explainer|map|video|compare)$")
    set(cost 200)
  endif()
  set_tests_properties("browser.${name}" PROPERTIES
    ENVIRONMENT "JOURNEYS_DIST=${CMAKE_SOURCE_DIR}/dist;JOURNEYS_SCREENSHOTS=${CMAKE_SOURCE_DIR}/tests/screenshots"
    TIMEOUT 900 COST ${cost})  # a loaded 2-core machine: labels (324 states) can take 6 min beside another file
endforeach()
