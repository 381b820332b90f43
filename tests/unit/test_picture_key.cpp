#include <doctest/doctest.h>

#include <set>
#include <vector>

#include "core/picture_key.hpp"

using core::kPictureKeySeed;
using core::mix_key;
using core::mix_key_bytes;

TEST_CASE("picture key: the same values give the same key, any changed byte another") {
  std::vector<unsigned char> frame(1003);
  for (std::size_t i = 0; i < frame.size(); ++i) frame[i] = static_cast<unsigned char>(i * 7 + 3);
  const std::uint64_t key = mix_key_bytes(kPictureKeySeed, frame.data(), frame.size());
  CHECK(mix_key_bytes(kPictureKeySeed, frame.data(), frame.size()) == key);
  std::set<std::uint64_t> seen{key};
  // Every byte, in the 8-byte words and in the 3-byte tail, and each bit of one byte.
  for (std::size_t i = 0; i < frame.size(); ++i) {
    frame[i] ^= 1;
    CHECK(seen.insert(mix_key_bytes(kPictureKeySeed, frame.data(), frame.size())).second);
    frame[i] ^= 1;
  }
  for (int bit = 0; bit < 8; ++bit) {
    frame[500] ^= static_cast<unsigned char>(1 << bit);
    CHECK(mix_key_bytes(kPictureKeySeed, frame.data(), frame.size()) != key);
    frame[500] ^= static_cast<unsigned char>(1 << bit);
  }
}

TEST_CASE("picture key: length and order count; empty input is fine") {
  const unsigned char zeros[16] = {};
  CHECK(mix_key_bytes(kPictureKeySeed, zeros, 8) != mix_key_bytes(kPictureKeySeed, zeros, 9));
  CHECK(mix_key_bytes(kPictureKeySeed, zeros, 0) != mix_key_bytes(kPictureKeySeed, zeros, 16));
  CHECK(mix_key_bytes(kPictureKeySeed, nullptr, 0) == mix_key_bytes(kPictureKeySeed, zeros, 0));
  CHECK(mix_key(mix_key(kPictureKeySeed, 1), 2) != mix_key(mix_key(kPictureKeySeed, 2), 1));
  // Values of the frame: a clock a fraction of a second on, a camera a hair off, a flag.
  CHECK(mix_key(kPictureKeySeed, 12.5) != mix_key(kPictureKeySeed, 12.5 + 1e-9));
  CHECK(mix_key(kPictureKeySeed, 3.0f) != mix_key(kPictureKeySeed, 3.0001f));
  CHECK(mix_key(kPictureKeySeed, true) != mix_key(kPictureKeySeed, false));
}
