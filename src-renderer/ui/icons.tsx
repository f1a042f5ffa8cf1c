import type { ReactNode } from 'react'

// Small line icons drawn inline, so the app needs no icon font or remote asset (the CSP forbids both).
/** The 16-pixel frame every line icon of the app is drawn in. */
export function Icon({ children, className = 'icon' }: { children: ReactNode; className?: string }) {
  return (
    <svg
      className={className}
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  )
}

/** A cross: close, dismiss. */
export function CloseIcon() {
  return (
    <Icon>
      <path d="M4 4l8 8M12 4l-8 8" />
    </Icon>
  )
}

/** A plus: new, add. */
export function PlusIcon() {
  return (
    <Icon>
      <path d="M8 3v10M3 8h10" />
    </Icon>
  )
}

/** A pencil: rename. */
export function PencilIcon() {
  return (
    <Icon>
      <path d="M10.5 2.5l3 3L6 13H3v-3z" />
    </Icon>
  )
}

/** A bin: delete. */
export function TrashIcon() {
  return (
    <Icon>
      <path d="M2.5 4.5h11M6 4.5V3h4v1.5M4 4.5l.7 9h6.6l.7-9M6.7 7v4.5M9.3 7v4.5" />
    </Icon>
  )
}

/** An arrow into a tray: import. */
export function ImportIcon() {
  return (
    <Icon>
      <path d="M8 2v8M5 7l3 3 3-3M2.5 10.5v3h11v-3" />
    </Icon>
  )
}

/** An arrow out of a tray: export, download. */
export function ExportIcon() {
  return (
    <Icon>
      <path d="M8 10V2M5 5l3-3 3 3M2.5 10.5v3h11v-3" />
    </Icon>
  )
}

/** A quotation mark: excerpt. */
export function QuoteIcon() {
  return (
    <Icon>
      <path d="M3 9.5c0-2.5 1-4 3-5M3 9.5h2.5V12H3zM9 9.5c0-2.5 1-4 3-5M9 9.5h2.5V12H9z" />
    </Icon>
  )
}

/** An arrow pointing right into a page: insert into the note. */
export function InsertIcon() {
  return (
    <Icon>
      <path d="M2 8h7M6.5 5.5L9 8l-2.5 2.5M11.5 2.5h2v11h-2" />
    </Icon>
  )
}

/** A window with its left column: show or hide the library sidebar. */
export function SidebarIcon() {
  return (
    <Icon>
      <rect x="2" y="3" width="12" height="10" rx="1.5" />
      <path d="M6 3v10" />
    </Icon>
  )
}

/** Corners pointing outwards: focus mode, the text alone. */
export function FocusIcon() {
  return (
    <Icon>
      <path d="M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10" />
    </Icon>
  )
}

/** Sliders: settings. */
export function SettingsIcon() {
  return (
    <Icon>
      <path d="M3 4.5h6M12 4.5h1M3 11.5h1M7 11.5h6" />
      <circle cx="10.5" cy="4.5" r="1.5" />
      <circle cx="5.5" cy="11.5" r="1.5" />
    </Icon>
  )
}
