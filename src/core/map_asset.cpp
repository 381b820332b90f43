#include "core/map_asset.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <tuple>

namespace core {

namespace {

// Bounds-checked little-endian reader over [pos, end). Every read reports failure instead of running past end.
struct Reader {
    const std::uint8_t* data;
    std::size_t pos;
    std::size_t end;

    std::size_t remaining() const { return end - pos; }
    bool u8(std::uint32_t& v) {
        if (pos >= end) return false;
        v = data[pos++];
        return true;
    }
    bool u16(std::uint32_t& v) {
        if (remaining() < 2) return false;
        v = static_cast<std::uint32_t>(data[pos]) | static_cast<std::uint32_t>(data[pos + 1]) << 8;
        pos += 2;
        return true;
    }
    bool u32(std::uint32_t& v) {
        if (remaining() < 4) return false;
        v = static_cast<std::uint32_t>(data[pos]) | static_cast<std::uint32_t>(data[pos + 1]) << 8 |
            static_cast<std::uint32_t>(data[pos + 2]) << 16 | static_cast<std::uint32_t>(data[pos + 3]) << 24;
        pos += 4;
        return true;
    }
    bool i32(std::int32_t& v) {
        std::uint32_t u;
        if (!u32(u)) return false;
        v = u <= 0x7fffffffu ? static_cast<std::int32_t>(u) : -static_cast<std::int32_t>(~u) - 1;
        return true;
    }
    // LEB128, at most 5 bytes, value must fit 32 bits.
    bool varint(std::uint32_t& v) {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (pos >= end) return false;
            const std::uint8_t b = data[pos++];
            value |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) {
                if (value > 0xffffffffu) return false;
                v = static_cast<std::uint32_t>(value);
                return true;
            }
        }
        return false;
    }
    bool zigzag(std::int64_t& v) {
        std::uint32_t u;
        if (!varint(u)) return false;
        v = (u & 1u) ? -static_cast<std::int64_t>(u >> 1) - 1 : static_cast<std::int64_t>(u >> 1);
        return true;
    }
    bool str8(std::string& s) {
        std::uint32_t n;
        if (!u8(n) || remaining() < n) return false;
        s.assign(reinterpret_cast<const char*>(data + pos), n);
        pos += n;
        return true;
    }
};

std::string hex32(std::uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08x", static_cast<unsigned>(v));
    return buf;
}

std::string printable_tag(const std::uint8_t* p) {
    std::string s;
    for (int i = 0; i < 4; ++i) {
        if (p[i] >= 0x20 && p[i] < 0x7f && p[i] != '"' && p[i] != '\\') {
            s += static_cast<char>(p[i]);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", p[i]);
            s += buf;
        }
    }
    return "\"" + s + "\"";
}

bool fail(std::string& error, const std::string& what) {
    error = "map.bin: " + what;
    return false;
}

const char* kMalformed = "malformed or truncated data";

bool parse_meta(Reader r, MapAsset& out, std::string& error) {
    const std::string where = "META section: ";
    std::int32_t v[4];
    for (std::int32_t& x : v)
        if (!r.i32(x)) return fail(error, where + kMalformed);
    out.region = {v[0] * 1e-6, v[1] * 1e-6, v[2] * 1e-6, v[3] * 1e-6};
    if (!(out.region.lon_min < out.region.lon_max && out.region.lat_min < out.region.lat_max) ||
        out.region.lon_min < -180 || out.region.lon_max > 180 || out.region.lat_min < -90 || out.region.lat_max > 90)
        return fail(error, where + "region is not a valid lon/lat box");
    std::uint32_t boxes;
    if (!r.u32(boxes) || boxes > 250 || r.remaining() < boxes * 16u) return fail(error, where + "bad detail box count");
    out.detail_boxes.clear();
    for (std::uint32_t k = 0; k < boxes; ++k) {
        for (std::int32_t& x : v)
            if (!r.i32(x)) return fail(error, where + kMalformed);
        const GeoBox b{v[0] * 1e-6, v[1] * 1e-6, v[2] * 1e-6, v[3] * 1e-6};
        if (!(b.lon_min < b.lon_max && b.lat_min < b.lat_max) || b.lon_min < out.region.lon_min ||
            b.lon_max > out.region.lon_max || b.lat_min < out.region.lat_min || b.lat_max > out.region.lat_max)
            return fail(error, where + "detail box " + std::to_string(k + 1) + " is not inside the region");
        out.detail_boxes.push_back(b);
    }
    std::uint32_t metres_per_px;
    if (!r.u32(metres_per_px) || !r.str8(out.credit)) return fail(error, where + kMalformed);
    out.detail_km_per_px = metres_per_px / 1000.0;
    if (r.remaining() != 0) return fail(error, where + std::to_string(r.remaining()) + " trailing bytes");
    return true;
}

