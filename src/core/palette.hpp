// The map's colours, one palette per theme, shared by the base map and route layer (src/render) and the panels
// (src/ui): the panels' key must match the lines it explains. RGBA, 0..1.
//
// The dark palette is its own design, not the light one dimmed (the news desks' night maps): a deep blue-black sea,
// land a few steps lighter and warmer so the coast reads without a line, North Korea a warm brown that still
// stands out, coastlines a muted blue and borders a warm grey just above the land. Route colours are lighter on
// dark so that each keeps at least 3:1 contrast (WCAG 2.x non-text contrast) against every land colour and the sea
// of its theme; tests/unit/test_palette.cpp computes the ratios.
#pragma once

namespace core {

// Land colours, by what the country is to the story.
enum class LandClass : int {
  Other = 0,       // every other country
  RouteLand = 1,   // the countries his trains and planes reach: China, Russia, Vietnam, Singapore
  NorthKorea = 2,  // where every journey starts
};
inline constexpr int kLandClassCount = 3;

struct MapPalette {
  float sea[4];
  float land[kLandClassCount][4];  // by LandClass
  float coast[4], border[4];
  float real[4];     // what happened: the route he travelled, its stops and its vehicle
  float what_if[4];  // what could have: the other mode, always dashed
};

inline constexpr MapPalette kLightPalette = {
    {0.796f, 0.863f, 0.914f, 1.0f},  // sea
    {
        {0.925f, 0.918f, 0.894f, 1.0f},  // other land  #ECEAE4
        {0.957f, 0.941f, 0.902f, 1.0f},  // route land  #F4F0E6
        {0.914f, 0.827f, 0.690f, 1.0f},  // North Korea #E9D3B0
    },
    {0.45f, 0.58f, 0.68f, 1.0f},  // coast
    {0.48f, 0.40f, 0.36f, 1.0f},  // border
    {0.74f, 0.13f, 0.11f, 1.0f},  // real: a strong red
    {0.16f, 0.33f, 0.75f, 1.0f},  // what-if: blue
};

inline constexpr MapPalette kDarkPalette = {
    {0.063f, 0.094f, 0.141f, 1.0f},  // sea: blue-black #101824
    {
        {0.180f, 0.192f, 0.212f, 1.0f},  // other land: slate #2E3136
        {0.208f, 0.216f, 0.231f, 1.0f},  // route land: a step lighter #35373B
        {0.318f, 0.255f, 0.188f, 1.0f},  // North Korea: warm brown #514130
    },
    {0.302f, 0.431f, 0.541f, 1.0f},  // coast: muted blue, visible on the black sea
    {0.541f, 0.482f, 0.439f, 1.0f},  // border: warm grey above the land
    {1.000f, 0.443f, 0.400f, 1.0f},  // real: a light red #FF7166
    {0.447f, 0.667f, 1.000f, 1.0f},  // what-if: a light blue #72AAFF
};

inline const MapPalette& map_palette(bool dark) { return dark ? kDarkPalette : kLightPalette; }
inline const float* route_colour(bool dark, bool what_if) {
  const MapPalette& p = map_palette(dark);
  return what_if ? p.what_if : p.real;
}

// The light theme's route colours by their old names (the panels' key on light backgrounds).
inline constexpr const float* kRealColour = kLightPalette.real;
inline constexpr const float* kWhatIfColour = kLightPalette.what_if;

// WCAG 2.x relative luminance of an sRGB colour (0..1 channels) and the contrast ratio of two colours (1..21).
double relative_luminance(const float rgba[4]);
double contrast_ratio(const float a[4], const float b[4]);

}  // namespace core
