# Reliability tests that need other build folders, registered in the "test" preset's ctest run so that one run
# counts every test (./test.sh builds the folder first: cmake --workflow --preset fuzz). One sanitizer build for
# both, so the core is compiled under ASan once, not once per compiler:
#   unit.asan.<name>        the native unit tests built with AddressSanitizer + UBSan (build/fuzz, clang)
#   fuzz.smoke.<target>     each libFuzzer target for 7 s over its seed corpus (build/fuzz, clang)
set(JOURNEYS_FUZZ_BUILD_DIR "${CMAKE_SOURCE_DIR}/build/fuzz" CACHE PATH "Build folder of the fuzz preset")

# detect_leaks: LeakSanitizer on too; halt_on_error: the first finding fails the test.
set(asan_env "ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=1:detect_stack_use_after_return=1;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
journeys_add_unit_tests(unit.asan "${JOURNEYS_FUZZ_BUILD_DIR}/core_tests")
foreach(src ${JOURNEYS_UNIT_TEST_SOURCES})
  get_filename_component(name "${src}" NAME_WE)
  string(REGEX REPLACE "^test_" "" name "${name}")
  set_tests_properties("unit.asan.${name}" PROPERTIES ENVIRONMENT "${asan_env}")
endforeach()

# A fresh work folder per run (new inputs libFuzzer finds go there, the committed seeds stay read-only);
# crash/leak/timeout reproducers go to build/test/fuzz-smoke/<target>/ too.
foreach(t trips map_asset app_state places url_state trips_pack decimal)
  set(work "${CMAKE_BINARY_DIR}/fuzz-smoke/${t}")
  add_test(NAME "fuzz.smoke.${t}"
           COMMAND /bin/sh -c "rm -rf \"$0/new\" && mkdir -p \"$0/new\" && exec \"$1\" -max_total_time=7 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=\"$0/\" \"$0/new\" \"$2\" \"$3\""
                   "${work}" "${JOURNEYS_FUZZ_BUILD_DIR}/fuzz_${t}"
                   "${CMAKE_SOURCE_DIR}/tests/fuzz/corpus/${t}" "${JOURNEYS_FUZZ_BUILD_DIR}/seeds/${t}")
  set_tests_properties("fuzz.smoke.${t}" PROPERTIES ENVIRONMENT "${asan_env}" TIMEOUT 120)
endforeach()
