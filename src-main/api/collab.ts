import { z } from 'zod'
import { method } from './method'
import { NoteId } from '../core/ids'
import { NoteSummary } from '../core/records'

/** A Y.Doc state (one Yjs update) as base64, at most 20 MB of it. */
const LiveState = z
  .string()
  .max(28_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64')

export const collabMethods = {
  'notes.liveState': method({
    summary: "A live-shared note's Y.Doc state kept in the library (base64), or null.",
    input: z.object({ id: NoteId }),
    output: z.object({ state: LiveState.nullable() }),
    handler: async ({ store }, { id }) => {
      const { readLiveState } = await import('../core/sync/collab/live-note-store')
      const state = await readLiveState(store, id)
      return { state: state ? Buffer.from(state).toString('base64') : null }
    },
  }),
  'notes.saveLive': method({
    summary:
      "Saves a live-shared note from its Y.Doc state: the core rebuilds the note's content from it and writes both at once.",
    input: z.object({ id: NoteId, state: LiveState.min(1) }),
    output: NoteSummary,
    handler: async ({ store }, { id, state }) => {
      const { saveLiveNote } = await import('../core/sync/collab/live-note-store')
      return saveLiveNote(store, id, new Uint8Array(Buffer.from(state, 'base64')))
    },
  }),
}
