import { useSyncExternalStore } from 'react'
import type { MethodOutput } from '../../src-main/api/contract'
import { api } from '../api'

/** Where sync stands, as the core says it (sync.state). */
export type SyncState = MethodOutput<'sync.state'>

/** How often the window asks: often while a sync runs (its progress moves), calmly otherwise. */
const WHILE_SYNCING_MS = 400
const OTHERWISE_MS = 2000

let state: SyncState | null = null
let failure: string | null = null
const listeners = new Set<() => void>()
let timer: ReturnType<typeof setTimeout> | null = null
let asking = false

function publish(next: SyncState | null, error: string | null): void {
  state = next
  failure = error
  snapshot = { state, failure }
  for (const listener of listeners) listener()
}

/** Asks the core now (after a change the user made) and keeps asking while anyone listens. */
export async function refreshSyncState(): Promise<void> {
  if (asking) return
  asking = true
  try {
    publish(await api.call('sync.state', {}), null)
  } catch (error) {
    publish(state, (error as Error).message)
  } finally {
    asking = false
  }
}

/** Puts a state the core just answered (sync.configure, sync.start …) in place at once. */
export function setSyncState(next: SyncState): void {
  publish(next, null)
}

function schedule(): void {
  if (timer || listeners.size === 0) return
  const wait = state?.activity === 'syncing' ? WHILE_SYNCING_MS : OTHERWISE_MS
  timer = setTimeout(() => {
    timer = null
    void refreshSyncState().finally(schedule)
  }, wait)
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (listeners.size === 1) void refreshSyncState().finally(schedule)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer) {
      clearTimeout(timer)
      timer = null
    }
  }
}

let snapshot: { state: SyncState | null; failure: string | null } = { state, failure }

/** The sync state every part of the window shows (one poller, however many components read it). */
export function useSyncState(): { state: SyncState | null; failure: string | null } {
  return useSyncExternalStore(subscribe, () => snapshot)
}
