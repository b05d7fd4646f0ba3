import { describe, expect, it } from 'vitest'
import { denyAllPermissions, type LockableSession } from '../../../../src/main/security/permissions'

describe('permission handlers', () => {
  it('denies every permission request, check and device request', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {}
    const session = {
      setPermissionRequestHandler: (h: (...args: never[]) => unknown) => void (handlers.request = h),
      setPermissionCheckHandler: (h: (...args: never[]) => unknown) => void (handlers.check = h),
      setDevicePermissionHandler: (h: (...args: never[]) => unknown) => void (handlers.device = h),
    } as unknown as LockableSession
    denyAllPermissions(session)
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined
      ;(handlers.request as (...a: unknown[]) => void)({}, permission, (answer: boolean) => (granted = answer), {})
      expect(granted, permission).toBe(false)
      expect((handlers.check as (...a: unknown[]) => boolean)({}, permission, 'app://authdesk', {}), permission).toBe(false)
    }
    expect((handlers.device as (...a: unknown[]) => boolean)({ deviceType: 'hid' })).toBe(false)
  })
})
