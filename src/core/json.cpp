#include "core/json.hpp"

#include "core/decimal.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#define JSON_TRACK_SOURCE 1  // as third_party/json-parser/json.c is compiled (src/core's CMake): the values' lines
#include "json-parser/json.h"

namespace core {

// --- reading -------------------------------------------------------------------------------------------------

bool Json::is_null() const { return v_ && v_->type == json_null; }
bool Json::is_object() const { return v_ && v_->type == json_object; }
bool Json::is_array() const { return v_ && v_->type == json_array; }
bool Json::is_string() const { return v_ && v_->type == json_string; }
bool Json::is_number() const { return v_ && (v_->type == json_integer || v_->type == json_double); }
bool Json::is_number_integer() const { return v_ && v_->type == json_integer; }
bool Json::is_boolean() const { return v_ && v_->type == json_boolean; }

const char* Json::type_name() const {
  if (!v_) return "nothing";
  switch (v_->type) {
    case json_null: return "null";
    case json_object: return "an object";
    case json_array: return "an array";
    case json_string: return "a string";
    case json_boolean: return "true/false";
    case json_integer:
    case json_double: return "a number";
    default: return "something else";
  }
}

std::size_t Json::size() const {
  if (is_array()) return v_->u.array.length;
  if (is_object()) return v_->u.object.length;
  return 0;
}

Json Json::operator[](std::size_t index) const {
  return is_array() && index < v_->u.array.length ? Json(v_->u.array.values[index]) : Json();
}

// The last member of that name, as a loop over members() applying each in turn ends up with (and as nlohmann/json
// read it); the trip data's checker reports a name given twice.
Json Json::operator[](std::string_view key) const {
  if (!is_object()) return Json();
  for (unsigned i = v_->u.object.length; i-- > 0;) {
    const json_object_entry& e = v_->u.object.values[i];
    if (std::string_view(e.name, e.name_length) == key) return Json(e.value);
  }
  return Json();
}

std::string Json::string() const { return is_string() ? std::string(v_->u.string.ptr, v_->u.string.length) : ""; }

double Json::number() const {
  if (!v_) return 0.0;
  if (v_->type == json_integer) return static_cast<double>(v_->u.integer);
  return v_->type == json_double ? v_->u.dbl : 0.0;
}

long long Json::integer() const {
  if (!v_) return 0;
  if (v_->type == json_integer) return v_->u.integer;
  // A fraction is cut; a value past what a long long holds is not a whole number anyone means: 0.
  if (v_->type == json_double && std::fabs(v_->u.dbl) < 9.2e18) return static_cast<long long>(v_->u.dbl);
  return 0;
}

bool Json::boolean() const { return is_boolean() && v_->u.boolean; }

std::size_t Json::line() const { return v_ ? v_->line : 0; }

Json::Members::Member Json::Members::Iterator::operator*() const {
  const json_object_entry& e = object_->u.object.values[i_];
  return {std::string(e.name, e.name_length), Json(e.value)};
}

void JsonDocument::Free::operator()(_json_value* v) const { json_value_free(v); }

JsonDocument::JsonDocument(std::string_view text) {
  json_settings settings{};
  char message[json_error_max] = {0};
  tree_.reset(json_parse_ex(&settings, text.data(), text.size(), message));
  if (tree_) {
    check_values(text);
    return;
  }
  // json-parser says "12:5: Expected , before \"" or "Unexpected EOF in string (at 12:5)": the line is kept apart,
  // the position taken out of the words.
  std::string m = message;
  std::size_t line = 0;
  const auto read_line = [&](std::size_t at) {
    std::size_t n = 0, i = at;
    while (i < m.size() && m[i] >= '0' && m[i] <= '9') n = n * 10 + static_cast<std::size_t>(m[i++] - '0');
    return i > at && i < m.size() && m[i] == ':' ? n : 0;
  };
  if ((line = read_line(0)) != 0) {
    m.erase(0, m.find(": ") + 2);
  } else if (const std::size_t at = m.rfind(" (at "); at != std::string::npos) {
    line = read_line(at + 5);
    m.erase(at);
  }
  // At the end of the text json-parser names the byte it found there, a NUL (b is 0 at the end): say what happened.
  // The byte is cut off its message: "Unexpected ", "Expected , before ", "Unexpected `" (an opening quote).
  const bool cut = m.empty() || m.back() == ' ' || (m.size() >= 2 && m.compare(m.size() - 2, 2, " `") == 0);
  if (cut) m = "the text ends before the JSON does";
  error_line_ = line;
  error_ = m;
}

static std::size_t utf8_length(std::string_view s, std::size_t i);
static bool is_utf8(const char* text, std::size_t length) {
  const std::string_view s(text, length);
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
    } else if (const std::size_t n = utf8_length(s, i)) {
      i += n;
    } else {
      return false;
    }
  }
  return true;
}

