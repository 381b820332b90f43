// The one translation unit that holds doctest's runner; the test files under tests/unit/ and tests/ui/ only hold
// cases. The tests know the project's languages as tripcheck does: from the catalogues in assets/lang/.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>

#include "core/language.hpp"

int main(int argc, char** argv) {
  const std::string error = core::add_languages_from(JOURNEYS_SOURCE_DIR "/assets/lang");
  if (!error.empty()) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  doctest::Context context(argc, argv);
  return context.run();
}
