import type { Session } from 'electron'

export type LockableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>

/** AuthDesk needs no web permission (camera, notifications via web API, HID…): deny them all. */
export function denyAllPermissions(session: LockableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}
