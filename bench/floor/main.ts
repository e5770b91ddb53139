// The start-up floor: the same Monaco build entries the app uses (the editor, all its features such as find,
// folding, hover and suggest, its worker), one editor, the file fetched from the server that served the page.
// Nothing else (no workbench, no backend, no infoview).
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
