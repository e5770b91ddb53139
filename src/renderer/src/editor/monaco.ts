// The one place Monaco is imported. Tree-shaken entries only (the root `monaco-editor` import would pull
// every language and the TypeScript worker); the editor worker is bundled, so nothing is fetched at run time.
import * as monaco from 'monaco-editor/editor'
import './monaco-features'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker }
  }
}

window.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
}

export { monaco }
export type Monaco = typeof monaco
