// trips_pack: the page's copy of the trip data (core/trips_pack.hpp). Loads a trips file with every rule of the
// loader, and only when it has no error writes its pack; the build runs it on dist/assets/trips.json (the copy
// scripts/publish.mjs writes) to make dist/assets/trips.bin.
//
//   trips_pack IN.json OUT.bin     exit 0 when written; 1 on an error in IN (each on stderr, with its line)
//   trips_pack --check OUT.bin     unpack a pack and say what it holds (exit 1 if damaged)

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/trips.hpp"
#include "core/trips_pack.hpp"

namespace {

bool read_file(const char* path, std::vector<std::uint8_t>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

int check(const char* path) {
  std::vector<std::uint8_t> bytes;
  if (!read_file(path, bytes)) return std::fprintf(stderr, "%s: cannot be read\n", path), 1;
  const core::LoadResult r = core::unpack_trips(bytes.data(), bytes.size(), path);
  for (const core::LoadError& e : r.errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
  std::printf("%s: %zu bytes, %zu sources, %zu places, %zu lines, %zu vehicles, %zu trips\n", path, bytes.size(),
              r.data.sources.size(), r.data.places.size(), r.data.lines.size(), r.data.vehicles.size(),
              r.data.trips.size());
  return r.ok() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "--check") == 0) return check(argv[2]);
  if (argc != 3) {
    std::fprintf(stderr, "usage: trips_pack IN.json OUT.bin | trips_pack --check OUT.bin\n");
    return 2;
  }
  const core::LoadResult r = core::load_trips_file(argv[1]);
  for (const core::LoadError& e : r.errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
  if (!r.ok()) return std::fprintf(stderr, "%s: %zu errors: not packed\n", argv[1], r.errors.size()), 1;
  std::string error;
  const std::vector<std::uint8_t> pack = core::pack_trips(r.data, &error);
  if (pack.empty()) return std::fprintf(stderr, "%s: %s\n", argv[1], error.c_str()), 1;
  std::ofstream out(argv[2], std::ios::binary);
  out.write(reinterpret_cast<const char*>(pack.data()), static_cast<std::streamsize>(pack.size()));
  if (!out) return std::fprintf(stderr, "%s: cannot be written\n", argv[2]), 1;
  return 0;
}
