#include <doctest/doctest.h>

#include "core/reader_text.hpp"
#include "time_points.hpp"

using namespace core;

static const Words& en = english_words();

TEST_CASE("dates read as a reader writes them") {
  CHECK(month_year(en, day(2018, 3, 25)) == "March 2018");
  CHECK(date_range(en, day(2018, 3, 25), day(2018, 3, 28)) ==
        "25\xE2\x80\x93"
        "28 March 2018");
  CHECK(date_range(en, day(2019, 2, 23), day(2019, 3, 5)) == "23 February \xE2\x80\x93 5 March 2019");
  CHECK(date_range(en, day(2018, 12, 30), day(2019, 1, 2)) == "30 December 2018 \xE2\x80\x93 2 January 2019");
  CHECK(month_year(en, TimePoint{}).empty());
}

TEST_CASE("figures keep their qualifier and range") {
  Figure f;
  f.min = f.max = 1300;
  f.qualifier = Qualifier::About;
  CHECK(figure_text(en, f, "km") == "about 1,300 km");
  f.min = 16;
  f.max = 20;
  f.qualifier = Qualifier::Exact;
  CHECK(figure_text(en, f, "h") ==
        "16\xE2\x80\x93"
        "20 h");
  f.min = f.max = 2.5;
  f.qualifier = Qualifier::AtLeast;
  CHECK(figure_text(en, f, "h") == "at least 2.5 h");
  CHECK(km_text(en, 4718.4) == "4,718 km");
  CHECK(km_text(en, 812) == "812 km");
}

TEST_CASE("outlets are named once each, unknown ids shown as they are") {
  TripData data;
  data.sources.push_back({"a", "Yonhap", "", "", ""});
  data.sources.push_back({"b", "Yonhap", "", "", ""});
  data.sources.push_back({"c", "NK News", "", "", ""});
  CHECK(outlets(data, {"a", "b", "c"}) == "Yonhap, NK News");
  CHECK(outlets(data, {"zz"}) == "zz");
}

TEST_CASE("the title line names the trip and what is shown: the real mode, a what-if, or the race") {
  Trip trip;
  trip.number = 2;
  trip.destination = "Dalian";
  trip.depart = day(2018, 5, 7);
  Journey j;
  j.plane.available = true;
  j.train.available = true;
  j.train.what_if = true;
  CHECK(trip_line(en, trip, ShowMode::Plane, j) == "2. Dalian, May 2018 \xC2\xB7 by plane");
  CHECK(trip_line(en, trip, ShowMode::Train, j) == "2. Dalian, May 2018 \xC2\xB7 train (what-if)");
  CHECK(trip_line(en, trip, ShowMode::Both, j) == "2. Dalian, May 2018 \xC2\xB7 train and plane, racing");
}
