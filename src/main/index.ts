// Electron entry. Everything real lives in the core (src/main/*, no electron import); this only starts the shell.
import { startElectronApp } from './electron/app'

startElectronApp()