// What json-parser lets through and JSON does not: text that is not UTF-8 (in a string or a member's name), and a
// number such as 1e999, which it makes infinite (JSON has no infinity, and nothing we read means one).
void JsonDocument::check_values(std::string_view text) {
  std::vector<const _json_value*> todo{tree_.get()};
  while (!todo.empty()) {
    const _json_value* v = todo.back();
    todo.pop_back();
    if (v->type == json_array)
      for (unsigned i = v->u.array.length; i-- > 0;) todo.push_back(v->u.array.values[i]);
    bool names_utf8 = true;
    if (v->type == json_object)
      for (unsigned i = v->u.object.length; i-- > 0;) {
        todo.push_back(v->u.object.values[i].value);
        names_utf8 = names_utf8 && is_utf8(v->u.object.values[i].name, v->u.object.values[i].name_length);
      }
    if (!names_utf8 || (v->type == json_string && !is_utf8(v->u.string.ptr, v->u.string.length))) {
      error_ = "text that is not UTF-8";
      error_line_ = v->line;
      tree_.reset();
      return;
    }
    if (v->type != json_double || std::isfinite(v->u.dbl)) continue;
    // The number as written: the one on its line that no double holds.
    std::size_t at = 0;
    for (unsigned line = 1; line < v->line && at < text.size(); ++at)
      if (text[at] == '\n') ++line;
    const auto in_number = [&](std::size_t i) { return i < text.size() && std::strchr("0123456789+-.eE", text[i]); };
    std::string number;
    for (; at < text.size() && text[at] != '\n' && number.empty(); ++at) {
      std::size_t to = at;
      while (in_number(to)) ++to;
      double read = 0;
      if (to > at && read_decimal(text.substr(at, to - at), read) > 0 && !std::isfinite(read))
        number = text.substr(at, std::min<std::size_t>(to - at, 40));
      if (to > at) at = to - 1;
    }
    error_ = "the number " + number + (number.empty() ? "" : " ") + "is too large for a double";
    error_line_ = v->line;
    tree_.reset();
    return;
  }
}

// --- writing -------------------------------------------------------------------------------------------------

void JsonWriter::before_value() {
  if (need_comma_) out_ += ',';
  need_comma_ = true;
}

JsonWriter& JsonWriter::open(char bracket) {
  before_value();
  out_ += bracket;
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  out_ += bracket;
  need_comma_ = true;
  return *this;
}

// The length of the UTF-8 sequence at s[i], or 0 when it is not well-formed (overlong, a surrogate, past U+10FFFF,
// cut short).
static std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  std::size_t n = 0;
  unsigned lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    n = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
  else if (c >= 0xF0 && c <= 0xF4)
    n = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
  else
    return 0;
  if (i + n > s.size() || byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return n;
}

static void append_string(std::string& out, std::string_view s) {
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const std::size_t n = utf8_length(s, i);
      if (n)
        out.append(s.data() + i, n);
      else
        out += "\xEF\xBF\xBD";  // U+FFFD for a byte that starts nothing whole
      i += n ? n : 1;
      continue;
    }
    if (c == '"')
      out += "\\\"";
    else if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\r')
      out += "\\r";
    else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else
      out += static_cast<char>(c);
    ++i;
  }
  out += '"';
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  append_string(out_, name);
  out_ += ':';
  need_comma_ = false;  // the value follows without one
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  append_string(out_, text);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  before_value();
  if (!std::isfinite(number)) {
    out_ += "null";
    return *this;
  }
  out_ += format_shortest(number);  // 3.5, not 3.5000000000000000; read back, the same double
  return *this;
}

JsonWriter& JsonWriter::whole(long long number) {
  before_value();
  out_ += std::to_string(number);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

}  // namespace core
