import { useOpenSettings } from '../settings/settings-context'
import { useSyncState } from './sync-state'
import { syncStatusText } from './status-text'
import './sync.css'

/** The window's sync indicator (shown once sync is set up); it opens Settings, where Sync is. */
export function SyncStatus() {
  const { state } = useSyncState()
  const openSettings = useOpenSettings()
  if (!state?.setup) return null
  const { tone, text } = syncStatusText(state)
  const detail =
    state.error ??
    (state.lastSynced ? `Last synced ${new Date(state.lastSynced).toLocaleString()}` : 'Not synced yet')
  return (
    <button
      type="button"
      className={`sync-status sync-status--${tone}`}
      data-testid="sync-status"
      data-activity={state.activity}
      aria-label={`Sync: ${text}. ${detail}. Open sync settings`}
      title={detail}
      onClick={() => openSettings?.()}
    >
      <span className="sync-status__dot" aria-hidden="true" />
      <span aria-live="polite">{text}</span>
    </button>
  )
}
