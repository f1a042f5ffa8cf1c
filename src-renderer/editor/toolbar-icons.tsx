import type { ReactNode } from 'react'
import type { ToolbarAction } from './toolbar-actions'
import { Icon } from '../ui/icons'

// Line icons drawn inline (the CSP allows no remote assets); letters where a letter says it best.

const Letter = ({ children, className }: { children: ReactNode; className: string }) => (
  <span className={`ne-tool__letter ${className}`} aria-hidden="true">
    {children}
  </span>
)

/** The icon of each toolbar button. */
export const TOOLBAR_ICONS: Record<ToolbarAction, ReactNode> = {
  bold: <Letter className="ne-tool__letter--bold">B</Letter>,
  italic: <Letter className="ne-tool__letter--italic">I</Letter>,
  underline: <Letter className="ne-tool__letter--underline">U</Letter>,
  strikethrough: <Letter className="ne-tool__letter--strike">S</Letter>,
  code: (
    <Icon className="">
      <path d="M6 4.5L2.5 8 6 11.5M10 4.5L13.5 8 10 11.5" />
    </Icon>
  ),
  h1: <Letter className="ne-tool__letter--heading">H1</Letter>,
  h2: <Letter className="ne-tool__letter--heading">H2</Letter>,
  h3: <Letter className="ne-tool__letter--heading">H3</Letter>,
  bullet: (
    <Icon className="">
      <path d="M6.5 4h7M6.5 8h7M6.5 12h7" />
      <circle cx="3" cy="4" r="0.9" fill="currentColor" stroke="none" />
      <circle cx="3" cy="8" r="0.9" fill="currentColor" stroke="none" />
      <circle cx="3" cy="12" r="0.9" fill="currentColor" stroke="none" />
    </Icon>
  ),
  number: (
    <Icon className="">
      <path d="M6.5 4h7M6.5 8h7M6.5 12h7" />
      <path d="M2.5 2.8L3.4 2.3V5.5M2.3 9.3c.2-.6 1.7-.7 1.6.2-.1.6-1.6 1.3-1.6 1.8h1.8" strokeWidth="1" />
    </Icon>
  ),
  check: (
    <Icon className="">
      <rect x="1.8" y="2.5" width="4" height="4" rx="0.8" strokeWidth="1.2" />
      <path d="M2.6 4.5l.9.9 1.6-1.8" strokeWidth="1.1" />
      <rect x="1.8" y="9.5" width="4" height="4" rx="0.8" strokeWidth="1.2" />
      <path d="M8 4.5h5.5M8 11.5h5.5" />
    </Icon>
  ),
  quote: (
    <Icon className="">
      <path d="M3 3v10M6.5 5h7M6.5 8h7M6.5 11h5" />
    </Icon>
  ),
  codeblock: (
    <Icon className="">
      <rect x="1.8" y="2.5" width="12.4" height="11" rx="1.5" />
      <path d="M5.5 6.5L4 8l1.5 1.5M10.5 6.5L12 8l-1.5 1.5" />
    </Icon>
  ),
  link: (
    <Icon className="">
      <path d="M6.8 9.2a2.6 2.6 0 0 0 3.7 0l2-2a2.6 2.6 0 0 0-3.7-3.7l-.8.8" />
      <path d="M9.2 6.8a2.6 2.6 0 0 0-3.7 0l-2 2a2.6 2.6 0 0 0 3.7 3.7l.8-.8" />
    </Icon>
  ),
  hr: (
    <Icon className="">
      <path d="M2 8h12" />
      <path d="M4 4.5h8M4 11.5h8" strokeWidth="1" opacity="0.5" />
    </Icon>
  ),
  table: (
    <Icon className="">
      <rect x="2.5" y="3" width="11" height="10" rx="1" />
      <path d="M2.5 6.5h11M2.5 9.75h11M6.2 3v10M9.8 3v10" strokeWidth="1" />
    </Icon>
  ),
  undo: (
    <Icon className="">
      <path d="M5.5 3.5L2.5 6.5l3 3" />
      <path d="M2.5 6.5H10a3.5 3.5 0 0 1 0 7H7" />
    </Icon>
  ),
  redo: (
    <Icon className="">
      <path d="M10.5 3.5l3 3-3 3" />
      <path d="M13.5 6.5H6a3.5 3.5 0 0 0 0 7h3" />
    </Icon>
  ),
}
