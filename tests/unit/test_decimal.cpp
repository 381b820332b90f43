// The core's decimal reader (core/decimal.hpp) against the C library's strtod: glibc's natively, musl's in the
// wasm run. Both round correctly, so every double and every count of characters read must be the same.
#include <doctest/doctest.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "core/decimal.hpp"

namespace {

std::uint64_t bits_of(double v) {
  std::uint64_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}

// Reads `text` both ways; the same double to the bit (so -0 is not 0) and the same characters read.
void same_as_strtod(const std::string& text) {
  char* end = nullptr;
  const double want = std::strtod(text.c_str(), &end);
  double got = 1;
  const std::size_t read = core::read_decimal(text, got);
  CAPTURE(text);
  CHECK(read == static_cast<std::size_t>(end - text.c_str()));
  CHECK(bits_of(got) == bits_of(want));
}

// The exact decimal midway between x and the next double up: in long double it is exact (64 or 113 bits of
// mantissa hold a double's 53 and the one more bit of the midpoint), printed with every digit.
std::string midpoint_after(double x) {
  const long double mid = (static_cast<long double>(x) + static_cast<long double>(std::nextafter(x, HUGE_VAL))) / 2;
  char text[1200];
  std::snprintf(text, sizeof text, "%.800Le", mid);
  std::string s = text;
  // Trailing zeros of the mantissa say nothing; drop them so "one more digit" lands right after the last one.
  const std::size_t e = s.find('e');
  std::size_t cut = e;
  while (cut > 0 && s[cut - 1] == '0') --cut;
  return s.substr(0, cut) + s.substr(e);
}

}  // namespace

TEST_CASE("decimal: what strtod reads, and where it stops") {
  for (const char* text : {"0",
                           "-0",
                           "+0",
                           "1",
                           "-1",
                           "+3.25",
                           ".5",
                           "5.",
                           "-.5",
                           "00012",
                           "0.000123",
                           "1e5",
                           "1E-5",
                           "1e+05",
                           "1e",
                           "1e+",
                           "1e-x",
                           "2.5e",
                           "-",
                           "+",
                           ".",
                           ".e5",
                           "e5",
                           "",
                           "abc",
                           "12abc",
                           "1.2.3",
                           "--1",
                           "1,5",
                           "3.139",
                           "0.1",
                           "21.0285",
                           "125.7625",
                           "-7",
                           "1e400",
                           "-1e400",
                           "1e-400",
                           "-1e-400",
                           "0e999999999999",
                           "1e-99999999999999999999",
                           "1e99999999999999999999",
                           "9007199254740993",
                           "9007199254740995",
                           "2.2250738585072011e-308",
                           "2.2250738585072012e-308",
                           "2.2250738585072014e-308",
                           "4.9406564584124654e-324",
                           "2.4703282292062327e-324",
                           "2.4703282292062328e-324",
                           "1.7976931348623157e308",
                           "1.7976931348623158e308",
                           "1.7976931348623159e308",
                           "179769313486231580793728971405301e276",
                           "123456789012345678901234567890123456789012345678901234567890123456789012.5",
                           "0.30000000000000004",
                           "1.00000000000000011102230246251565404236316680908203125",  // 1 + 2^-53: a tie, to even (1)
                           "1.00000000000000011102230246251565404236316680908203126",  // just above it: up
                           "8.98846567431158e307",
                           "4.35014e-310",
                           "1e23",
                           "1e22",
                           "3e22",
                           "123456789e30",
                           "1e-22",
                           "1e-23"})
    same_as_strtod(text);
}

