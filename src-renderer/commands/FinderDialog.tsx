import { useLayoutEffect, useRef, type ReactNode } from 'react'

/** Props of the modal that holds the palette, the switcher or the shortcuts sheet. */
export interface FinderDialogProps {
  label: string
  testId: string
  wide?: boolean
  onClose(): void
  children: ReactNode
}

/**
 * A native modal `<dialog>`, shown as soon as it mounts: the browser traps focus inside and turns
 * Escape into `cancel`. Where focus goes back to afterwards is the Finder's business (it may run a
 * command first), so closing only tells it.
 */
export function FinderDialog({ label, testId, wide = false, onClose, children }: FinderDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  useLayoutEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    // Straight into the field (or the first control): typing starts at once.
    dialog?.querySelector<HTMLElement>('input, button')?.focus()
    return () => dialog?.close()
  }, [])
  return (
    <dialog
      ref={ref}
      data-finder=""
      className={`finder ${wide ? 'finder--wide' : ''}`}
      aria-label={label}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      // A click on the backdrop (the dialog element itself, outside its content) closes it.
      onMouseDown={(event) => event.target === ref.current && onClose()}
    >
      {children}
    </dialog>
  )
}