bool parse_countries(Reader r, MapAsset& out, std::string& error) {
    const std::string where = "CTRY section: ";
    std::uint32_t n;
    if (!r.u32(n) || n > r.remaining() / 3) return fail(error, where + "bad country count");
    out.countries.clear();
    for (std::uint32_t i = 0; i < n; ++i) {
        MapCountry c;
        std::uint32_t iso;
        if (!r.u16(iso) || !r.str8(c.name)) return fail(error, where + kMalformed);
        c.iso_numeric = static_cast<std::uint16_t>(iso);
        out.countries.push_back(std::move(c));
    }
    if (r.remaining() != 0) return fail(error, where + std::to_string(r.remaining()) + " trailing bytes");
    return true;
}

bool parse_layer(Reader r, MapLayerKind kind, const MapAsset& map, MapLayer& layer, std::string& error,
                 const std::string& where_in) {
    std::string where = where_in;
    std::uint32_t level, zone, bits, reserved;
    if (!r.u8(level) || !r.u8(zone) || !r.u8(bits) || !r.u8(reserved)) return fail(error, where + kMalformed);
    where += std::string(to_string(kind)) + " level " + std::to_string(level) + " zone " + std::to_string(zone) + ": ";
    if (level > 1) return fail(error, where + "unknown level (0 = 1:50m, 1 = 1:10m)");
    if (zone > map.detail_boxes.size())
        return fail(error, where + "zone beyond the " + std::to_string(map.detail_boxes.size()) + " detail boxes");
    if (level == 1 && zone == 0) return fail(error, where + "level 1 exists only inside detail boxes");
    if (bits < 1 || bits > 20) return fail(error, where + "quantization bits out of range 1..20");
    layer.kind = kind;
    layer.level = static_cast<std::uint8_t>(level);
    layer.zone = static_cast<std::uint8_t>(zone);
    layer.quant_bits = static_cast<std::uint8_t>(bits);

    std::uint32_t vertex_count = 0;
    if (!r.varint(vertex_count) || vertex_count > r.remaining() / 2)
        return fail(error, where + "vertex count " + std::to_string(vertex_count) + " does not fit the section");
    const double unit = std::ldexp(1.0, -static_cast<int>(bits));
    const GeoBox& box = zone == 0 ? map.region : map.detail_boxes[zone - 1];
    const double tol = unit;
    layer.points.resize(vertex_count);
    std::int64_t x = 0, y = 0;
    for (std::uint32_t i = 0; i < vertex_count; ++i) {
        std::int64_t dx, dy;
        if (!r.zigzag(dx) || !r.zigzag(dy)) return fail(error, where + "vertices: " + kMalformed);
        x += dx;
        y += dy;
        const LatLon p{static_cast<double>(y) * unit, static_cast<double>(x) * unit};
        if (p.lon < box.lon_min - tol || p.lon > box.lon_max + tol || p.lat < box.lat_min - tol || p.lat > box.lat_max + tol)
            return fail(error, where + "vertex " + std::to_string(i) + " (" + std::to_string(p.lon) + ", " +
                                   std::to_string(p.lat) + ") lies outside its zone");
        layer.points[i] = p;
    }

    if (kind == MapLayerKind::Land) {
        std::uint32_t tri_count = 0;
        if (!r.varint(tri_count) || tri_count > r.remaining() / 3)
            return fail(error, where + "triangle count " + std::to_string(tri_count) + " does not fit the section");
        layer.indices.resize(static_cast<std::size_t>(tri_count) * 3);
        std::int64_t a = 0;
        for (std::uint32_t t = 0; t < tri_count; ++t) {
            std::int64_t da;
            std::uint32_t ob, oc;
            if (!r.zigzag(da) || !r.varint(ob) || !r.varint(oc)) return fail(error, where + "triangles: " + kMalformed);
            a += da;
            const std::int64_t tri[3] = {a, a + ob, a + oc};
            for (int k = 0; k < 3; ++k) {
                if (tri[k] < 0 || tri[k] >= vertex_count)
                    return fail(error, where + "triangle " + std::to_string(t) + ": index " + std::to_string(tri[k]) +
                                           " out of range (" + std::to_string(vertex_count) + " vertices)");
                layer.indices[t * 3 + k] = static_cast<std::uint32_t>(tri[k]);
            }
        }
        std::uint32_t group_count;
        if (!r.varint(group_count) || group_count > r.remaining() / 2)
            return fail(error, where + "bad country group count");
        std::uint64_t first = 0;
        for (std::uint32_t g = 0; g < group_count; ++g) {
            std::uint32_t country, count;
            if (!r.varint(country) || !r.varint(count)) return fail(error, where + "groups: " + kMalformed);
            if (country >= map.countries.size())
                return fail(error, where + "group " + std::to_string(g) + ": country " + std::to_string(country) +
                                       " out of range (" + std::to_string(map.countries.size()) + " countries)");
            if (count % 3 != 0 || first + count > layer.indices.size())
                return fail(error, where + "group " + std::to_string(g) + ": index count " + std::to_string(count) +
                                       " is not whole triangles within the index list");
            layer.groups.push_back({country, static_cast<std::uint32_t>(first), count});
            first += count;
        }
        if (first != layer.indices.size())
            return fail(error, where + "country groups cover " + std::to_string(first) + " of " +
                                   std::to_string(layer.indices.size()) + " indices");
    } else {
        std::uint32_t part_count = 0;
        if (!r.varint(part_count) || part_count > r.remaining())
            return fail(error, where + "part count " + std::to_string(part_count) + " does not fit the section");
        layer.part_offsets.assign(1, 0);
        std::uint64_t total = 0;
        for (std::uint32_t i = 0; i < part_count; ++i) {
            std::uint32_t n;
            if (!r.varint(n)) return fail(error, where + "parts: " + kMalformed);
            if (n < 2) return fail(error, where + "part " + std::to_string(i) + " has fewer than 2 points");
            total += n;
            if (total > vertex_count)
                return fail(error, where + "parts add up to more than the " + std::to_string(vertex_count) + " vertices");
            layer.part_offsets.push_back(static_cast<std::uint32_t>(total));
        }
        if (total != vertex_count)
            return fail(error, where + "parts cover " + std::to_string(total) + " of " + std::to_string(vertex_count) +
                                   " vertices");
        if (part_count == 0) layer.part_offsets.clear();
    }
    if (r.remaining() != 0) return fail(error, where + std::to_string(r.remaining()) + " trailing bytes");
    return true;
}

}  // namespace