TEST_CASE("decimal: texts longer than the reader keeps, and far-off points") {
  // 900 significant digits: the reader keeps 800 and remembers that the rest was not all zeros.
  std::string ones(900, '1');
  same_as_strtod(ones);
  same_as_strtod("0." + ones);
  same_as_strtod(ones + "e-900");
  same_as_strtod("1" + std::string(1000, '0') + "e-1000");
  same_as_strtod("0." + std::string(1000, '0') + "1e1001");
  same_as_strtod(std::string(400, '0') + "7.5");
  // A tie decided only by a digit past the kept ones: 1 + 2^-53 (a tie) with a 1 far behind it rounds up.
  const std::string tie = "1.00000000000000011102230246251565404236316680908203125";
  same_as_strtod(tie + std::string(900, '0'));
  same_as_strtod(tie + std::string(900, '0') + "1");
}

TEST_CASE("decimal: random doubles printed every way read back as strtod reads them") {
  std::mt19937_64 random(20261203);
  char text[64];
  for (int i = 0; i < 20000; ++i) {
    double x;
    do {
      const std::uint64_t b = random();
      std::memcpy(&x, &b, sizeof x);
    } while (!std::isfinite(x));
    if (i % 4 == 0) x = std::ldexp(static_cast<double>(random() >> 11), -static_cast<int>(random() % 60));  // nearer 1
    const int digits = 1 + static_cast<int>(random() % 20);
    std::snprintf(text, sizeof text, i % 2 ? "%.*e" : "%.*g", digits, x);
    same_as_strtod(text);
  }
}

TEST_CASE("decimal: ties between two doubles go to the even one, and a hair past a tie goes past it") {
  std::mt19937_64 random(7);
  for (int i = 0; i < 600; ++i) {
    double x;
    if (i % 3 == 0) {  // subnormals too
      x = std::ldexp(static_cast<double>(random() % (std::uint64_t(1) << 52)), -1074);
    } else {
      const std::uint64_t b = random() & ~(std::uint64_t(1) << 63);
      std::memcpy(&x, &b, sizeof x);
      if (!std::isfinite(x) || x == DBL_MAX) continue;
    }
    const std::string mid = midpoint_after(x);
    same_as_strtod(mid);
    const std::size_t e = mid.find('e');
    same_as_strtod(mid.substr(0, e) + "000001" + mid.substr(e));  // just above the tie
    std::string below = mid;                                      // just below it: the last digit one less
    if (below[e - 1] > '1') {
      --below[e - 1];
      same_as_strtod(below);
    }
  }
}

TEST_CASE("decimal: random digit strings with a point anywhere and any exponent") {
  std::mt19937_64 random(11);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    if (random() % 4 == 0) text += '-';
    const int length = 1 + static_cast<int>(random() % 40);
    const int point = static_cast<int>(random() % (length + 1));
    for (int k = 0; k < length; ++k) {
      if (k == point) text += '.';
      text += static_cast<char>('0' + random() % 10);
    }
    if (random() % 3 != 0) text += "e" + std::to_string(static_cast<int>(random() % 700) - 350);
    same_as_strtod(text);
  }
}

TEST_CASE("decimal: hex floats, inf and nan are not plain decimals: read as strtod would not") {
  double v = 1;
  CHECK(core::read_decimal("0x1p3", v) == 1);  // the 0 only (strtod: 8, all five characters)
  CHECK(v == 0);
  CHECK(core::read_decimal("inf", v) == 0);
  CHECK(core::read_decimal("-nan", v) == 0);
  CHECK(core::read_decimal("Infinity", v) == 0);
}

TEST_CASE("decimal: the C entry reads no further than the length it is given") {
  std::size_t used = 0;
  CHECK(journeys_read_decimal("12.5e3 and more", 4, &used) == 12.5);
  CHECK(used == 4);
  CHECK(journeys_read_decimal("x", 1, &used) == 0);
  CHECK(used == 0);
}

namespace {

// Formats `v` both ways with `precision`: the same characters as the C library's printf.
void same_as_printf(double v, int precision) {
  char want[1100];
  std::snprintf(want, sizeof want, "%.*g", precision, v);
  CAPTURE(v);
  CAPTURE(precision);
  CHECK(core::format_general(v, precision) == want);
  std::snprintf(want, sizeof want, "%.*f", precision, v);
  CHECK(core::format_fixed(v, precision) == want);
}

}  // namespace

