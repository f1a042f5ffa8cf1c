import { useId, useState, type FormEvent } from 'react'
import { api } from '../api'
import { countOf } from '../ui/format'
import { refreshSyncState, setSyncState, useSyncState } from './sync-state'
import { syncStatusText } from './status-text'
import './sync.css'

/**
 * Settings ▸ Sync: the CouchDB server, database, user and password (kept by the keychain or a private
 * file, never in the library), Test connection, Sync now, live sync on or off, and where it stands.
 */
export function SyncSettings() {
  const { state, failure } = useSyncState()
  const id = useId()
  const [server, setServer] = useState('')
  const [database, setDatabase] = useState('')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [filled, setFilled] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  // The box shows the user's choice at once, while the core turns sync on or off.
  const [wantLive, setWantLive] = useState<boolean | null>(null)
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)

  // The saved setup fills the form once it is known (set while rendering, React's way to adjust state
  // to new props); typing is never overwritten by a later poll.
  if (!filled && state) {
    setFilled(true)
    if (state.setup) {
      setServer(state.setup.server)
      setDatabase(state.setup.database)
      setUsername(state.setup.username)
    }
  }

  const setup = state?.setup ?? null
  const changed =
    !setup ||
    setup.server !== server.trim() ||
    setup.database !== database.trim() ||
    setup.username !== username.trim() ||
    password !== ''

  const run = async (label: string, work: () => Promise<string | null>) => {
    setBusy(label)
    setMessage(null)
    try {
      const said = await work()
      if (said) setMessage({ tone: 'ok', text: said })
    } catch (error) {
      setMessage({ tone: 'error', text: (error as Error).message })
    } finally {
      setBusy(null)
      void refreshSyncState()
    }
  }

  const save = async () => {
    if (!changed) return
    setSyncState(
      await api.call('sync.configure', {
        server: server.trim(),
        database: database.trim(),
        username: username.trim(),
        ...(password ? { password } : {}),
      }),
    )
    setPassword('')
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void run('save', async () => (await save(), 'Saved.'))
  }
  const test = () => run('test', async () => (await save(), (await api.call('sync.test', {})).message))
  const syncNow = () =>
    run('now', async () => {
      await save()
      const after = await api.call('sync.now', {})
      setSyncState(after)
      return after.failures.length ? null : 'Synced.'
    })
  const toggleLive = (on: boolean) => {
    setWantLive(on)
    return run('live', async () => {
      await save()
      const after = await api.call(on ? 'sync.start' : 'sync.stop', {})
      setSyncState(after)
      return on
        ? after.error
          ? null
          : 'Sync is on: changes go both ways while Commonplace runs.'
        : 'Sync is off.'
    }).finally(() => setWantLive(null))
  }

  const status = state && setup ? syncStatusText(state) : null
  return (
    <form
      className="sync-settings"
      onSubmit={onSubmit}
      data-testid="sync-settings"
      aria-describedby={`${id}-about`}
    >
      <p className="settings__hint" id={`${id}-about`}>
        Sync this library with a CouchDB database: every article, excerpt and note, both ways.
      </p>
      <Field
        id={`${id}-server`}
        label="Server"
        value={server}
        onChange={setServer}
        placeholder="https://couch.example.org"
        type="url"
        autoComplete="url"
      />
      <Field
        id={`${id}-database`}
        label="Database"
        value={database}
        onChange={setDatabase}
        placeholder="my-library"
      />
      <Field id={`${id}-user`} label="User" value={username} onChange={setUsername} autoComplete="username" />
      <Field
        id={`${id}-password`}
        label="Password"
        value={password}
        onChange={setPassword}
        type="password"
        autoComplete="current-password"
        placeholder={setup?.hasPassword ? 'Saved (type to replace)' : ''}
      />
      {state && (
        <p className="settings__hint">
          The password is kept in {state.passwordKeptIn}, never in the library folder.
        </p>
      )}
      <div className="sync-settings__actions">
        <button type="submit" className="button button--small" disabled={busy !== null || !changed}>
          Save
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={busy !== null || !server || !database}
          onClick={() => void test()}
        >
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={busy !== null || !server || !database}
          onClick={() => void syncNow()}
        >
          {busy === 'now' ? 'Syncing…' : 'Sync now'}
        </button>
        <label className="sync-settings__live">
          <input
            type="checkbox"
            checked={wantLive ?? setup?.live ?? false}
            disabled={busy !== null || !server || !database}
            onChange={(event) => void toggleLive(event.target.checked)}
            data-testid="sync-live"
          />
          Keep syncing while Commonplace runs
        </label>
      </div>
      {message && (
        <p
          className={`sync-settings__message sync-settings__message--${message.tone}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
          data-testid="sync-message"
        >
          {message.text}
        </p>
      )}
      {state && setup && status && (
        <dl className="sync-settings__facts" data-testid="sync-facts">
          <dt>Status</dt>
          <dd className={`sync-settings__status sync-settings__status--${status.tone}`}>{status.text}</dd>
          <dt>Last synced</dt>
          <dd>{state.lastSynced ? new Date(state.lastSynced).toLocaleString() : 'Never'}</dd>
          <dt>To send</dt>
          <dd data-testid="sync-pending">{state.pending ? countOf(state.pending, 'change') : 'Nothing'}</dd>
          <dt>Conflicts</dt>
          <dd>{state.conflicts ? `${state.conflicts}: resolve them at the top of the sidebar` : 'None'}</dd>
        </dl>
      )}
      {state?.error && (
        <p className="sync-settings__message sync-settings__message--error" role="alert">
          {state.error}
        </p>
      )}
      {failure && !state && <p className="sync-settings__message sync-settings__message--error">{failure}</p>}
      {state?.failures.length ? (
        <ul className="sync-settings__failures" aria-label="Not sent">
          {state.failures.map((item) => (
            <li key={item.docId}>
              “{item.title}” was not sent: {item.reason}. Ask the server’s administrator to raise its limit,
              or shorten the article.
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  )
}

function Field(props: {
  id: string
  label: string
  value: string
  onChange(value: string): void
  type?: string
  placeholder?: string
  autoComplete?: string
}) {
  return (
    <div className="settings__row">
      <label className="settings__label" htmlFor={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        className="sync-settings__input"
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        autoComplete={props.autoComplete ?? 'off'}
        spellCheck={false}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  )
}
