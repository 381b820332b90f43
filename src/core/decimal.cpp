#include "core/decimal.hpp"

#include <cmath>
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

// The exact value of a finite, nonzero |v|: its 53-bit whole number of units shifted by its power of two.
void exact_decimal(double v, Decimal& a) {
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  const int biased = int((bits >> 52) & 0x7ff);
  std::uint64_t units = bits & ((std::uint64_t(1) << 52) - 1);
  int exp2 = -1074;  // a subnormal's unit
  if (biased > 0) {
    units |= std::uint64_t(1) << 52;
    exp2 = biased - 1075;
  }
  char digits[20];
  int n = 0;
  for (; units > 0; units /= 10) digits[n++] = char(units % 10);
  for (int i = 0; i < n; ++i) a.d[i] = static_cast<unsigned char>(digits[n - 1 - i]);
  a.count = n;
  a.point = n;
  trim(a);
  shift(a, exp2);
}

// Keeps the first `keep` digits (those before position `keep` from the first), rounded: ties to even, and a
// carry out of the first digit moves the point.
void round_to(Decimal& a, long long keep) {
  if (keep >= a.count) return;
  if (keep < 0 || (keep == 0 && !rounds_up(a, 0))) {
    a.count = 0;
    a.point = 0;
    return;
  }
  if (!rounds_up(a, keep)) {
    a.count = int(keep);
    trim(a);
    return;
  }
  long long i = keep - 1;
  for (; i >= 0 && a.d[i] == 9; --i) {
  }
  if (i < 0) {  // 9…9 up to 10…0, or nothing kept and it rounds up: one digit, 1, a place higher
    a.d[0] = 1;
    a.count = 1;
    ++a.point;
    return;
  }
  ++a.d[i];
  a.count = int(i + 1);
}

// The digit at position i of a (0 = the first), 0 beyond its digits.
char digit_at(const Decimal& a, long long i) { return char('0' + (i >= 0 && i < a.count ? a.d[i] : 0)); }

// Sign and the non-finite; true when `v` is finite and its digits are still to be written (into `a`, from |v|).
bool start_format(double v, std::string& out, Decimal& a) {
  if (std::isnan(v)) {
    out = "nan";
    return false;
  }
  if (std::signbit(v)) out = "-";
  if (std::isinf(v)) {
    out += "inf";
    return false;
  }
  if (v != 0) exact_decimal(v < 0 ? -v : v, a);
  return true;
}

}  // namespace

std::string format_fixed(double value, int decimals) {
  std::string out;
  Decimal a;
  if (!start_format(value, out, a)) return out;
  if (decimals < 0) decimals = 0;
  round_to(a, a.point + decimals);
  if (a.point <= 0) out += '0';
  for (long long i = 0; i < a.point; ++i) out += digit_at(a, i);
  if (decimals > 0) out += '.';
  for (long long i = a.point; i < a.point + decimals; ++i) out += digit_at(a, i);
  return out;
}

std::string format_shortest(double value) {
  std::string text;
  for (int digits = 15; digits <= 17; ++digits) {
    text = format_general(value, digits);
    double read = 0;
    if (digits == 17 || (read_decimal(text, read) > 0 && read == value)) break;
  }
  return text;
}

std::string format_general(double value, int significant) {
  std::string out;
  Decimal a;
  if (!start_format(value, out, a)) return out;
  if (significant < 1) significant = 1;
  round_to(a, significant);
  const long long exp10 = a.count == 0 ? 0 : a.point - 1;  // of the rounded value, as %g decides by
  if (exp10 >= -4 && exp10 < significant) {                // as %f, without the trailing zeros
    if (a.point <= 0) out += '0';
    for (long long i = 0; i < a.point; ++i) out += digit_at(a, i);
    if (a.count > a.point) out += '.';
    for (long long i = a.point; i < a.count; ++i) out += digit_at(a, i);
    return out;
  }
  out += digit_at(a, 0);  // as %e, without the trailing zeros
  if (a.count > 1) out += '.';
  for (int i = 1; i < a.count; ++i) out += digit_at(a, i);
  out += exp10 < 0 ? "e-" : "e+";
  const long long e = exp10 < 0 ? -exp10 : exp10;
  if (e < 10) out += '0';
  out += std::to_string(e);
  return out;
}

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
