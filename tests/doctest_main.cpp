// The one translation unit that holds doctest's runner; the test files under tests/unit/ only hold cases.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
