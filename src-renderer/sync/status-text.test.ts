import { describe, it, expect } from 'vitest'
import { syncStatusText } from './status-text'
import type { MethodOutput } from '../../src-main/api/contract'

type SyncState = MethodOutput<'sync.state'>

const base: SyncState = {
  setup: {
    server: 'https://couch.example.org',
    database: 'library',
    username: 'me',
    live: true,
    hasPassword: true,
  },
  passwordKeptIn: 'a file',
  activity: 'idle',
  progress: null,
  error: null,
  lastSynced: null,
  pending: 0,
  conflicts: 0,
  failures: [],
  received: 0,
}

describe('what the sync indicator says', () => {
  it.each<[string, Partial<SyncState>, string, string]>([
    ['live and caught up', {}, 'idle', 'Synced'],
    ['off, with changes waiting', { activity: 'off', pending: 3 }, 'idle', 'Sync off · 3 to send'],
    [
      'a first sync receiving',
      { activity: 'syncing', progress: { step: 'receiving', done: 1200, total: 5750 } },
      'busy',
      `Receiving ${(1200).toLocaleString()} of ${(5750).toLocaleString()}`,
    ],
    ['a sync starting', { activity: 'syncing' }, 'busy', 'Syncing…'],
    ['an error', { activity: 'error', error: 'wrong password' }, 'error', 'Sync error'],
    ['open conflicts', { conflicts: 2 }, 'conflict', '2 conflicts'],
  ])('%s', (_name, change, tone, text) => {
    expect(syncStatusText({ ...base, ...change })).toEqual({ tone, text })
  })
})
