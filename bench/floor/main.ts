// The start-up floor: Monaco as it ships for bundlers (the editor entry, all its features such as find, folding, hover
// and suggest, its worker), one editor, the file fetched from the server that served the page. Nothing else (no
// workbench, no backend, no infoview). The app registers fewer features (src/renderer/src/editor/monaco-features.ts).
import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/register.all'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'

self.MonacoEnvironment = { getWorker: () => new EditorWorker() }

async function main(): Promise<void> {
  const text = await (await fetch('./file')).text()
  const editor = monaco.editor.create(document.getElementById('editor') as HTMLElement, { value: text, automaticLayout: true })
  editor.focus()
  ;(window as { floorReady?: boolean }).floorReady = true
}
void main()