TEST_CASE("decimal: %g and %f as printf writes them") {
  for (double v : {0.0,
                   -0.0,
                   1.0,
                   -1.0,
                   0.5,
                   1.5,
                   2.5,
                   -2.5,
                   0.05,
                   0.15,
                   0.25,
                   0.35,
                   9.5,
                   99.95,
                   999999.5,
                   1e-5,
                   1.5e-5,
                   0.0001,
                   0.00012345,
                   123456.0,
                   1234567.0,
                   1e15,
                   1e16,
                   1e17,
                   1e21,
                   1e22,
                   1e23,
                   0.1,
                   0.2,
                   0.3,
                   3.139,
                   21.0285,
                   125.7625,
                   39.0392,
                   0.999999,
                   0.9999995,
                   9.9999996,
                   1e300,
                   1e-300,
                   4.9406564584124654e-324,
                   2.2250738585072014e-308,
                   1.7976931348623157e308,
                   0.25,
                   0.125,
                   1.0 / 3})
    for (int precision : {0, 1, 2, 3, 4, 6, 10, 15, 16, 17, 20}) same_as_printf(v, precision);
  CHECK(core::format_general(HUGE_VAL, 6) == "inf");
  CHECK(core::format_general(-HUGE_VAL, 6) == "-inf");
  CHECK(core::format_fixed(std::nan(""), 2) == "nan");
}

TEST_CASE("decimal: random doubles in %g and %f, every precision, as printf writes them") {
  std::mt19937_64 random(3);
  for (int i = 0; i < 4000; ++i) {
    double x;
    if (i % 2 == 0) {  // near the numbers we write: coordinates, hours, zooms, speeds
      x = std::ldexp(static_cast<double>(random() >> 11), -static_cast<int>(random() % 64)) * (random() % 2 ? 1 : -1);
    } else {
      do {
        const std::uint64_t b = random();
        std::memcpy(&x, &b, sizeof x);
      } while (!std::isfinite(x));
    }
    same_as_printf(x, static_cast<int>(random() % 18));
  }
}

// The significant digits of a number's text: no sign, point, exponent, or zeros before the first or after the last.
static std::string significant_digits(const std::string& text) {
  std::string d;
  for (char c : text.substr(0, text.find_first_of("eE")))
    if (c >= '0' && c <= '9' && !(d.empty() && c == '0')) d += c;
  while (!d.empty() && d.back() == '0') d.pop_back();
  return d;
}

TEST_CASE("decimal: the shortest text that reads back, trying 15 to 17 digits, has the fewest digits of any") {
  std::mt19937_64 random(5);
  for (int i = 0; i < 3000; ++i) {
    double x;
    if (i % 2 == 0) {  // short decimals: coordinates, hours, zooms
      x = static_cast<double>(static_cast<std::int64_t>(random() % 2000000) - 1000000) /
          std::pow(10.0, static_cast<double>(random() % 8));
    } else {
      do {
        const std::uint64_t b = random();
        std::memcpy(&x, &b, sizeof x);
      } while (!std::isfinite(x));
    }
    std::string fewest;  // %g at 1, 2, … digits until one reads back
    for (int digits = 1; digits <= 17; ++digits) {
      fewest = core::format_general(x, digits);
      if (std::strtod(fewest.c_str(), nullptr) == x) break;
    }
    const std::string shortest = core::format_shortest(x);
    CAPTURE(x);
    CHECK(std::strtod(shortest.c_str(), nullptr) == x);
    CHECK(significant_digits(shortest) == significant_digits(fewest));
  }
  CHECK(core::format_shortest(0.1) == "0.1");
  CHECK(core::format_shortest(39.0392) == "39.0392");
  CHECK(core::format_shortest(30) == "30");  // not "3e+01", as %.1g writes it
  CHECK(core::format_shortest(1e-7) == "1e-07");
  CHECK(core::format_shortest(1.0 / 3) == "0.3333333333333333");
}
