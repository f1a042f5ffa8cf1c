import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import { messageOf } from '../api'
import { CloseIcon } from './icons'
import './notices.css'

/** One line of detail under a notice, e.g. the outcome of one imported file. */
export interface NoticeDetail {
  tone: NoticeTone
  text: string
}

export type NoticeTone = 'info' | 'success' | 'error'

/** Something the app tells the user: a result, an error, or an action they may want to undo. */
export interface Notice {
  id: number
  tone: NoticeTone
  message: string
  details?: NoticeDetail[]
  action?: { label: string; run: () => void | Promise<void> }
  /** Stable selector for tests (e.g. "import-result"). */
  testId?: string
  /** Undo offers expire; results and errors stay until dismissed. */
  expiresAfterMs?: number
}

/** What components use to speak to the user. */
export interface Notifier {
  show(notice: Omit<Notice, 'id'>): number
  /** Shows a failure with its message, prefixed by what was being attempted. */
  error(doing: string, error: unknown): void
  dismiss(id: number): void
}

const NotifierContext = createContext<Notifier | null>(null)

/** Toasts stay short: at most this many at once, the oldest giving way to a new one. */
const MOST_SHOWN = 3

/** The notifier of the nearest NoticeProvider. */
export function useNotifier(): Notifier {
  const notifier = useContext(NotifierContext)
  if (!notifier) throw new Error('useNotifier needs a NoticeProvider above it')
  return notifier
}

/**
 * Holds the notices and renders them in one polite live region at the bottom of the window: a few at
 * a time, in a bounded area (notices.css), so a burst of them never covers the window.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([])
  const nextId = useRef(1)

  const dismiss = useCallback((id: number) => setNotices((all) => all.filter((n) => n.id !== id)), [])
  const notifier = useMemo<Notifier>(
    () => ({
      show(notice) {
        const id = nextId.current++
        // A newer notice of the same kind replaces the older one rather than piling up.
        setNotices((all) =>
          [...all.filter((n) => !notice.testId || n.testId !== notice.testId), { ...notice, id }].slice(
            -MOST_SHOWN,
          ),
        )
        return id
      },
      error(doing, error) {
        const id = nextId.current++
        setNotices((all) =>
          [
            ...all,
            { id, tone: 'error' as const, message: `${doing}: ${messageOf(error)}`, testId: 'error-notice' },
          ].slice(-MOST_SHOWN),
        )
      },
      dismiss,
    }),
    [dismiss],
  )

  return (
    <NotifierContext.Provider value={notifier}>
      {children}
      <div className="notice-area" role="status" aria-live="polite" aria-label="Notifications">
        {notices.map((notice) => (
          <NoticeCard key={notice.id} notice={notice} notifier={notifier} />
        ))}
      </div>
    </NotifierContext.Provider>
  )
}

function NoticeCard({ notice, notifier }: { notice: Notice; notifier: Notifier }) {
  const [busy, setBusy] = useState(false)
  const { id, expiresAfterMs } = notice
  useEffect(() => {
    if (!expiresAfterMs) return
    const timer = window.setTimeout(() => notifier.dismiss(id), expiresAfterMs)
    return () => window.clearTimeout(timer)
  }, [id, expiresAfterMs, notifier])

  const onDismiss = () => notifier.dismiss(id)
  const runAction = async () => {
    if (!notice.action) return
    setBusy(true)
    try {
      await notice.action.run()
      onDismiss()
    } catch (error) {
      onDismiss()
      notifier.error(`Could not ${notice.action.label.toLowerCase()}`, error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className={`notice notice--${notice.tone}`} data-testid={notice.testId}>
      <div className="notice__body">
        <p className="notice__message">{notice.message}</p>
        {notice.details && notice.details.length > 0 && (
          <ul className="notice__details">
            {notice.details.map((detail, index) => (
              <li key={index} className={`notice__detail notice__detail--${detail.tone}`}>
                {detail.text}
              </li>
            ))}
          </ul>
        )}
      </div>
      {notice.action && (
        <button
          type="button"
          className="button button--quiet notice__action"
          disabled={busy}
          onClick={runAction}
        >
          {notice.action.label}
        </button>
      )}
      <button
        type="button"
        className="icon-button notice__close"
        aria-label="Dismiss notification"
        onClick={onDismiss}
      >
        <CloseIcon />
      </button>
    </div>
  )
}
