// docs/protocol.md is checked against src/shared: the generated tables must be what the generator makes of
// the current contract, and every method and channel the code knows must be documented (and no others).
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { DOC_PATH, renderDoc } from '../scripts/protocol-doc'
import { API_METHODS, PROTOCOL_VERSION } from '../src/shared/api'
import { CHANNEL_NAMES } from '../src/shared/channels'

const doc = readFileSync(DOC_PATH, 'utf8')

test('the generated sections of docs/protocol.md match src/shared (run `npm run docs:protocol` if not)', () => {
  assert.equal(doc, renderDoc(doc))
})

test('every API method and channel is documented, and nothing else', () => {
  const methods = [...doc.matchAll(/^\| `([\w.]+)` \|/gm)].map((m) => m[1]).filter((n) => n.includes('.'))
  assert.deepEqual([...methods].sort(), [...API_METHODS].sort())
  const channels = [...doc.matchAll(/^### `(\w+)`$/gm)].map((m) => m[1])
  assert.deepEqual([...channels].sort(), [...CHANNEL_NAMES].sort())
  assert.match(doc, new RegExp(`Protocol version: \\*\\*${PROTOCOL_VERSION}\\*\\*`))
})
