// The editor and infoview fonts ship with the app (offline, the same on every machine): DejaVu Mono for code, with
// Noto Sans Math behind it for the mathematical alphanumerics (𝔽, 𝒞, …) DejaVu lacks. Imported for its side
// effect by the workbench page and by the infoview frame, each of which has its own document.
import '@fontsource/dejavu-mono/400.css'
import '@fontsource/dejavu-mono/400-italic.css'
import '@fontsource/dejavu-mono/700.css'
import '@fontsource/noto-sans-math/400.css'
