// A tree whose children are asked for only when a node is first expanded (call and module hierarchies: each
// level is one server request). Answers that arrive after the tree was replaced are dropped. Pure: node:test.

export interface TreeNode<T> {
  readonly data: T
  readonly depth: number
  readonly expandable: boolean
  expanded: boolean
  /** undefined until loaded. */
  children?: TreeNode<T>[]
  loading: boolean
  error?: string
}

export interface TreeSource<T> {
  children(data: T): Promise<T[]>
  /** Whether a node may have children (a module with no imports still shows its chevron until asked). */
  expandable(data: T): boolean
}

export class LazyTree<T> {
  private roots: TreeNode<T>[] = []
  private generation = 0

  constructor(
    private readonly source: TreeSource<T>,
    private readonly changed: () => void,
  ) {}

  /** Replaces the whole tree; the first root is expanded at once (its children are the first thing wanted). */
  async setRoots(data: readonly T[]): Promise<void> {
    this.generation++
    this.roots = data.map((d) => this.node(d, 0))
    this.changed()
    if (this.roots[0]) await this.expand(this.roots[0])
  }

  clear(): void {
    this.generation++
    this.roots = []
    this.changed()
  }

  async toggle(node: TreeNode<T>): Promise<void> {
    if (node.expanded) {
      node.expanded = false
      this.changed()
      return
    }
    await this.expand(node)
  }

  async expand(node: TreeNode<T>): Promise<void> {
    if (!node.expandable || node.expanded) return
    node.expanded = true
    if (node.children || node.loading) return this.changed()
    node.loading = true
    node.error = undefined
    this.changed()
    const generation = this.generation
    try {
      const children = await this.source.children(node.data)
      if (generation !== this.generation) return
      node.children = children.map((d) => this.node(d, node.depth + 1))
    } catch (err) {
      if (generation !== this.generation) return
      node.error = err instanceof Error ? err.message : String(err)
      node.expanded = false
    } finally {
      if (generation === this.generation) {
        node.loading = false
        this.changed()
      }
    }
  }

  /** Nodes in display order: every root, and the children of expanded nodes below their parent. */
  visible(): TreeNode<T>[] {
    const out: TreeNode<T>[] = []
    const walk = (nodes: TreeNode<T>[]) => {
      for (const n of nodes) {
        out.push(n)
        if (n.expanded && n.children) walk(n.children)
      }
    }
    walk(this.roots)
    return out
  }

  isEmpty(): boolean {
    return this.roots.length === 0
  }

  private node(data: T, depth: number): TreeNode<T> {
    return { data, depth, expandable: this.source.expandable(data), expanded: false, loading: false }
  }
}
