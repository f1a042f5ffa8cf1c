import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import './confirm.css'

/** What a confirmation asks. */
export interface ConfirmRequest {
  title: string
  message: string
  confirmLabel: string
  /** Destructive actions get a red confirm button. */
  danger?: boolean
}

type Confirm = (request: ConfirmRequest) => Promise<boolean>

const ConfirmContext = createContext<Confirm | null>(null)

/** Asks the user in an in-app modal dialog; resolves true only when they confirm. */
export function useConfirm(): Confirm {
  const confirm = useContext(ConfirmContext)
  if (!confirm) throw new Error('useConfirm needs a ConfirmProvider above it')
  return confirm
}

interface Pending extends ConfirmRequest {
  resolve: (confirmed: boolean) => void
}

/**
 * One modal `<dialog>` for the whole app. The native dialog gives focus trapping, a backdrop and
 * Escape-to-cancel for free, and returns focus to where it was when it closes.
 */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null)
  const dialogRef = useRef<HTMLDialogElement>(null)

  const confirm = useCallback<Confirm>(
    (request) =>
      new Promise<boolean>((resolve) => {
        setPending((previous) => {
          previous?.resolve(false)
          return { ...request, resolve }
        })
      }),
    [],
  )

  useEffect(() => {
    const dialog = dialogRef.current
    if (pending && dialog && !dialog.open) dialog.showModal()
  }, [pending])

  const finish = (confirmed: boolean) => {
    dialogRef.current?.close()
    pending?.resolve(confirmed)
    setPending(null)
  }

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <dialog
        ref={dialogRef}
        className="dialog"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-message"
        data-testid="confirm-dialog"
        onCancel={(event) => {
          event.preventDefault()
          finish(false)
        }}
      >
        {pending && (
          <form
            method="dialog"
            onSubmit={(event) => {
              event.preventDefault()
              finish(true)
            }}
          >
            <h2 id="confirm-title" className="dialog__title">
              {pending.title}
            </h2>
            <p id="confirm-message" className="dialog__message">
              {pending.message}
            </p>
            <div className="dialog__actions">
              <button type="button" className="button" autoFocus onClick={() => finish(false)}>
                Cancel
              </button>
              <button
                type="submit"
                className={pending.danger ? 'button button--danger' : 'button button--primary'}
                data-testid="confirm-button"
              >
                {pending.confirmLabel}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </ConfirmContext.Provider>
  )
}
