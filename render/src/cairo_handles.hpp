#pragma once
// Owning handles for every Cairo, Pango and GLib object we create: a
// unique_ptr with the library's own release function.

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>

namespace tiendo::render {

template <typename T, void (*Release)(T*)>
struct Releaser {
  void operator()(T* p) const {
    if (p != nullptr) Release(p);
  }
};

namespace detail {
inline void unref_object(void* p) {
  g_object_unref(p);
}
template <typename T>
void unref_gobject(T* p) {
  unref_object(p);
}
}  // namespace detail

using SurfaceHandle =
    std::unique_ptr<cairo_surface_t, Releaser<cairo_surface_t, cairo_surface_destroy>>;
using ContextHandle = std::unique_ptr<cairo_t, Releaser<cairo_t, cairo_destroy>>;
using FontOptionsHandle =
    std::unique_ptr<cairo_font_options_t,
                    Releaser<cairo_font_options_t, cairo_font_options_destroy>>;
using FontDescriptionHandle =
    std::unique_ptr<PangoFontDescription,
                    Releaser<PangoFontDescription, pango_font_description_free>>;
using LayoutHandle =
    std::unique_ptr<PangoLayout, Releaser<PangoLayout, detail::unref_gobject<PangoLayout>>>;
using LayoutIterHandle =
    std::unique_ptr<PangoLayoutIter, Releaser<PangoLayoutIter, pango_layout_iter_free>>;
using PangoContextHandle =
    std::unique_ptr<PangoContext, Releaser<PangoContext, detail::unref_gobject<PangoContext>>>;
using FontMapHandle =
    std::unique_ptr<PangoFontMap, Releaser<PangoFontMap, detail::unref_gobject<PangoFontMap>>>;

}  // namespace tiendo::render
