// Entry point of the Lean server double: an LSP server over stdio that imitates `lean --server`
// (watchdog level, protocol version 0.3.0) for the fragment described in README.md.
import { readKnobs } from './knobs'
import { Server } from './server'

const server = new Server(readKnobs())
process.stdout.on('error', () => process.exit(0))
server.listen()