const char* to_string(MapLayerKind kind) {
    switch (kind) {
        case MapLayerKind::Land: return "land";
        case MapLayerKind::Coastline: return "coastline";
        case MapLayerKind::Border: return "border";
    }
    return "?";
}

std::uint32_t fnv1a32(const std::uint8_t* data, std::size_t size) {
    std::uint32_t h = 0x811c9dc5u;
    for (std::size_t i = 0; i < size; ++i) {
        h ^= data[i];
        h *= 0x01000193u;
    }
    return h;
}

const MapLayer* MapAsset::find(MapLayerKind kind, int level, int zone) const {
    for (const MapLayer& l : layers)
        if (l.kind == kind && l.level == level && l.zone == zone) return &l;
    return nullptr;
}

int MapAsset::country_index(std::uint16_t iso_numeric) const {
    for (std::size_t i = 0; i < countries.size(); ++i)
        if (countries[i].iso_numeric == iso_numeric) return static_cast<int>(i);
    return -1;
}

bool parse_map_asset(const std::uint8_t* data, std::size_t size, MapAsset& out, std::string& error) {
    out = MapAsset{};
    if (data == nullptr || size < kMapHeaderBytes)
        return fail(error, "truncated: " + std::to_string(size) + " bytes, the header alone needs " +
                               std::to_string(kMapHeaderBytes));
    if (data[0] != 'J' || data[1] != 'M' || data[2] != 'A' || data[3] != 'P')
        return fail(error, "wrong magic: expected \"JMAP\", found " + printable_tag(data) + " (not a map file)");
    Reader h{data, 4, kMapHeaderBytes};
    std::uint32_t version, payload_size, checksum;
    h.u32(version);
    h.u32(payload_size);
    h.u32(checksum);
    if (version != kMapFormatVersion)
        return fail(error, "unsupported version " + std::to_string(version) + " (this build reads version " +
                               std::to_string(kMapFormatVersion) + "; regenerate with scripts/make_map.mjs)");
    const std::size_t have = size - kMapHeaderBytes;
    if (have < payload_size)
        return fail(error, "truncated: the header announces " + std::to_string(payload_size) +
                               " payload bytes, only " + std::to_string(have) + " are present");
    if (have > payload_size)
        return fail(error, std::to_string(have - payload_size) + " unexpected bytes after the " +
                               std::to_string(payload_size) + "-byte payload");
    const std::uint8_t* payload = data + kMapHeaderBytes;
    const std::uint32_t actual = fnv1a32(payload, payload_size);
    if (actual != checksum)
        return fail(error, "bad checksum: the header says " + hex32(checksum) + ", the payload hashes to " +
                               hex32(actual) + " (corrupted file)");
    out.version = version;

    Reader t{payload, 0, payload_size};
    std::uint32_t section_count;
    if (!t.u32(section_count) || section_count > t.remaining() / 12)
        return fail(error, "section table runs past the payload");
    struct Entry {
        const std::uint8_t* tag;
        std::uint32_t offset, size;
    };
    std::vector<Entry> entries;
    const std::size_t table_end = 4 + static_cast<std::size_t>(section_count) * 12;
    for (std::uint32_t i = 0; i < section_count; ++i) {
        Entry e{payload + t.pos, 0, 0};
        t.pos += 4;
        t.u32(e.offset);
        t.u32(e.size);
        if (e.offset < table_end || static_cast<std::uint64_t>(e.offset) + e.size > payload_size)
            return fail(error, "section " + std::to_string(i) + " " + printable_tag(e.tag) + " (offset " +
                                   std::to_string(e.offset) + ", " + std::to_string(e.size) +
                                   " bytes) lies outside the payload");
        entries.push_back(e);
    }
    auto tag_is = [](const Entry& e, const char* s) { return std::equal(s, s + 4, e.tag); };
    // META and CTRY first: the layers are checked against them.
    for (const char* tag : {"META", "CTRY"}) {
        int found = 0;
        for (const Entry& e : entries) {
            if (!tag_is(e, tag)) continue;
            if (++found > 1) return fail(error, std::string("more than one ") + tag + " section");
            Reader r{payload, e.offset, static_cast<std::size_t>(e.offset) + e.size};
            if (!(tag[0] == 'M' ? parse_meta(r, out, error) : parse_countries(r, out, error))) return false;
        }
        if (!found) return fail(error, std::string("missing ") + tag + " section");
    }
    std::set<std::tuple<int, int, int>> seen;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        MapLayerKind kind;
        if (tag_is(e, "LAND")) kind = MapLayerKind::Land;
        else if (tag_is(e, "COAS")) kind = MapLayerKind::Coastline;
        else if (tag_is(e, "BORD")) kind = MapLayerKind::Border;
        else continue;  // META, CTRY, or a section this version does not know (ignored)
        MapLayer layer;
        Reader r{payload, e.offset, static_cast<std::size_t>(e.offset) + e.size};
        if (!parse_layer(r, kind, out, layer, error, "section " + std::to_string(i) + " (" + printable_tag(e.tag) + "), "))
            return false;
        if (!seen.insert({static_cast<int>(kind), layer.level, layer.zone}).second)
            return fail(error, std::string("duplicate ") + to_string(kind) + " layer for level " +
                                   std::to_string(layer.level) + " zone " + std::to_string(layer.zone));
        out.layers.push_back(std::move(layer));
    }
    for (MapLayerKind kind : {MapLayerKind::Land, MapLayerKind::Coastline, MapLayerKind::Border}) {
        for (std::size_t zone = 0; zone <= out.detail_boxes.size(); ++zone) {
            for (int level = 0; level <= (zone == 0 ? 0 : 1); ++level) {
                if (!out.find(kind, level, static_cast<int>(zone)))
                    return fail(error, std::string("missing ") + to_string(kind) + " layer for level " +
                                           std::to_string(level) + " zone " + std::to_string(zone));
            }
        }
    }
    return true;
}

std::vector<float> project_layer(const MapLayer& layer, const Projection& projection) {
    std::vector<float> xy;
    xy.reserve(layer.points.size() * 2);
    for (const LatLon& p : layer.points) {
        const PlanePoint q = projection.forward(p);
        xy.push_back(static_cast<float>(q.x));
        xy.push_back(static_cast<float>(q.y));
    }
    return xy;
}

int map_level_for_scale(const MapAsset& map, double km_per_css_px) {
    return km_per_css_px < map.detail_km_per_px ? 1 : 0;
}

std::vector<const MapLayer*> layers_to_draw(const MapAsset& map, MapLayerKind kind, int detail_level) {
    std::vector<const MapLayer*> out;
    if (const MapLayer* base = map.find(kind, 0, 0)) out.push_back(base);
    for (std::size_t zone = 1; zone <= map.detail_boxes.size(); ++zone)
        if (const MapLayer* l = map.find(kind, detail_level, static_cast<int>(zone))) out.push_back(l);
    return out;
}

}  // namespace core
