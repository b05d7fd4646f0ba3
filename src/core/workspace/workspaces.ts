/**
 * Which vault the app is showing: the user's own accounts, or the Demo workspace on the
 * simulators. The first run (no accounts of one's own, no choice made yet) opens the Demo;
 * an explicit switch is remembered in preferences.json.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PROVIDER_IDS, type WorkspaceInfo, type WorkspaceKind } from '../../shared/model'
import type { EventHub } from '../event-hub'
import { writeFileAtomic } from '../vault/durable-file'
import type { Vault } from '../vault/vault'
import type { DemoWorkspace } from './demo-workspace'

const PREFERENCES_FILE = 'preferences.json'

interface Preferences {
  readonly workspace?: WorkspaceKind
}

async function readPreferences(dataDir: string): Promise<Preferences> {
  try {
    const parsed = JSON.parse(await readFile(join(dataDir, PREFERENCES_FILE), 'utf8')) as unknown
    const workspace = (parsed as Preferences | null)?.workspace
    return workspace === 'mine' || workspace === 'demo' ? { workspace } : {}
  } catch {
    return {}
  }
}

export interface WorkspacesOptions {
  readonly dataDir: string
  readonly mine: Vault
  readonly events: EventHub
  readonly openDemo: () => Promise<DemoWorkspace>
}

export class Workspaces {
  private demo: DemoWorkspace | null = null
  private demoOpening: Promise<DemoWorkspace> | null = null
  private current: WorkspaceKind = 'mine'

  constructor(private readonly options: WorkspacesOptions) {
    options.mine.onChanged((ids) => this.current === 'mine' && options.events.emit('accounts:changed', { ids }))
  }

  /** Picks the starting workspace: the remembered choice, else the Demo when there are no accounts yet. */
  async start(): Promise<void> {
    const { workspace } = await readPreferences(this.options.dataDir)
    const firstRun = workspace === undefined && (await this.options.mine.list()).length === 0
    if (workspace === 'demo' || firstRun) await this.activate('demo')
  }

  get vault(): Vault {
    return this.current === 'demo' && this.demo ? this.demo.vault : this.options.mine
  }

  get demoWorkspace(): DemoWorkspace | null {
    return this.current === 'demo' ? this.demo : null
  }

  info(): WorkspaceInfo {
    const demo = this.demoWorkspace
    return {
      active: this.current,
      simulators: demo ? Object.fromEntries(PROVIDER_IDS.map((id) => [id, demo.simulators.byId[id].baseUrl])) as WorkspaceInfo['simulators'] : null,
    }
  }

  async switchTo(kind: WorkspaceKind): Promise<WorkspaceInfo> {
    await this.activate(kind)
    await writeFileAtomic(join(this.options.dataDir, PREFERENCES_FILE), JSON.stringify({ workspace: kind } satisfies Preferences) + '\n')
    return this.info()
  }

  private async activate(kind: WorkspaceKind): Promise<void> {
    if (kind === 'demo') await this.ensureDemo()
    if (this.current === kind) return
    this.current = kind
    this.options.events.emit('workspace:changed', this.info())
    this.options.events.emit('accounts:changed', { ids: [] })
  }

  private async ensureDemo(): Promise<DemoWorkspace> {
    if (this.demo) return this.demo
    this.demoOpening ??= this.options.openDemo().then((demo) => {
      this.demo = demo
      demo.vault.onChanged((ids) => this.current === 'demo' && this.options.events.emit('accounts:changed', { ids }))
      return demo
    })
    return this.demoOpening
  }

  async close(): Promise<void> {
    await this.demo?.close()
  }
}
