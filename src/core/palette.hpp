// The colours that carry meaning, shared by the map's route layer (src/render) and the panels (src/ui): the
// panels' key must match the lines it explains. RGBA, 0..1.
#pragma once

namespace core {

inline constexpr float kRealColour[4] = {0.74f, 0.13f, 0.11f, 1.0f};    // what happened: a strong red
inline constexpr float kWhatIfColour[4] = {0.16f, 0.33f, 0.75f, 1.0f};  // what could have: blue, and always dashed

}  // namespace core
