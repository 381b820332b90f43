#include "core/decimal.hpp"

#include <cstdint>
#include <cstring>

namespace core {
namespace {

// The number 0.d[0]d[1]…d[count-1] × 10^point, its digits as values 0-9. `truncated`: nonzero digits past the
// buffer were dropped; they can only matter where the rest is exactly halfway between two doubles.
struct Decimal {
  static constexpr int kDigits = 800;  // more than the 767 significant digits of a halfway point between doubles
  unsigned char d[kDigits];
  int count = 0;
  long long point = 0;  // wide: a long text's zeros can move it far
  bool truncated = false;
};

void trim(Decimal& a) {
  while (a.count > 0 && a.d[a.count - 1] == 0) --a.count;
  if (a.count == 0) a.point = 0;
}

// A digit shifted left by this many bits, plus the carry, stays below 2^64.
constexpr int kMaxShift = 60;

// a × 2^k, for 0 < k <= kMaxShift: a multiplication from the last digit up.
void shift_left(Decimal& a, int k) {
  unsigned char out[Decimal::kDigits + 20];  // 2^60 adds at most 19 digits
  int w = sizeof out;
  std::uint64_t n = 0;
  for (int r = a.count - 1; r >= 0; --r) {
    n += std::uint64_t(a.d[r]) << k;
    out[--w] = static_cast<unsigned char>(n % 10);
    n /= 10;
  }
  for (; n > 0; n /= 10) out[--w] = static_cast<unsigned char>(n % 10);
  const int produced = int(sizeof out) - w;
  const int keep = produced < Decimal::kDigits ? produced : Decimal::kDigits;
  for (int i = keep; i < produced; ++i)
    if (out[w + i] != 0) a.truncated = true;
  std::memcpy(a.d, out + w, keep);
  a.point += produced - a.count;
  a.count = keep;
  trim(a);
}

// a ÷ 2^k, for 0 < k <= kMaxShift: a long division from the first digit down, in place.
void shift_right(Decimal& a, int k) {
  int r = 0, w = 0;
  std::uint64_t n = 0;
  for (; (n >> k) == 0; ++r) {  // read digits until the quotient's first one is nonzero
    if (r >= a.count) {
      if (n == 0) {
        a.count = 0;
        a.point = 0;
        return;
      }
      while ((n >> k) == 0) {
        n *= 10;
        ++r;
      }
      break;
    }
    n = n * 10 + a.d[r];
  }
  a.point -= r - 1;
  const std::uint64_t mask = (std::uint64_t(1) << k) - 1;
  for (; r < a.count; ++r) {  // w < r: the quotient is written over digits already read
    a.d[w++] = static_cast<unsigned char>(n >> k);
    n = (n & mask) * 10 + a.d[r];
  }
  for (; n > 0; n = (n & mask) * 10) {
    const auto digit = static_cast<unsigned char>(n >> k);
    if (w < Decimal::kDigits)
      a.d[w++] = digit;
    else if (digit > 0)
      a.truncated = true;
  }
  a.count = w;
  trim(a);
}

void shift(Decimal& a, int k) {
  for (; k > kMaxShift; k -= kMaxShift) shift_left(a, kMaxShift);
  for (; k < -kMaxShift; k += kMaxShift) shift_right(a, kMaxShift);
  if (k > 0) shift_left(a, k);
  if (k < 0) shift_right(a, -k);
}

// Whether a, cut after its first `at` digits, rounds up: above half, or exactly half and the digit before is odd.
bool rounds_up(const Decimal& a, long long at) {
  if (at < 0 || at >= a.count) return false;
  if (a.d[at] == 5 && at + 1 == a.count) return a.truncated || (at > 0 && a.d[at - 1] % 2 == 1);
  return a.d[at] >= 5;
}

// The whole number nearest a (a has at most 20 digits before its point here), ties to even.
std::uint64_t rounded_integer(const Decimal& a) {
  std::uint64_t n = 0;
  long long i = 0;
  for (; i < a.point && i < a.count; ++i) n = n * 10 + a.d[i];
  for (; i < a.point; ++i) n *= 10;
  return rounds_up(a, a.point) ? n + 1 : n;
}

constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// Clinger's path: a number of at most 15 digits times or over a power of ten that a double holds exactly is one
// correctly rounded operation. Most numbers we read take it.
bool read_exactly(const Decimal& a, double& out) {
  if (a.count > 15 || a.truncated) return false;
  std::uint64_t digits = 0;
  for (int i = 0; i < a.count; ++i) digits = digits * 10 + a.d[i];
  double f = double(digits);
  long long e = a.point - a.count;
  if (e < -22 || e > 22 + 15) return false;
  if (e < 0) {
    out = f / kPow10[-e];
    return true;
  }
  if (e > 22) {  // move some of the zeros into the whole number, if it stays exact
    f *= kPow10[e - 22];
    if (f > 1e15) return false;
    e = 22;
  }
  out = f * kPow10[e];
  return true;
}

// The slow path (Go's strconv.decimal.floatBits): scale a by powers of two into [1/2, 1), then read off 53 bits.
double read_by_shifting(Decimal& a) {
  constexpr int kMantissaBits = 52, kBias = -1023, kMaxBiased = 2047;
  const double infinity = __builtin_huge_val();
  if (a.count == 0) return 0;
  if (a.point > 310) return infinity;
  if (a.point < -330) return 0;
  // Shift by as many bits as keep the decimal point where it is (10^k ~ 2^(k*3.32)), faster than one at a time.
  static const int kBitsFor[] = {1, 3, 6, 9, 13, 16, 19, 23, 26};
  int exp = 0;
  while (a.point > 0) {
    const int n = a.point >= 9 ? 27 : kBitsFor[a.point];
    shift(a, -n);
    exp += n;
  }
  while (a.point < 0 || (a.point == 0 && a.d[0] < 5)) {
    const int n = -a.point >= 9 ? 27 : kBitsFor[-a.point];
    shift(a, n);
    exp -= n;
  }
  --exp;                  // a is in [1/2, 1); a double's mantissa is in [1, 2)
  if (exp < kBias + 1) {  // below the smallest normal exponent: a subnormal, fewer bits
    shift(a, -(kBias + 1 - exp));
    exp = kBias + 1;
  }
  if (exp - kBias >= kMaxBiased) return infinity;
  shift(a, 1 + kMantissaBits);
  std::uint64_t mantissa = rounded_integer(a);
  if (mantissa == (std::uint64_t(2) << kMantissaBits)) {  // rounding carried into a 54th bit
    mantissa >>= 1;
    if (++exp - kBias >= kMaxBiased) return infinity;
  }
  if ((mantissa & (std::uint64_t(1) << kMantissaBits)) == 0) exp = kBias;  // subnormal
  const std::uint64_t bits =
      (mantissa & ((std::uint64_t(1) << kMantissaBits) - 1)) | (std::uint64_t(exp - kBias) << kMantissaBits);
  double out;
  std::memcpy(&out, &bits, sizeof out);
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::size_t read_decimal(std::string_view text, double& value) {
  value = 0;
  std::size_t i = 0;
  const bool negative = i < text.size() && text[i] == '-';
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  Decimal a;
  bool any_digit = false, after_point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !after_point) {
      after_point = true;
      continue;
    }
    if (!is_digit(c)) break;
    any_digit = true;
    if (a.count == 0 && c == '0') {  // a leading zero: only one after the point moves it
      if (after_point) --a.point;
      continue;
    }
    if (!after_point) ++a.point;
    if (a.count < Decimal::kDigits)
      a.d[a.count++] = static_cast<unsigned char>(c - '0');
    else if (c != '0')
      a.truncated = true;
  }
  if (!any_digit) return 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    const bool exp_negative = j < text.size() && text[j] == '-';
    if (j < text.size() && (text[j] == '-' || text[j] == '+')) ++j;
    if (j < text.size() && is_digit(text[j])) {
      long long e = 0;
      for (; j < text.size() && is_digit(text[j]); ++j)
        if (e < 1000000000000000LL) e = e * 10 + (text[j] - '0');  // far past any double: stays so
      a.point += exp_negative ? -e : e;
      i = j;
    }
  }
  trim(a);
  double magnitude;
  if (!read_exactly(a, magnitude)) magnitude = read_by_shifting(a);
  value = negative ? -magnitude : magnitude;
  return i;
}

}  // namespace core

extern "C" double journeys_read_decimal(const char* text, std::size_t length, std::size_t* used) {
  double value;
  const std::size_t read = core::read_decimal(std::string_view(text, length), value);
  if (used) *used = read;
  return value;
}
