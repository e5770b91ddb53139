// Problems Lake printed during a build or cache fetch, as diagnostics for the Problems panel (clickable to
// the file). Each new task of a project replaces that project's earlier build problems.
import type { BuildProblem, TaskEvent } from '../../../../../shared/channels'
import type { LeanDiagnostic } from '../../../../../shared/lsp'
import { DiagnosticsStore } from '../../diagnostics-store'
import { BUILD_PROBLEM_SOURCE } from '../../problems-panel'
import { taskNumber } from './task-store'

export function toDiagnostic(p: BuildProblem): LeanDiagnostic {
  const start = { line: p.line, character: p.character }
  const end = p.endLine !== undefined ? { line: p.endLine, character: p.endCharacter ?? 0 } : start
  return { range: { start, end }, fullRange: { start, end }, severity: p.severity, message: p.message, source: BUILD_PROBLEM_SOURCE }
}

export class BuildProblems {
  readonly store = new DiagnosticsStore()
  /** Which task last wrote each project's problems, and the uris it wrote. */
  private readonly byProject = new Map<string, { taskId: string; uris: Set<string> }>()

  apply(event: TaskEvent): void {
    if (event.kind !== 'build' && event.kind !== 'cache') return
    const prev = this.byProject.get(event.project)
    if (prev && prev.taskId !== event.id && taskNumber(event.id) < taskNumber(prev.taskId)) return // a replay of an older task
    const problems = event.problems ?? []
    const grouped = new Map<string, LeanDiagnostic[]>()
    for (const p of problems) grouped.set(p.uri, [...(grouped.get(p.uri) ?? []), toDiagnostic(p)])
    for (const uri of prev?.uris ?? []) if (!grouped.has(uri)) this.store.delete(uri)
    for (const [uri, list] of grouped) this.store.set(uri, list)
    this.byProject.set(event.project, { taskId: event.id, uris: new Set(grouped.keys()) })
  }

  dispose(): void {
    this.store.dispose()
  }
}
