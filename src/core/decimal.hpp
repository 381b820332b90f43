// Decimal text to double and back, exactly, for the numbers the page reads (JSON's, a link's, setState's) and
// writes (getState, links, the page's figures).
//
// Why not strtod and printf: musl's strtod (Emscripten's libc) works in 128-bit long double, emulated in software
// on wasm, and with its hex-float reader it was 14.5 KB of the page's wasm (7.4 KB gzip); printf's floating-point
// formats were 4 KB more (2.4 KB gzip), so the page links the integer-only printf (src/app/sdl_left_out.c). Both
// directions here use one exact algorithm, Go's strconv's: a decimal shifted by powers of two, digit by digit.
// Reading takes Clinger's one-multiplication path first. Plain decimals only: no hex floats, inf or nan.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace core {

// Reads the plain decimal number at the start of `text`: [+-] digits [. [digits]] or [+-] . digits, then an
// optional exponent [eE] [+-] digits (taken only when it has a digit, as strtod takes it). Returns how many
// characters were read, 0 when `text` does not start with a number (`value` is then 0). `value` is the double
// nearest the number, ties to even, as strtod gives it: beyond the largest double it is ±infinity, below the
// smallest it is ±0.
std::size_t read_decimal(std::string_view text, double& value);

// The text of printf's "%.*g" (`significant` digits, at least 1; no trailing zeros) and "%.*f" (`decimals`
// digits after the point) for `value`, to the same character: rounded from the double's exact value, ties to
// even. Infinity and NaN are "inf", "-inf" and "nan".
std::string format_general(double value, int significant);
std::string format_fixed(double value, int decimals);

// The fewest significant digits that read back as `value` exactly, as "%.15g", "%.16g" or "%.17g" writes them:
// "0.1", "39.0392", "30" (not "3e+01"). A double that fewer digits read back as is written by 15 already, since a
// double holds every 15-digit decimal, so only 15, 16 and 17 are tried. For JSON (getState, describe) and links.
std::string format_shortest(double value);

}  // namespace core

// For C callers: json-parser (third_party/json-parser/json.c) and atof (src/app/sdl_left_out.c). Reads like
// read_decimal from `text`, at most `length` characters; stores how many it read in `*used` unless it is null.
extern "C" double journeys_read_decimal(const char* text, std::size_t length, std::size_t* used);
