// The reader's pointer and keys: a drag, the wheel, one finger or two on the map move the camera (ImGui gets the
// pointer first when it is over a panel); a key becomes the core's command for it (core/keys.hpp).
#include <SDL.h>
#include <imgui.h>
#include <imgui_internal.h>  // the windows drawn last frame, for where a finger lands

#include <optional>

#include "app/app.hpp"
#include "core/keys.hpp"

static App& app = the_app();

// Whether a point (CSS px) is on a panel drawn in the last frame. A finger that lands on a panel scrolls or
// presses it and never pans the map: ImGui's own WantCaptureMouse still holds the previous touch's position then.
bool over_panel(const core::ScreenPoint& p) {
  for (const ImGuiWindow* w : GImGui->Windows)
    if (w->WasActive && !w->Hidden && !(w->Flags & ImGuiWindowFlags_NoInputs) &&
        w->OuterRectClipped.Contains(ImVec2(float(p.x), float(p.y))))
      return true;
  return false;
}

NOT_INLINED void handle_pointer(const SDL_Event& e) {
  const ImGuiIO& io = ImGui::GetIO();
  core::AppState& st = app.session.state;
  Gestures& g = app.gestures;
  switch (e.type) {
    case SDL_MOUSEBUTTONDOWN:
      if (e.button.button == SDL_BUTTON_LEFT && !io.WantCaptureMouse && e.button.which != SDL_TOUCH_MOUSEID) {
        g.dragging = true;
        g.last_x = e.button.x;
        g.last_y = e.button.y;
      }
      break;
    case SDL_MOUSEBUTTONUP:
      if (e.button.button == SDL_BUTTON_LEFT) g.dragging = false;
      break;
    case SDL_MOUSEMOTION:
      if (g.dragging) {
        st.camera = core::pan_by(st.camera, e.motion.x - g.last_x, e.motion.y - g.last_y, st.camera_limits);
        g.last_x = e.motion.x;
        g.last_y = e.motion.y;
      }
      break;
    case SDL_MOUSEWHEEL:
      if (!io.WantCaptureMouse) {
        // SDL reports a wheel notch (100 px of DOM deltaY) as 1.0; d3-zoom turns that into 0.2 of a zoom level.
        int mx = 0, my = 0;
        SDL_GetMouseState(&mx, &my);
        st.camera = core::zoom_about(st.camera, {double(mx), double(my)}, 0.2 * e.wheel.preciseY, st.camera_limits);
      }
      break;
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
      // Fingers arrive normalised to the window; one finger pans, two pinch (zoom about their midpoint).
      const core::ScreenPoint p{e.tfinger.x * st.camera.viewport.width, e.tfinger.y * st.camera.viewport.height};
      int slot = -1;
      for (int i = 0; i < g.finger_count; ++i)
        if (g.fingers[i] == e.tfinger.fingerId) slot = i;
      if (e.type == SDL_FINGERDOWN && slot < 0 && g.finger_count < 2 && !io.WantCaptureMouse && !over_panel(p)) {
        slot = g.finger_count++;
        g.fingers[slot] = e.tfinger.fingerId;
        g.finger_start[slot] = g.finger_now[slot] = p;
        // Every change in the number of fingers restarts the gesture from the current view.
        for (int i = 0; i < g.finger_count; ++i) g.finger_start[i] = g.finger_now[i];
        g.pinch_start = st.camera;
      } else if (e.type == SDL_FINGERMOTION && slot >= 0) {
        g.finger_now[slot] = p;
        if (g.finger_count == 2)
          st.camera = core::pinch(g.pinch_start, g.finger_start[0], g.finger_start[1], g.finger_now[0], g.finger_now[1],
                                  st.camera_limits);
        else
          st.camera =
              core::pan_by(g.pinch_start, p.x - g.finger_start[0].x, p.y - g.finger_start[0].y, st.camera_limits);
      } else if (e.type == SDL_FINGERUP && slot >= 0) {
        g.fingers[slot] = g.fingers[g.finger_count - 1];
        g.finger_now[slot] = g.finger_now[g.finger_count - 1];
        --g.finger_count;
        for (int i = 0; i < g.finger_count; ++i) g.finger_start[i] = g.finger_now[i];
        g.pinch_start = st.camera;
      }
      break;
    }
    default: break;
  }
}

static std::optional<core::Command> command_for(const SDL_KeyboardEvent& k) {
  const SDL_Keycode key = k.keysym.sym;
  if (k.keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) return std::nullopt;  // the browser's own shortcuts
  if (key == SDLK_SPACE) return core::command_for_key(core::Key::Space);
  if (key == SDLK_LEFT) return core::command_for_key(core::Key::Left);
  if (key == SDLK_RIGHT) return core::command_for_key(core::Key::Right);
  if (key == SDLK_HOME) return core::command_for_key(core::Key::Home);
  if (key == SDLK_END) return core::command_for_key(core::Key::End);
  if (key == SDLK_PAGEUP) return core::command_for_key(core::Key::PageUp);
  if (key == SDLK_PAGEDOWN) return core::command_for_key(core::Key::PageDown);
  if (key == SDLK_SLASH && (k.keysym.mod & KMOD_SHIFT)) return core::command_for_key(core::Key::Question);
  if (key == SDLK_QUESTION) return core::command_for_key(core::Key::Question);
  if (key >= SDLK_0 && key <= SDLK_9) return core::command_for_key(core::Key::Digit, static_cast<char>(key));
  if (key >= SDLK_a && key <= SDLK_z) return core::command_for_key(core::Key::Letter, static_cast<char>(key));
  return std::nullopt;
}

// Our keys win, except while the reader is moving through the panels with the keyboard (ImGui's focus ring is
// showing), where Space and the arrows press and move between controls.
bool handle_key(const SDL_Event& e) {
  if (e.type != SDL_KEYDOWN) return false;
  const ImGuiIO& io = ImGui::GetIO();
  const SDL_Keycode key = e.key.keysym.sym;
  const bool nav_key =
      key == SDLK_SPACE || key == SDLK_LEFT || key == SDLK_RIGHT || key == SDLK_HOME || key == SDLK_END;
  if (io.WantTextInput || (nav_key && io.NavVisible)) return false;
  const std::optional<core::Command> c = command_for(e.key);
  if (!c) return false;
  run_command(*c);
  return true;
}
