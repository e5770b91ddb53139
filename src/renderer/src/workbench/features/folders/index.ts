// Folders: Open Folder, Open Recent, Add Folder to Workspace, Close Folder (native dialog in Electron, the in-app
// folder browser in a browser tab).
export { FOLDER_COMMANDS, FolderCommands, type FolderCommandsDeps } from './folder-commands'
export { showFolderBrowser } from './folder-browser'
export { showRecentFolders } from './recent-folders'
