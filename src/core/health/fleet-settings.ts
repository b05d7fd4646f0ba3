/** The background-check settings, kept in `fleet.json` in the data dir (not per workspace). */
import { join } from 'node:path'
import { fleetSettingsPatch, type FleetSettings } from '../../shared/fleet'
import { JsonDocument } from '../json-document'
import { DEFAULT_INTERVAL_MS } from './schedule-policy'

export const FLEET_SETTINGS_FILE = 'fleet.json'

export const DEFAULT_FLEET_SETTINGS: FleetSettings = {
  enabled: true,
  intervalMinutes: DEFAULT_INTERVAL_MS / 60_000,
  notifications: true,
}

export interface FleetSettingsStore {
  load(): Promise<FleetSettings>
  save(settings: FleetSettings): Promise<void>
}

export function fileSettingsStore(dataDir: string): FleetSettingsStore {
  const document = new JsonDocument<Partial<FleetSettings>>(join(dataDir, FLEET_SETTINGS_FILE), () => ({}))
  return {
    async load() {
      // A damaged file, or one edited out of bounds, falls back to the defaults.
      const parsed = fleetSettingsPatch.safeParse(await document.read())
      return { ...DEFAULT_FLEET_SETTINGS, ...(parsed.success ? parsed.data : {}) }
    },
    async save(settings) {
      await document.update((stored) => Object.assign(stored, settings))
    },
  }
}

export function memorySettingsStore(initial: Partial<FleetSettings> = {}): FleetSettingsStore {
  let settings: FleetSettings = { ...DEFAULT_FLEET_SETTINGS, ...initial }
  return {
    load: async () => settings,
    save: async (next) => void (settings = next),
  }
}
