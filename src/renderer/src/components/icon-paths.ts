/**
 * Stroke icons on a 24×24 grid, drawn for AuthDesk (no icon library). Each icon is a list of
 * path strings; `dashed` paths are drawn with a dash pattern.
 */
const CIRCLE = 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z'

export interface IconShape {
  readonly paths: ReadonlyArray<string>
  readonly dashed?: ReadonlyArray<string>
}

export const ICONS = {
  healthy: { paths: [CIRCLE, 'M8 12.5l2.8 2.8L16.5 9.5'] },
  degraded: { paths: ['M12 3.5L21.5 20h-19z', 'M12 10v4.5', 'M12 17.2h.01'] },
  failing: { paths: [CIRCLE, 'M9 9l6 6', 'M15 9l-6 6'] },
  unknown: { paths: [CIRCLE, 'M9.6 9.4a2.5 2.5 0 0 1 4.8.9c0 1.7-2.4 2.2-2.4 3.7', 'M12 17h.01'] },
  unchecked: { paths: ['M12 10.5v3'], dashed: [CIRCLE] },
  search: { paths: ['M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z', 'M15.5 15.5L20 20'] },
  plus: { paths: ['M12 5v14', 'M5 12h14'] },
  import: { paths: ['M12 3v11', 'M7.5 9.5L12 14l4.5-4.5', 'M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4'] },
  edit: { paths: ['M4 20h4L19 9l-4-4L4 16z', 'M13.5 6.5l4 4'] },
  copy: { paths: ['M9 9h10a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H9a1 1 0 0 1-1-1V10a1 1 0 0 1 1-1z', 'M5 15H4.5a.5.5 0 0 1-.5-.5V4.5a.5.5 0 0 1 .5-.5h10a.5.5 0 0 1 .5.5V5'] },
  trash: { paths: ['M4 7h16', 'M10 11v6', 'M14 11v6', 'M6 7l1 13h10l1-13', 'M9 7V4h6v3'] },
  more: { paths: ['M6 12h.01', 'M12 12h.01', 'M18 12h.01'] },
  shield: { paths: ['M12 3l8 3v6c0 4.8-3.4 8-8 9c-4.6-1-8-4.2-8-9V6z', 'M9 12l2 2 4-4'] },
  info: { paths: [CIRCLE, 'M12 11v5', 'M12 8h.01'] },
  dashboard: { paths: ['M4 5h7v6H4z', 'M13 5h7v4h-7z', 'M13 11h7v8h-7z', 'M4 13h7v6H4z'] },
  key: { paths: ['M8 11a4 4 0 1 0 0 8a4 4 0 1 0 0-8z', 'M10.8 12.2L19 4', 'M15.5 7.5l2.5 2.5', 'M13.5 9.5l1.5 1.5'] },
  flask: { paths: ['M9 3h6', 'M10 3v6L4.6 18.3A1.8 1.8 0 0 0 6.2 21h11.6a1.8 1.8 0 0 0 1.6-2.7L14 9V3', 'M7 15h10'] },
  user: { paths: ['M12 4a4 4 0 1 0 0 8a4 4 0 1 0 0-8z', 'M4.5 20.5c.8-3.5 3.9-5.5 7.5-5.5s6.7 2 7.5 5.5'] },
  chevronDown: { paths: ['M6 9l6 6 6-6'] },
  arrowLeft: { paths: ['M19 12H5', 'M11 18l-6-6 6-6'] },
  arrowUp: { paths: ['M12 19V5', 'M6 11l6-6 6 6'] },
  arrowDown: { paths: ['M12 5v14', 'M18 13l-6 6-6-6'] },
  close: { paths: ['M6 6l12 12', 'M18 6L6 18'] },
  error: { paths: ['M8.2 3h7.6L21 8.2v7.6L15.8 21H8.2L3 15.8V8.2z', 'M12 7.5v5.5', 'M12 16.5h.01'] },
  warning: { paths: ['M12 3.5L21.5 20h-19z', 'M12 10v4.5', 'M12 17.2h.01'] },
  lock: { paths: ['M6 11h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1z', 'M8 11V8a4 4 0 0 1 8 0v3'] },
  clock: { paths: [CIRCLE, 'M12 7v5l3.5 2'] },
  file: { paths: ['M14 3H6.5a1 1 0 0 0-1 1v16a1 1 0 0 0 1 1h11a1 1 0 0 0 1-1V7.5z', 'M14 3v4.5h4.5', 'M9 13h6', 'M9 17h4'] },
  check: { paths: ['M5 12.5l4.5 4.5L19 7.5'] },
  refresh: { paths: ['M20 11a8 8 0 0 0-14.6-4.5L4 8', 'M4 4v4h4', 'M4 13a8 8 0 0 0 14.6 4.5L20 16', 'M20 20v-4h-4'] },
  wrench: { paths: ['M14.5 5.5a4.5 4.5 0 0 0 5.6 5.6L12 19.2a2 2 0 0 1-2.8 0l-.4-.4a2 2 0 0 1 0-2.8l8.1-8.1', 'M14.5 5.5L17 3l4 4-2.5 2.5'] },
  history: { paths: ['M3.5 12a8.5 8.5 0 1 0 2.5-6', 'M3 4v4h4', 'M12 8v4.5l3 2'] },
  box: { paths: ['M12 3l8 4.5v9L12 21l-8-4.5v-9z', 'M4 7.5l8 4.5l8-4.5', 'M12 12v9'] },
  code: { paths: ['M8.5 8L4.5 12l4 4', 'M15.5 8l4 4-4 4', 'M13.5 5.5l-3 13'] },
  token: { paths: ['M12 3l7.5 4.3v9.4L12 21l-7.5-4.3V7.3z', 'M9.5 12a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0-5 0'] },
  rotate: { paths: ['M20 12a8 8 0 1 1-2.4-5.7', 'M20 4v5h-5', 'M9 12h6', 'M12 9v6'] },
  external: { paths: ['M14 4h6v6', 'M20 4l-9 9', 'M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5'] },
  server: { paths: ['M4 5h16v5H4z', 'M4 14h16v5H4z', 'M8 7.5h.01', 'M8 16.5h.01'] },
  // A clock going round (clockwise, unlike `history`): checks that come back on their own.
  schedule: { paths: ['M20.5 12a8.5 8.5 0 1 1-2.5-6', 'M21 4v4h-4', 'M12 8v4.5l3 2'] },
} as const satisfies Record<string, IconShape>

export type IconName = keyof typeof ICONS
