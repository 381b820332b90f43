// The page's copy of the trip data: assets/trips.bin, the checked trips.json packed at build time.
//
// Editors write assets/trips.json and the build checks every rule of it (core/trips.hpp: the loader, with line
// numbers; tools/trips_pack and tripcheck refuse a file with errors). The page then needs none of those rules, only
// the data: the loader's checks were a sixth of the page's code (44 KB of 538 KB of wasm) and its slowest start-up
// step. So the build packs the checked data (tools/trips_pack.cpp) and the page unpacks it.
//
// The pack is the TripData structs field by field, in the order one function per struct (trips_pack.cpp) gives
// for packing and unpacking alike: whole numbers as LEB128 varints, strings as length and UTF-8 bytes, coordinates
// in whole 1e-6 degrees (the track's as steps from the point before), other numbers as IEEE doubles. Each trip is
// framed by its length, so a damaged trip is named and left out and the others still load. What the loader derives
// (a stop's place name, coordinates and kind; a train leg's line and points) is derived again on unpacking, by the
// same code. Nothing in the pack is trusted: every read is bounds-checked, every reference and range the rest of
// the core relies on is checked, and a damaged file is named as such (assets/TRIPS-DATA.md, "The page's copy").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/trips.hpp"

namespace core {

// The pack of checked data. Empty (and *error says why) for data the pack cannot hold exactly: a coordinate finer
// than 1e-6 degrees or a count past 2^32.
std::vector<std::uint8_t> pack_trips(const TripData& data, std::string* error);

// The data of a pack, or what could be read of it: a damaged trip is reported (named, with the part where the
// damage was found) and left out; damage outside the trips leaves no data. file_name is for the messages. With
// texts, every text of the pack is added to it, a line each (the page builds its font atlas from their characters).
LoadResult unpack_trips(const std::uint8_t* bytes, std::size_t size, std::string_view file_name,
                        std::string* texts = nullptr);

}  // namespace core
