// The banner above the editor when a project's Lean server needs the user: no toolchain, stopped, crashed
// (or a toolchain file changed and a restart is advised). The sentence is the core's `detail`; the fix command
// sits in a copyable code span; the buttons lead to the setup report, a restart and the server log.
import type { ServerEvent } from '../../../shared/channels'
import { DisposableStore, type Disposable } from './disposables'
import { button, h, icon, iconButton } from './dom'
import { copyToClipboard } from './dialogs'
import { needsBanner, type ServerStates } from './server-states'

export interface ServerBannerActions {
  copySetupReport(project: string): void
  restartServer(project: string): void
  showServerLog(project: string): void
  /** Install elan / Install toolchain, when the missing piece can be installed from here. */
  install?(event: ServerEvent): { label: string; run(): void } | undefined
}

const HEADINGS: Partial<Record<ServerEvent['state'], string>> = {
  'no-toolchain': 'No Lean toolchain found',
  crashed: 'The Lean server crashed',
  stopped: 'The Lean server is stopped',
}

export class ServerBanner implements Disposable {
  private readonly disposables = new DisposableStore()

  constructor(
    private readonly container: HTMLElement,
    private readonly states: ServerStates,
    private readonly actions: ServerBannerActions,
  ) {
    this.disposables.add(states.onDidChange(() => this.render()))
    this.render()
  }

  private render(): void {
    const banners = this.states
      .all()
      .filter((e) => needsBanner(e.state) || (e.restartSuggested && e.state === 'running'))
      .map((e) => this.banner(e))
    this.container.replaceChildren(...banners)
  }

  private banner(event: ServerEvent): HTMLElement {
    const severe = event.state === 'no-toolchain' || event.state === 'crashed'
    const heading = HEADINGS[event.state] ?? 'The Lean toolchain or lakefile changed'
    const fix = event.fixCommand
      ? h('div', { class: 'lx-banner-fix' }, [
          h('span', { text: 'To fix it, run: ' }),
          h('code', { class: 'lx-banner-command', text: event.fixCommand, attrs: { 'data-testid': 'banner-fix-command' } }),
          this.copyButton(event.fixCommand),
        ])
      : null
    const restartLabel = event.state === 'no-toolchain' ? 'Retry' : 'Restart Server'
    const install = this.actions.install?.(event)
    return h(
      'div',
      {
        class: `lx-banner ${severe ? 'lx-banner-error' : 'lx-banner-warning'}`,
        attrs: { role: 'alert', 'data-state': event.state, 'data-project': event.project },
      },
      [
        icon(severe ? 'error' : 'warning', 'lx-banner-icon'),
        h('div', { class: 'lx-banner-body' }, [
          h('div', { class: 'lx-banner-heading', text: heading }),
          h('div', { class: 'lx-banner-detail', text: event.detail }),
          fix,
          stderrTail(event),
          h('div', { class: 'lx-banner-project', text: event.project }),
          h('div', { class: 'lx-banner-actions' }, [
            install ? button(install.label, () => install.run(), { primary: true, title: `Runs: ${event.fixCommand}` }) : null,
            button('Copy setup report', () => this.actions.copySetupReport(event.project), { primary: severe && !install }),
            button(restartLabel, () => this.actions.restartServer(event.project)),
            button('Show Server Log', () => this.actions.showServerLog(event.project)),
          ]),
        ]),
      ],
    )
  }

  private copyButton(text: string): HTMLElement {
    const el = iconButton('copy', 'Copy command', () => {
      void copyToClipboard(text).then((ok) => {
        el.title = ok ? 'Copied' : 'Clipboard unavailable: select the command and copy it'
        el.replaceChildren(icon(ok ? 'check' : 'copy'))
      })
    })
    return el
  }

  dispose(): void {
    this.disposables.dispose()
    this.container.replaceChildren()
  }
}

/** The server's last words, where it crashed or was given up on: usually the reason in Lean's own terms. */
function stderrTail(event: ServerEvent): HTMLElement | null {
  const lines = event.state === 'stopped' || event.state === 'crashed' || event.state === 'restarting' ? (event.stderrTail ?? []) : []
  if (lines.length === 0) return null
  return h('pre', { class: 'lx-banner-stderr', text: lines.slice(-6).join('\n'), attrs: { 'data-testid': 'banner-stderr' } })
}
