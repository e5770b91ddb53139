// The floor's server: a bare Node HTTP server for the built floor page and one file (`/file`), as serve mode
// serves the app's page. Prints its URL like serve mode does.
import { floorServer } from './static-server.mjs'

const [root, file] = process.argv.slice(2)
const server = floorServer(root, file)
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}/`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
