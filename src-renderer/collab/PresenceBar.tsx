import type { LiveStatus } from '../../src-main/core/sync/collab/hocuspocus-adapter'
import type { LiveConnection } from './live-connections'

/** Someone in the shared note, as awareness announces them. */
export interface Peer {
  id: number
  name: string
  color: string
  me: boolean
}

export interface PresenceBarProps {
  connection: LiveConnection
  status: LiveStatus
  reason?: string
  /** Was connected, is not now: edits are kept and merge when the server is back. */
  reconnecting: boolean
  peers: Peer[]
  onChangeConnection(): void
  onStop(): void
}

/** Who is in the shared note and how the connection stands; announced to screen readers politely. */
export function PresenceBar({
  connection,
  status,
  reason,
  reconnecting,
  peers,
  onChangeConnection,
  onStop,
}: PresenceBarProps) {
  const label =
    status === 'connected'
      ? 'Live'
      : status === 'refused'
        ? `Refused: ${reason ?? 'the server said no'}`
        : reconnecting
          ? 'Offline — reconnecting; your edits are kept'
          : status === 'offline'
            ? 'Offline — retrying; your edits are kept'
            : 'Connecting…'
  const state =
    status === 'connected'
      ? 'connected'
      : status === 'refused'
        ? 'refused'
        : reconnecting || status === 'offline'
          ? 'offline'
          : 'connecting'
  return (
    <section className="live-bar" aria-label="Live co-editing" data-testid="live-bar" data-state={state}>
      <span className={`live-bar__status live-bar__status--${state}`} role="status" data-testid="live-status">
        <span className="live-bar__dot" aria-hidden="true" />
        {label}
      </span>
      <span className="live-bar__document" title={connection.url}>
        {connection.documentName}
      </span>
      <ul className="live-bar__people" aria-label="Who is here" data-testid="live-people">
        {peers.map((peer) => (
          <li key={peer.id} className="live-bar__person" data-testid="live-person">
            <span className="live-bar__swatch" style={{ background: peer.color }} aria-hidden="true" />
            {peer.me ? `${peer.name} (you)` : peer.name}
          </li>
        ))}
      </ul>
      <span className="live-bar__actions">
        <button
          type="button"
          className="live-bar__button"
          onClick={onChangeConnection}
          data-testid="live-change"
        >
          Connection…
        </button>
        <button type="button" className="live-bar__button" onClick={onStop} data-testid="live-stop">
          Stop live editing
        </button>
      </span>
    </section>
  )
}
