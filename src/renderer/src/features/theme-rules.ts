// Token colours for Lean: the grammar's classes (keyword.tactic, keyword.sorry, …) and every semantic token type
// in Lean's legend. Monaco's standalone theme colours a semantic token by matching `type.modifier…` against these
// rules; a type without a rule would be painted in the plain foreground, so each legend type gets one.
import type { monaco } from '../editor/monaco'

type Rule = monaco.editor.ITokenThemeRule

const DARK: Record<string, string> = {
  'keyword.command': 'C586C0',
  'keyword.tactic': 'D7BA7D',
  'string.escape': 'D7BA7D',
  // semantic token types (Lean's legend)
  keyword: '569CD6',
  variable: '9CDCFE',
  property: '9CDCFE',
  parameter: '9CDCFE',
  function: 'DCDCAA',
  method: 'DCDCAA',
  decorator: 'DCDCAA',
  namespace: '4EC9B0',
  type: '4EC9B0',
  class: '4EC9B0',
  enum: '4EC9B0',
  interface: '4EC9B0',
  struct: '4EC9B0',
  typeParameter: '4EC9B0',
  enumMember: '4FC1FF',
  event: '4FC1FF',
  macro: '569CD6',
  modifier: '569CD6',
  comment: '6A9955',
  string: 'CE9178',
  number: 'B5CEA8',
  regexp: 'D16969',
  operator: 'D4D4D4',
}

const LIGHT: Record<string, string> = {
  'keyword.command': 'AF00DB',
  'keyword.tactic': '986801',
  'string.escape': 'EE0000',
  keyword: '0000FF',
  variable: '001080',
  property: '001080',
  parameter: '001080',
  function: '795E26',
  method: '795E26',
  decorator: '795E26',
  namespace: '267F99',
  type: '267F99',
  class: '267F99',
  enum: '267F99',
  interface: '267F99',
  struct: '267F99',
  typeParameter: '267F99',
  enumMember: '0070C1',
  event: '0070C1',
  macro: '0000FF',
  modifier: '0000FF',
  comment: '008000',
  string: 'A31515',
  number: '098658',
  regexp: '811F3F',
  operator: '000000',
}

/** `sorry` (grammar) and `leanSorryLike` (semantic) must stand out: bold, in a warning colour. */
const SORRY = { dark: 'F48771', light: 'C72E0F' }

export function leanThemeRules(base: 'vs' | 'vs-dark' | 'hc-black' | 'hc-light'): Rule[] {
  const dark = base === 'vs-dark' || base === 'hc-black'
  const table = dark ? DARK : LIGHT
  const rules: Rule[] = Object.entries(table).map(([token, foreground]) => ({ token, foreground }))
  const sorry = dark ? SORRY.dark : SORRY.light
  rules.push({ token: 'keyword.sorry', foreground: sorry, fontStyle: 'bold' })
  rules.push({ token: 'leanSorryLike', foreground: sorry, fontStyle: 'bold' })
  rules.push({ token: 'comment.doc', foreground: table.comment, fontStyle: 'italic' })
  return rules
}
