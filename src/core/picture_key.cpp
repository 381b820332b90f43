#include "core/picture_key.hpp"

namespace core {

// Each 8-byte word is folded in with a multiply and a rotate (the structure of wyhash/xxhash's inner loop: fast
// in wasm, where a byte-at-a-time FNV over 300 KB costs about a millisecond); the tail and the length too, so
// two inputs that differ only in length differ.
std::uint64_t mix_key_bytes(std::uint64_t key, const void* data, std::size_t size) {
  constexpr std::uint64_t kPrime = 0x9FB21C651E98DF25ull;
  const auto* bytes = static_cast<const unsigned char*>(data);
  auto fold = [&](std::uint64_t word) {
    key ^= word * kPrime;
    key = (key << 31) | (key >> 33);
    key *= 0xC2B2AE3D27D4EB4Full;
  };
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes + i, 8);
    fold(word);
  }
  std::uint64_t tail = 0;
  if (size > i) std::memcpy(&tail, bytes + i, size - i);
  fold(tail ^ (static_cast<std::uint64_t>(size) << 56));
  return key;
}

}  // namespace core
