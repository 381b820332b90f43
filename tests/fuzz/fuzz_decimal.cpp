// libFuzzer target: the core's decimal reader, core::read_decimal, which reads every number of JSON, links and
// setState. Differential: for any text, it must read the same characters and the same double (to the bit) as
// the C library's strtod, except where strtod reads what is not a plain decimal (hex floats, inf, nan).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/decimal.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);  // strtod needs the NUL after it
  double ours = 1;
  const std::size_t read = core::read_decimal(text, ours);
  char* end = nullptr;
  const double theirs = std::strtod(text.c_str(), &end);
  const std::size_t they_read = static_cast<std::size_t>(end - text.c_str());
  // Not a plain decimal where strtod starts reading: spaces first, or a hex float, inf or nan.
  const char* at = text.c_str();
  if (*at == ' ' || (*at >= '\t' && *at <= '\r')) return 0;
  if (*at == '+' || *at == '-') ++at;
  if ((at[0] == '0' && (at[1] == 'x' || at[1] == 'X')) || std::strchr("iInN", *at) != nullptr) return 0;
  if (read != they_read || std::memcmp(&ours, &theirs, sizeof ours) != 0) {
    std::fprintf(stderr, "fuzz_decimal: \"%s\": read %zu characters as %.17g, strtod %zu as %.17g\n", text.c_str(),
                 read, ours, they_read, theirs);
    std::abort();
  }
  return 0;
}
