import { z } from 'zod'
import { method } from './method'
import { replicaOf } from '../core/sync/session'
import { conflictVersions, listConflicts, resolveConflict } from '../core/sync/conflicts'
import { lastSync } from '../core/sync/sync-run'
import { syncLiveMethods } from './sync-live'

const Conflict = z.object({
  docId: z.string(),
  kind: z.string(),
  id: z.string(),
  title: z.string(),
  mineRev: z.string(),
  theirsRev: z.string(),
  fields: z.array(z.string()),
  detectedAt: z.string(),
})

/** A record id, or `settings`: what names a conflict. */
const ConflictId = z.string().regex(/^(settings|(a|ex|n)-[0-9a-z]{1,32})$/, 'is not a record id')

const Rejection = z.object({ docId: z.string(), rev: z.string(), reason: z.string() })

export const syncMethods = {
  ...syncLiveMethods,
  'sync.status': method({
    summary:
      'The last sync with a CouchDB server: when, what went each way, what was refused; open conflicts.',
    input: z.object({}),
    output: z.object({
      lastSync: z
        .object({
          remote: z.string(),
          finishedAt: z.string(),
          pulled: z.number(),
          pushed: z.number(),
          applied: z.number(),
          merged: z.number(),
          conflicts: z.number(),
          rejected: z.array(Rejection),
          failures: z.array(z.object({ docId: z.string(), title: z.string(), reason: z.string() })),
        })
        .nullable(),
      openConflicts: z.number(),
    }),
    handler: async ({ store }) => {
      const replica = await replicaOf(store)
      const last = await lastSync(replica)
      return { lastSync: last, openConflicts: (await listConflicts(replica)).length }
    },
  }),
  'sync.conflicts': method({
    summary: 'Records changed here and on another device in ways that do not merge, until resolved.',
    input: z.object({}),
    output: z.array(Conflict),
    handler: async ({ store }) => listConflicts(await replicaOf(store)),
  }),
  'sync.conflict': method({
    summary: "Both versions of a conflicted record, side by side (a note's with its content).",
    input: z.object({ id: ConflictId }),
    output: z.object({ conflict: Conflict, mine: z.unknown(), theirs: z.unknown() }),
    handler: async ({ store }, { id }) => conflictVersions(await replicaOf(store), id),
  }),
  'sync.resolve': method({
    summary:
      "Resolves a conflict: keep mine (this library's version), theirs (the other device's), or both (notes: the other version becomes a new note).",
    input: z.object({ id: ConflictId, keep: z.enum(['mine', 'theirs', 'both']) }),
    output: Conflict,
    handler: async ({ store }, { id, keep }) => {
      const resolved = await resolveConflict(await replicaOf(store), id, keep)
      store.changedElsewhere++ // an open window refreshes its lists (keep both made a note)
      return resolved
    },
  }),
}
