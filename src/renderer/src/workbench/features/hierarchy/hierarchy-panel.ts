// A hierarchy in a bottom-panel tab, shared by the call and module hierarchies: one request prepares the root
// at the cursor, each expansion asks for one level in the current mode (incoming/outgoing, imports/imported
// by). Every request goes to the server that owns the file the hierarchy started in.
import type { Disposable } from '../../disposables'
import { originOf, type LeanViewDeps, type Origin } from '../references/lean-view-deps'
import { HierarchyView, type HierarchyMode, type HierarchyPresenter } from './hierarchy-view'

export interface HierarchySpec<T, M extends string> {
  view: string
  title: string
  modes: readonly (HierarchyMode & { id: M })[]
  emptyText: string
  /** The roots at the origin (empty: nothing to show there, with this message). */
  prepare(origin: Origin): Promise<{ roots: T[]; message?: string }>
  children(originUri: string, data: T, mode: M): Promise<T[]>
  presenter: Omit<HierarchyPresenter<T>, 'children'>
  subtitle(mode: M): string
}

export class HierarchyPanel<T, M extends string> implements Disposable {
  private readonly view: HierarchyView<T>
  private mode: M
  private origin: Origin | undefined
  private roots: T[] = []
  private request = 0

  constructor(
    private readonly deps: LeanViewDeps,
    private readonly spec: HierarchySpec<T, M>,
  ) {
    this.mode = spec.modes[0].id
    const container = deps.panels.add(spec.view, spec.title)
    const presenter: HierarchyPresenter<T> = {
      ...spec.presenter,
      children: (data) => (this.origin ? spec.children(this.origin.uri, data, this.mode) : Promise.resolve([])),
    }
    this.view = new HierarchyView(container, presenter, {
      title: spec.title,
      modes: spec.modes,
      emptyText: spec.emptyText,
      onMode: (id) => void this.setMode(id as M),
      refresh: () => void this.showRoots(),
      close: () => deps.hidePanel(),
    })
    this.view.setMode(this.mode)
    this.view.setSubtitle(spec.subtitle(this.mode))
  }

  /** Prepares the hierarchy at the cursor of the active Lean editor and shows it in `mode`. */
  async show(mode: M = this.mode): Promise<void> {
    const origin = originOf(this.deps)
    if (!origin) return
    this.deps.panels.show(this.spec.view)
    this.deps.showPanel()
    const request = ++this.request
    this.view.showMessage('Asking Lean…')
    try {
      const prepared = await this.spec.prepare(origin)
      if (request !== this.request) return
      this.origin = origin
      this.roots = prepared.roots
      if (prepared.roots.length === 0) return this.view.showMessage(prepared.message ?? 'Nothing to show here.')
    } catch (err) {
      if (request === this.request) this.view.showMessage(err instanceof Error ? err.message : String(err))
      return
    }
    await this.setMode(mode)
  }

  private async setMode(mode: M): Promise<void> {
    this.mode = mode
    this.view.setMode(mode)
    this.view.setSubtitle(this.spec.subtitle(mode))
    await this.showRoots()
  }

  private async showRoots(): Promise<void> {
    if (this.roots.length) await this.view.tree.setRoots(this.roots)
  }

  dispose(): void {
    this.request++
    this.view.dispose()
  }
}
