// Monaco models are keyed by the core's document uri. Monaco's Uri re-encodes some characters, so we keep
// the exact core uri beside each model instead of reconstructing it from `model.uri`.
import type { monaco } from './monaco'

type Model = monaco.editor.ITextModel

const coreUriByModel = new WeakMap<Model, string>()
const modelByCoreUri = new Map<string, Model>()

export function bindModelToUri(model: Model, uri: string): void {
  coreUriByModel.set(model, uri)
  modelByCoreUri.set(uri, model)
  model.onWillDispose(() => {
    if (modelByCoreUri.get(uri) === model) modelByCoreUri.delete(uri)
  })
}

/** The core's uri for a Lean document model, or undefined for models that are not Lean documents. */
export function leanUriOf(model: Model): string | undefined {
  return coreUriByModel.get(model)
}

export function modelForUri(uri: string): Model | undefined {
  return modelByCoreUri.get(uri)
}
