// Unicode input for Lean (\alpha → α) on Monaco, over @leanprover/unicode-input.
export { attachUnicodeInput, INPUT_ACTIVE_CONTEXT_KEY } from './input'
export { registerUnicodeHover } from './hover'
export type { UnicodeInputConfig } from './config'
