import type { MethodOutput } from '../../src-main/api/contract'
import { countOf } from '../ui/format'

/** What the indicator says: idle, syncing n of m, an error, or open conflicts. */
export function syncStatusText(state: MethodOutput<'sync.state'>): {
  tone: 'idle' | 'busy' | 'error' | 'conflict'
  text: string
} {
  if (state.activity === 'error') return { tone: 'error', text: 'Sync error' }
  if (state.activity === 'syncing') {
    const progress = state.progress
    const step = progress
      ? { receiving: 'Receiving', applying: 'Saving', sending: 'Sending' }[progress.step]
      : null
    return {
      tone: 'busy',
      text:
        progress && step
          ? `${step} ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`
          : 'Syncing…',
    }
  }
  if (state.conflicts) return { tone: 'conflict', text: countOf(state.conflicts, 'conflict') }
  if (state.activity === 'idle') return { tone: 'idle', text: 'Synced' }
  return { tone: 'idle', text: state.pending ? `Sync off · ${state.pending} to send` : 'Sync off' }
}
