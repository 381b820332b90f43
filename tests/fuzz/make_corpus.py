#!/usr/bin/env python3
"""Writes the committed seed corpora of the fuzz targets into tests/fuzz/corpus/<target>/: small valid inputs
cut from the shipped assets, and a few truncated or broken variants. (The shipped files themselves are added as
seeds by tests/fuzz/CMakeLists.txt, copied from assets/ at configure time, so they never go stale.)
Run from anywhere: python3 tests/fuzz/make_corpus.py"""
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, "corpus")


def write(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def strings_in(value, out):
    if isinstance(value, str):
        out.add(value)
    elif isinstance(value, list):
        for v in value:
            strings_in(v, out)
    elif isinstance(value, dict):
        for v in value.values():
            strings_in(v, out)
    return out


# --- trips: one trip with only the sources, places and vehicles it refers to -------------------------------
trips = json.load(open(os.path.join(ROOT, "assets", "trips.json")))


def one_trip(i):
    trip = trips["trips"][i]
    used = strings_in(trip, set())
    doc = {k: v for k, v in trips.items() if k not in ("sources", "places", "vehicles", "trips")}
    vehicles = [v for v in trips["vehicles"] if v["id"] in used]
    used |= strings_in(vehicles, set())
    places = [p for p in trips["places"] if p["id"] in used]
    used |= strings_in(places, set())
    doc["sources"] = [s for s in trips["sources"] if s["id"] in used]
    doc["places"], doc["vehicles"] = places, vehicles
    trip = dict(trip, number=1)
    doc["trips"] = [trip]
    return doc


for i, name in ((0, "beijing"), (2, "singapore"), (5, "hanoi")):
    write("trips", f"one-trip-{name}.json", json.dumps(one_trip(i), indent=1))


def published(doc):  # as scripts/publish.mjs writes dist/assets/trips.json: one line, the track as points_e4
    doc = json.loads(json.dumps(doc))
    for line in doc.get("lines", []):
        for stretch in line.get("track", []):
            x = y = 0
            steps = []
            for lon, lat in stretch.pop("points"):
                nx, ny = round(lon * 1e4), round(lat * 1e4)
                steps += [nx - x, ny - y]
                x, y = nx, ny
            stretch["points_e4"] = steps
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


write("trips", "one-trip-vladivostok-published.json", published(one_trip(6)))
small = json.dumps(one_trip(0), indent=1)
write("trips", "truncated-half.json", small[: len(small) // 2])
write("trips", "truncated-start.json", small[:300])
bad = one_trip(0)
bad["trips"][0]["outbound"][0]["mode"] = "hovercraft"
bad["trips"][0]["depart"]["date"] = "2018-02-30"
bad["trips"][0]["outbound"][0]["stops"][0]["place"] = "nowhere"
bad["places"][0]["lat"] = 123.0
write("trips", "bad-fields.json", json.dumps(bad, indent=1))
bad = one_trip(5)
bad["trips"][0]["outbound"][0]["reported_duration_h"] = [{"min": 5, "max": 1, "sources": ["x"]}]
bad["vehicles"][0]["timing_speed_kmh"] = {"min": -1, "max": 1e308}
write("trips", "bad-figures.json", json.dumps(bad, indent=1))
for name, text in (("empty-object.json", "{}"), ("array.json", "[]"), ("open.json", "{"),
                   ("deep.json", "[" * 200 + "]" * 200), ("escapes.json", '{"title":"\\u00e9\\ud83d\\ude00\\u0000"}'),
                   ("numbers.json", '{"trips":[{"id":"x","number":1e999,"depart":{"date":"9999-99-99"}}]}')):
    write("trips", name, text)

# --- places ---------------------------------------------------------------------------------------------------
places = json.load(open(os.path.join(ROOT, "assets", "places.json")))
three = dict(places, places=places["places"][:3])
write("places", "three.json", json.dumps(three, indent=1))
text = json.dumps(three, indent=1)
write("places", "truncated.json", text[: len(text) // 2])
broken = json.loads(json.dumps(three))
broken["places"][0]["lat"] = 91
broken["places"][1]["rank"] = "high"
broken["places"][2] = 7
write("places", "bad-fields.json", json.dumps(broken))
for name, text in (("empty.json", ""), ("not-object.json", "[1,2]"), ("places-not-array.json", '{"places":{}}'),
                   ("nan.json", '{"places":[{"id":"a","name":"A","kind":"city","lat":1e400,"lon":-1e400,"rank":1}]}')):
    write("places", name, text)

# --- app state: setState / URL hash / postMessage payloads -------------------------------------------------------
states = {
    "sidebar.json": '{"sidebarOpen":false}',
    "trip-mode.json": '{"trip":"2019-02-hanoi","mode":"both"}',
    "tour.json": '{"trip":"2018-06-singapore","mode":"both","playing":true,"speed":16}',
    "time.json": '{"trip":"2023-09-russia","time":12.5,"playing":false}',
    "view.json": '{"view":{"lat":39.0,"lon":125.7,"zoom":1}}',
    "view-extreme.json": '{"view":{"lat":-90,"lon":180,"zoom":1e300}}',
    "filter-labels.json": '{"filter":"train","placeLabels":false}',
    "everything.json": '{"trip":"2018-03-beijing","mode":"plane","time":0,"speed":0.25,"playing":true,'
                       '"filter":"plane","sidebarOpen":true,"placeLabels":true,"view":{"lat":20,"lon":110,"zoom":0.5}}',
    "bad-types.json": '{"sidebarOpen":"no","speed":99,"mode":"boat","view":[1,2]}',
    "status.json": '{"status":{"framesDrawn":1}}',
    "unknown.json": '{"colour":"red","view":{"tilt":3}}',
    "not-object.json": '[true]',
    "truncated.json": '{"trip":"2019-02-ha',
    "duplicate-keys.json": '{"trip":"2018-05-dalian","trip":"2019-01-beijing"}',
    "negative-time.json": '{"time":-1e-300}',
}
for name, text in states.items():
    write("app_state", name, text)


# --- map asset: tiny maps built as assets/MAP.md specifies (as in tests/unit/test_map_asset.cpp) ----------------
def var(v):
    out = bytearray()
    while v >= 128:
        out.append((v & 127) | 128)
        v >>= 7
    out.append(v)
    return bytes(out)


def zz(v):
    return var(2 * v if v >= 0 else -2 * v - 1)


def tiny_map(detail_box=False):
    meta = struct.pack("<4i", 0, 0, 10000000, 10000000)
    meta += struct.pack("<I", 1 if detail_box else 0)
    if detail_box:
        meta += struct.pack("<4i", 5000000, 5000000, 6000000, 6000000)
    meta += struct.pack("<I", 3000) + bytes([4]) + b"test"
    meta += struct.pack("<4i", 0, 0, 10000000, 10000000) + bytes([0])  # format 3: the near box (all), the near part
    ctry = struct.pack("<I", 2) + struct.pack("<H", 408) + bytes([5]) + b"Korea" + struct.pack("<H", 156) + bytes([5]) + b"China"
    sections = [(b"META", meta), (b"CTRY", ctry)]
    zones = [(0, 0)] + ([(0, 1), (1, 1)] if detail_box else [])
    for level, zone in zones:
        # Two triangles sharing a border arc, a quarter degree a side (8 bits: 64 units).
        b = 256 if zone == 0 else 256 * 5 + 16
        body = bytes([level, zone, 8, 0]) + var(3)
        body += var(3 * 16 + 0) + var(2 * 16 + 8 + 1) + var(3 * 16 + 0)  # coast, border (continues), coast
        for d in (b, b + 64, 0, -64, 64, 0,  -64, 64,  64, -64, 0, 64, -64, 0):
            body += zz(d)
        body += var(2)
        body += zz(0) + var(1) + var(2) + var(0) + var(0)  # Korea: arc 0, arc 1
        body += zz(1) + var(1) + var(2) + var(0) + var(7)  # China: arc 2, arc 1 reversed
        sections += [(b"ZONE", body)]
    payload = struct.pack("<I", len(sections))
    offset = 4 + 12 * len(sections)
    for tag, body in sections:
        payload += tag + struct.pack("<II", offset, len(body))
        offset += len(body)
    for _, body in sections:
        payload += body
    h = 0x811C9DC5
    for b in payload:
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return b"JMAP" + struct.pack("<III", 3, len(payload), h) + payload


tiny = tiny_map()
write("map_asset", "tiny.bin", tiny)
write("map_asset", "tiny-detail-box.bin", tiny_map(True))
write("map_asset", "tiny-truncated.bin", tiny[: len(tiny) - 7])
write("map_asset", "header-only.bin", tiny[:16])
write("map_asset", "bad-magic.bin", b"PNG\x89" + tiny[4:])
flipped = bytearray(tiny)
flipped[40] ^= 0x55
write("map_asset", "tiny-bad-checksum.bin", bytes(flipped))

# --- trips_pack: small packs by hand (core/trips_pack.cpp); the shipped trips packed are seeds of the build ------
# "JTP1", the table of texts (a count, then each as length and bytes), the title as a text number, the counts of
# sources, places, lines and vehicles, then the trips (a count, each framed by its length).
empty_pack = b"JTP1" + b"\x01\x00" + b"\x00" + b"\x00" * 4 + b"\x00"
write("trips_pack", "empty.bin", empty_pack)
write("trips_pack", "bad-magic.bin", b"JTP0" + empty_pack[4:])
write("trips_pack", "text-count-past-end.bin", b"JTP1" + b"\xff\xff\x03")
write("trips_pack", "trip-longer-than-file.bin", empty_pack[:-1] + b"\x01\xff\x7f" + b"\x00" * 8)

# --- decimal: numbers as the data, links and setState write them, and the hard cases of decimal-to-double --------
for name, text in [("coordinate", "125.7625"), ("negative", "-7.25e-3"), ("whole", "20260901"),
                   ("tie", "9007199254740993"), ("subnormal", "4.9406564584124654e-324"),
                   ("smallest-normal", "2.2250738585072011e-308"), ("largest", "1.7976931348623158e308"),
                   ("overflow", "1e400"), ("long", "0." + "1" * 900 + "e5"), ("point-only", "5."),
                   ("exponent-without-digits", "1e+"), ("hex", "0x1p3")]:
    write("decimal", name + ".txt", text)
