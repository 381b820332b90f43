// JSON in and out of the core. Reading: json-parser (third_party/json-parser, from Debian's libjsonparser) builds a
// tree that keeps the line of every value, so the trip data's errors name their lines without a second parse.
// Writing: JsonWriter appends to one string as it goes (getState, describe), with no tree in between.
// Both are small: nlohmann/json, which they replaced in the app, was 68 of the 554 KB of journeys.wasm's code.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

struct _json_value;

namespace core {

// A value of a parsed document, valid while its JsonDocument lives. A value that is not there (a missing key, an
// index past the end, a member of something that is not an object) is "missing": every is_*() is false and the
// accessors give empty values, so a chain such as doc.root()["language"]["name"].is_string() needs no checks.
class Json {
 public:
  Json() = default;
  explicit Json(const _json_value* v) : v_(v) {}

  bool is_missing() const { return v_ == nullptr; }
  // A value that may be missing reads like a std::optional: if (const Json list = j["stops"]) ... list->size().
  explicit operator bool() const { return v_ != nullptr; }
  const Json* operator->() const { return this; }
  const Json& operator*() const { return *this; }
  bool is_null() const;
  bool is_object() const;
  bool is_array() const;
  bool is_string() const;
  bool is_number() const;          // a whole number or not
  bool is_number_integer() const;  // written without a fraction or exponent
  bool is_boolean() const;
  const char* type_name() const;  // "an object", "a string", ... for messages

  std::size_t size() const;  // the items of an array, the members of an object, otherwise 0
  bool empty() const { return size() == 0; }
  Json operator[](std::size_t index) const;
  Json operator[](int index) const { return index < 0 ? Json() : (*this)[static_cast<std::size_t>(index)]; }
  Json operator[](std::string_view key) const;  // the last member of that name
  Json operator[](const char* key) const { return (*this)[std::string_view(key)]; }
  bool contains(std::string_view key) const { return !(*this)[key].is_missing(); }

  std::string string() const;  // a string's text, otherwise ""
  double number() const;       // a number's value, otherwise 0
  long long integer() const;   // a whole number's value (a fraction is cut), otherwise 0
  bool boolean() const;        // true only for true

  std::size_t line() const;  // where the value starts in the text, from 1; 0 when missing

  // An object's members in order: for (const auto& [key, value] : j.members()).
  struct Members;
  Members members() const;

 private:
  const _json_value* v_ = nullptr;
};

struct Json::Members {
  struct Member {
    std::string key;
    Json value;
  };
  class Iterator {
   public:
    Iterator(const _json_value* object, std::size_t i) : object_(object), i_(i) {}
    Member operator*() const;
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const Iterator& o) const { return i_ != o.i_; }

   private:
    const _json_value* object_;
    std::size_t i_;
  };
  const _json_value* object;
  std::size_t count;
  Iterator begin() const { return {object, 0}; }
  Iterator end() const { return {object, count}; }
};
inline Json::Members Json::members() const { return {is_object() ? v_ : nullptr, is_object() ? size() : 0}; }

// A parsed text. When the text is not JSON, root() is missing and error() says why, at error_line().
class JsonDocument {
 public:
  explicit JsonDocument(std::string_view text);
  bool ok() const { return tree_ != nullptr; }
  Json root() const { return Json(tree_.get()); }
  const std::string& error() const { return error_; }
  std::size_t error_line() const { return error_line_; }

 private:
  void check_values(std::string_view text);
  struct Free {
    void operator()(_json_value* v) const;
  };
  std::unique_ptr<_json_value, Free> tree_;
  std::string error_;
  std::size_t error_line_ = 0;
};

// Writes JSON as it is called: w.begin_object().field("trip", id).key("view").begin_object()...end_object().
// Commas are its business. Numbers that are not finite are written as null (as JSON.stringify does); bytes that are
// not UTF-8 (a message can quote a broken data file) become U+FFFD.
class JsonWriter {
 public:
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(double number);
  JsonWriter& value(bool b);
  template <typename Whole, std::enable_if_t<std::is_integral_v<Whole> && !std::is_same_v<Whole, bool>, int> = 0>
  JsonWriter& value(Whole number) {
    return whole(static_cast<long long>(number));
  }
  JsonWriter& null();
  template <typename T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }
  const std::string& text() const { return out_; }

 private:
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  JsonWriter& whole(long long number);
  void before_value();
  std::string out_;
  bool need_comma_ = false;
};

}  // namespace core
