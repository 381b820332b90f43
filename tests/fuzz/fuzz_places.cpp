// libFuzzer target: the map labels loader (assets/places.json) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/places.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const core::PlacesResult result = core::load_places(text, "places.json");
  (void)result;
  return 0;
}
