// Font families (the faces themselves are loaded by ./load, which pages import once).

/** Bundled faces first (./load), then what a machine may have. */
export const CODE_FONT_FAMILY =
  '"DejaVu Mono", "Noto Sans Math", "JuliaMono", "DejaVu Sans Mono", "Noto Sans Mono", "Menlo", "Consolas", monospace'
