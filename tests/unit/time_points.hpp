// A calendar day as the trip data gives one (no clock time), for the tests of dates in readers' words.
#pragma once
#include "core/trips.hpp"

inline core::TimePoint day(int y, int m, int d) {
  core::TimePoint t;
  t.year = y;
  t.month = m;
  t.day = d;
  return t;
}
