// A 64-bit key of what a frame shows, mixed from the values its drawing depends on. The app compares a still
// frame's key with the key of the picture already on the canvas and skips drawing a frame that would be the
// same: with software compositing (machines without a GPU) every drawn frame is read back on the page's main
// thread, a 80-150 ms task each. A false "same" would leave a stale picture, so everything the drawing reads goes
// in: the key is a hash, not a summary (64 bits: a collision between two different frames is not a concern).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace core {

// Mixes `size` bytes into `key` (eight at a time: a frame's vertices are hundreds of kilobytes).
std::uint64_t mix_key_bytes(std::uint64_t key, const void* data, std::size_t size);

// Mixes one value (a number, a bool, an enum) into `key`, by its bytes: -0.0 and 0.0 differ, which only ever
// draws a frame more.
template <typename T>
std::uint64_t mix_key(std::uint64_t key, T value) {
  static_assert(std::is_arithmetic<T>::value || std::is_enum<T>::value, "mix_key takes plain values");
  return mix_key_bytes(key, &value, sizeof value);
}

constexpr std::uint64_t kPictureKeySeed = 0x9E3779B97F4A7C15ull;

}  // namespace core
