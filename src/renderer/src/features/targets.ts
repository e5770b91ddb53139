// Monaco resources for LSP uris. A document that is open already has a model: use its exact `model.uri`, so
// Monaco recognises the target as that model. Otherwise parse the uri and remember the original string, because
// Monaco's Uri re-encodes some characters and the editor opener must hand the core its own uri back.
import { leanUriOf, modelForUri } from '../editor/document-uris'
import { monaco } from '../editor/monaco'

const MAX_REMEMBERED = 500
const leanUriByResource = new Map<string, string>()

export function resourceForLeanUri(uri: string): monaco.Uri {
  const model = modelForUri(uri)
  if (model) return model.uri
  const resource = monaco.Uri.parse(uri)
  const key = resource.toString()
  leanUriByResource.delete(key)
  leanUriByResource.set(key, uri)
  if (leanUriByResource.size > MAX_REMEMBERED) {
    const oldest = leanUriByResource.keys().next().value
    if (oldest !== undefined) leanUriByResource.delete(oldest)
  }
  return resource
}

/** The core's uri for a resource Monaco hands back (from a model, from our map, or the resource itself). */
export function leanUriForResource(resource: monaco.Uri): string {
  const model = monaco.editor.getModel(resource)
  const fromModel = model ? leanUriOf(model) : undefined
  return fromModel ?? leanUriByResource.get(resource.toString()) ?? resource.toString(true)
}
