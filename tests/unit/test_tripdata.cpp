// The shipped assets/trips.json: valid, complete for the nine trips, consistent with the fact sheet, and the
// leg computations (routes, spans, timelines) on real legs.
#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>

#include "core/journey.hpp"
#include "core/trips.hpp"

namespace {

const core::LoadResult& shipped() {
    static const core::LoadResult r = core::load_trips_file(std::string(JOURNEYS_SOURCE_DIR) + "/assets/trips.json");
    return r;
}

std::string all_errors(const core::LoadResult& r) {
    std::string s;
    for (const auto& e : r.errors) s += e.to_string() + "\n";
    return s;
}

const core::Trip& trip(const char* id) {
    const core::Trip* t = shipped().data.find_trip(id);
    REQUIRE_MESSAGE(t, "trip not found: " << id);
    return *t;
}

bool is_pyongyang(const std::string& place) { return place == "pyongyang-station" || place == "sunan"; }

}  // namespace

TEST_CASE("shipped data passes the validator") {
    INFO(all_errors(shipped()));
    CHECK(shipped().ok());
}

TEST_CASE("nine trips with stable ids, in date order") {
    const auto& trips = shipped().data.trips;
    const char* ids[] = {"2018-03-beijing", "2018-05-dalian",    "2018-06-singapore", "2018-06-beijing", "2019-01-beijing",
                         "2019-02-hanoi",   "2019-04-vladivostok", "2023-09-russia",  "2025-09-beijing"};
    REQUIRE(trips.size() == 9);
    for (std::size_t i = 0; i < trips.size(); ++i) {
        CHECK(trips[i].id == ids[i]);
        CHECK(trips[i].number == static_cast<int>(i + 1));
        if (i > 0) CHECK(core::compare(trips[i - 1].return_arrive, trips[i].depart) < 0);
        CHECK_FALSE(trips[i].summary.empty());
        CHECK(trips[i].facts.size() >= 1);
    }
}

TEST_CASE("modes match the record: five trips by train and three by air before 2025, then the train again") {
    int train = 0, air = 0;
    for (const core::Trip& t : shipped().data.trips) {
        if (t.number > 8) continue;
        REQUIRE_FALSE(t.outbound.empty());
        (t.outbound.front().mode == core::Mode::Train ? train : air) += 1;
    }
    CHECK(train == 5);
    CHECK(air == 3);
    CHECK(trip("2018-05-dalian").outbound[0].vehicle_id == "chammae-1");
    CHECK(trip("2018-06-singapore").outbound[0].vehicle_id == "air-china-747");
    CHECK(trip("2018-06-beijing").outbound[0].vehicle_id == "chammae-1");
    CHECK(trip("2018-06-beijing").outbound[0].vehicle_confidence == core::Confidence::Conflicting);
    CHECK(trip("2025-09-beijing").outbound[0].vehicle_id == "taeyang-ho");
    // Hanoi: train to Dong Dang, then the car.
    const core::Trip& hanoi = trip("2019-02-hanoi");
    REQUIRE(hanoi.outbound.size() == 2);
    CHECK(hanoi.outbound[0].stops.back().place_id == "dong-dang");
    CHECK(hanoi.outbound[1].mode == core::Mode::Car);
    CHECK(hanoi.outbound[1].reported_distance_km.at(0).min == 170);
}

TEST_CASE("time zones: Pyongyang was on UTC+8:30 until 4 May 2018") {
    CHECK(trip("2018-03-beijing").depart.utc_offset_min == 8 * 60 + 30);
    CHECK(trip("2018-03-beijing").return_arrive.utc_offset_min == 8 * 60 + 30);
    CHECK(trip("2018-05-dalian").depart.utc_offset_min == 9 * 60);
    CHECK(trip("2019-02-hanoi").arrive.utc_offset_min == 7 * 60);
    CHECK(trip("2019-04-vladivostok").arrive.utc_offset_min == 10 * 60);
    // The 2025 return is only expected.
    CHECK_FALSE(trip("2025-09-beijing").return_arrive.confirmed);
}

TEST_CASE("every journey is a connected chain from Pyongyang and back") {
    for (const core::Trip& t : shipped().data.trips) {
        CAPTURE(t.id);
        const auto legs = core::travel_legs(t);
        REQUIRE(legs.size() >= 2);
        CHECK(is_pyongyang(legs.front()->stops.front().place_id));
        CHECK(is_pyongyang(legs.back()->stops.back().place_id));
        for (std::size_t i = 1; i < legs.size(); ++i)
            CHECK(legs[i - 1]->stops.back().place_id == legs[i]->stops.front().place_id);
        for (const core::Leg* l : legs)
            for (const core::Stop& s : l->stops) CHECK(core::is_valid(s.coord));
    }
}

