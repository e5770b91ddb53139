// Monaco models are keyed by the core's document uri. Monaco's Uri re-encodes some characters, so we keep
// the exact core uri beside each model instead of reconstructing it from `model.uri`. Lookups from uris that
// Lean wrote (locations, edits, showDocument) go by decoded path: Lean escapes differently from Node.
import { fileUriKey } from '../../../shared/uri-key'
import type { monaco } from './monaco'

type Model = monaco.editor.ITextModel

const coreUriByModel = new WeakMap<Model, string>()
const modelByCoreUri = new Map<string, Model>()

export function bindModelToUri(model: Model, uri: string): void {
  const key = fileUriKey(uri)
  coreUriByModel.set(model, uri)
  modelByCoreUri.set(key, model)
  model.onWillDispose(() => {
    if (modelByCoreUri.get(key) === model) modelByCoreUri.delete(key)
  })
}

/** The core's uri for a Lean document model, or undefined for models that are not Lean documents. */
export function leanUriOf(model: Model): string | undefined {
  return coreUriByModel.get(model)
}

/** The model of the document `uri` names, however that uri escapes its path. */
export function modelForUri(uri: string): Model | undefined {
  return modelByCoreUri.get(fileUriKey(uri))
}
