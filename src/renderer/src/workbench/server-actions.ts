// What the user can do about a Lean server: restart a file or the server, stop it, read its log, and get the
// setup report (copied as Markdown and shown, so a user without clipboard access can still read it).
import type { Backend } from '../backend/backend'
import { copyToClipboard, type Dialogs } from './dialogs'
import type { Notifications } from './notifications'
import type { ServerStates } from './server-states'

/** Which server a command is about: an explicit project, else the active Lean file's, else the one shown. */
export interface ServerTarget {
  project?: string
  uri?: string
}

export class ServerActions {
  constructor(
    private readonly backend: Backend,
    private readonly dialogs: Dialogs,
    private readonly notifications: Notifications,
    private readonly states: ServerStates,
    private readonly activeDocument: () => { uri: string; path: string; isLean: boolean } | undefined,
  ) {}

  private activeLeanUri(): string | undefined {
    const doc = this.activeDocument()
    return doc?.isLean ? doc.uri : undefined
  }

  private target(project?: string): ServerTarget {
    if (project) return { project }
    const uri = this.activeLeanUri()
    if (uri) return { uri }
    const shown = this.states.forPath(undefined)
    return shown ? { project: shown.project } : {}
  }

  async restartFile(uri = this.activeLeanUri()): Promise<void> {
    if (!uri) {
      this.notifications.show('Restart File needs an open Lean file.', 'info')
      return
    }
    await this.backend.call('lean.restartFile', { uri }).catch((err) => this.notifications.error('Restart File failed', err))
  }

  async restartServer(project?: string): Promise<void> {
    await this.backend
      .call('lean.restartServer', this.target(project))
      .catch((err) => this.notifications.error('Restarting the Lean server failed', err))
  }

  async stopServer(project?: string): Promise<void> {
    await this.backend
      .call('lean.stopServer', this.target(project))
      .catch((err) => this.notifications.error('Stopping the Lean server failed', err))
  }

  async showServerLog(project?: string): Promise<void> {
    let text: string
    let title = 'Lean server log'
    try {
      const log = await this.backend.call('lean.serverLog', this.target(project))
      title = `Lean server log — ${log.project}`
      const stderr = log.stderr.length ? log.stderr.join('\n') : '(The server has not written anything to stderr.)'
      text = log.messages.length ? `${stderr}\n\n── LSP messages ──\n${log.messages.join('\n')}` : stderr
    } catch (err) {
      this.notifications.error('Could not read the server log', err)
      return
    }
    await this.dialogs.showText({ title, text })
  }

  async copySetupReport(project?: string): Promise<void> {
    const target = this.target(project)
    let report: string
    try {
      const project = target.project ?? this.states.forPath(this.activeDocument()?.path)?.project
      const result = await this.backend.call('toolchain.report', { project })
      report = result.report
    } catch (err) {
      this.notifications.error('Could not build the setup report', err)
      return
    }
    const copied = await copyToClipboard(report)
    await this.dialogs.showText({
      title: 'Setup report',
      text: report,
      note: copied
        ? 'Copied to the clipboard as Markdown. This is the exact detection output:'
        : 'The clipboard is not available here; select the report below and copy it. This is the exact detection output:',
    })
  }
}