TEST_CASE("what-ifs: the other mode, marked, or a reason why not") {
    for (const core::Trip& t : shipped().data.trips) {
        CAPTURE(t.id);
        CHECK(t.what_if.size() + t.what_if_unavailable.size() >= 1);
        for (const core::Leg& w : t.what_if) {
            CHECK(w.what_if);
            CHECK(w.mode != t.outbound.front().mode);
            // Flights are between airports.
            if (w.mode == core::Mode::Plane) CHECK(w.stops.front().kind == core::StopKind::Airport);
        }
    }
    const core::Trip& sg = trip("2018-06-singapore");
    CHECK(sg.what_if.empty());
    REQUIRE(sg.what_if_unavailable.size() == 1);
    CHECK(sg.what_if_unavailable[0].mode == core::Mode::Train);
    CHECK_FALSE(sg.what_if_unavailable[0].reason.empty());
    // Rail alternatives follow the real corridor through Sinuiju and Dandong.
    for (const char* id : {"2018-05-dalian", "2018-06-beijing"}) {
        const core::Leg& w = trip(id).what_if.at(0);
        CHECK(w.mode == core::Mode::Train);
        std::set<std::string> places;
        for (const auto& s : w.stops) places.insert(s.place_id);
        CHECK(places.count("sinuiju") == 1);
        CHECK(places.count("dandong") == 1);
    }
}

TEST_CASE("computed straight-line distances never exceed the reported ground distances") {
    // A railway or road is never shorter than the great circle; if this fails a coordinate is wrong or a
    // figure is attached to the wrong span.
    for (const core::Trip& t : shipped().data.trips) {
        for (const core::Leg* l : core::travel_legs(t)) {
            const core::LegComputation c = core::compute_leg(*l, nullptr);
            for (const core::Figure& f : l->reported_distance_km) {
                CAPTURE(t.id);
                CAPTURE(f.from);
                CAPTURE(f.to);
                const auto km = core::span_km(*l, c, f);
                REQUIRE(km);
                if (l->mode == core::Mode::Plane) {
                    // Reported flight figures here are straight-line ones.
                    CHECK(*km >= f.min * 0.97);
                    CHECK(*km <= f.max * 1.03);
                } else {
                    CHECK(*km <= f.max * 1.0001);
                    CHECK(*km >= f.min * 0.5);  // and not absurdly short
                }
            }
        }
    }
}

TEST_CASE("leg computations on real legs") {
    const core::TripData& d = shipped().data;
    // Singapore flight: the drawn arc is the great circle, its midpoint the great-circle midpoint.
    const core::Leg& sg = trip("2018-06-singapore").outbound[0];
    const core::LegComputation c = core::compute_leg(sg, d.find_vehicle(sg.vehicle_id));
    CHECK(std::fabs(c.distance_km - 4751) < 1.0);
    const auto mid = core::route_position_at_fraction(c.route, 0.5);
    CHECK(core::great_circle_km(mid.position, core::midpoint(sg.stops[0].coord, sg.stops[1].coord)) < 1e-6);
    REQUIRE(c.duration_h);
    CHECK(c.duration_h->min_h == doctest::Approx(4751.0 / 900).epsilon(1e-3));
    REQUIRE(c.timed_h);
    CHECK(*c.timed_h == doctest::Approx(7 + 5.0 / 60));  // 08:30 UTC+9 -> 14:35 UTC+8

    // Hanoi train: 65 h 15 min between the reported times, the Changsha halt counted as dwell.
    const core::Leg& hn = trip("2019-02-hanoi").outbound[0];
    const core::LegComputation h = core::compute_leg(hn, d.find_vehicle(hn.vehicle_id));
    REQUIRE(h.timed_h);
    CHECK(*h.timed_h == doctest::Approx(65.25));
    CHECK(h.dwell_h == doctest::Approx(0.5));
    REQUIRE(h.duration_h);
    CHECK(h.duration_h->min_h == doctest::Approx(h.distance_km / 60 + 0.5));
    CHECK(h.duration_h->max_h == doctest::Approx(h.distance_km / 50 + 0.5));
    // Timeline fitted to the reported 65-70 h: ends at Dong Dang after 67.5 h, standing at Changsha for 30 min.
    const core::Timeline tl = core::leg_timeline(hn, h);
    CHECK(tl.total_h() == doctest::Approx(67.5));
    CHECK(core::timeline_km_at(tl, 67.5) == doctest::Approx(h.distance_km));
    std::size_t changsha = 0;
    for (std::size_t i = 0; i < hn.stops.size(); ++i)
        if (hn.stops[i].place_id == "changsha") changsha = i;
    REQUIRE(changsha > 0);
    CHECK(tl.depart_h[changsha] - tl.arrive_h[changsha] == doctest::Approx(0.5));
    CHECK(core::timeline_km_at(tl, tl.arrive_h[changsha] + 0.25) == doctest::Approx(h.route.stop_km[changsha]));

    // A span figure: Dandong to Beijing (2025), computed along the leg's stops.
    const core::Leg& bj = trip("2025-09-beijing").outbound[0];
    const core::LegComputation b = core::compute_leg(bj, nullptr);
    CHECK_FALSE(b.duration_h);  // no vehicle given
    const core::Figure* span = nullptr;
    for (const auto& f : bj.reported_distance_km)
        if (f.from == "dandong") span = &f;
    REQUIRE(span);
    const auto km = core::span_km(bj, b, *span);
    REQUIRE(km);
    double sum = 0;
    bool in = false;
    for (std::size_t i = 1; i < bj.stops.size(); ++i) {
        if (bj.stops[i - 1].place_id == "dandong") in = true;
        if (in) sum += core::great_circle_km(bj.stops[i - 1].coord, bj.stops[i].coord);
    }
    CHECK(*km == doctest::Approx(sum).epsilon(1e-9));
}
