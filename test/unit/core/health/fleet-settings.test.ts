import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_FLEET_SETTINGS, FLEET_SETTINGS_FILE, fileSettingsStore } from '../../../../src/core/health/fleet-settings'
import { fleetSettingsPatch } from '../../../../src/shared/fleet'

describe('background-check settings', () => {
  it('default to every 6 hours with notifications, and survive a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'authdesk-fleet-settings-'))
    expect(await fileSettingsStore(dir).load()).toEqual({ enabled: true, intervalMinutes: 360, notifications: true })
    await fileSettingsStore(dir).save({ ...DEFAULT_FLEET_SETTINGS, intervalMinutes: 60 })
    expect(await fileSettingsStore(dir).load()).toMatchObject({ intervalMinutes: 60 })
  })

  it('fall back to the defaults when the file is damaged or edited out of range', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'authdesk-fleet-settings-'))
    await writeFile(join(dir, FLEET_SETTINGS_FILE), '{"intervalMinutes": 1}')
    expect(await fileSettingsStore(dir).load()).toEqual(DEFAULT_FLEET_SETTINGS)
    await writeFile(join(dir, FLEET_SETTINGS_FILE), '{not json')
    expect(await fileSettingsStore(dir).load()).toEqual(DEFAULT_FLEET_SETTINGS)
  })

  it('accept only known settings within bounds over IPC', () => {
    expect(fleetSettingsPatch.safeParse({ intervalMinutes: 14 }).success).toBe(false)
    expect(fleetSettingsPatch.safeParse({ intervalMinutes: 60.5 }).success).toBe(false)
    expect(fleetSettingsPatch.safeParse({ enabled: false, extra: 1 }).success).toBe(false)
    expect(fleetSettingsPatch.safeParse({ notifications: false }).success).toBe(true)
  })
})
