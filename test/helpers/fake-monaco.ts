// Stands in for src/renderer/src/editor/monaco.ts where a test loads renderer modules that only name Monaco.
export const monaco = { KeyCode: {}, KeyMod: {}, editor: {} }
