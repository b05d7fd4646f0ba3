import { ICONS, type IconName, type IconShape } from './icon-paths'

export type { IconName }

/** A decorative stroke icon; the text next to it carries the meaning for screen readers. */
export function Icon({ name, size = 16, className }: { readonly name: IconName; readonly size?: number; readonly className?: string }) {
  const shape: IconShape = ICONS[name]
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {shape.paths.map((d) => (
        <path key={d} d={d} />
      ))}
      {shape.dashed?.map((d) => (
        <path key={d} d={d} strokeDasharray="3.4 2.6" />
      ))}
    </svg>
  )
}
