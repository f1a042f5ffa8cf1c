import { z } from 'zod'
import { method } from './method'
import { ArticleOrNoteId, ExcerptId } from '../core/ids'
import { backlinksOf, notesCiting } from '../core/graph'

const NoteRef = z.object({ id: z.string(), title: z.string() })

export const graphMethods = {
  'graph.backlinks': method({
    summary: 'For an article: the notes citing each excerpt; for a note: the notes linking to it.',
    input: z.object({ id: ArticleOrNoteId }),
    output: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('article'),
        id: z.string(),
        title: z.string(),
        notes: z.array(NoteRef),
        excerpts: z.array(z.object({ excerptId: z.string(), notes: z.array(NoteRef) })),
      }),
      z.object({ kind: z.literal('note'), id: z.string(), title: z.string(), notes: z.array(NoteRef) }),
    ]),
    handler: ({ store }, { id }) => backlinksOf(store, id),
  }),
  'graph.citingNotes': method({
    summary: 'The notes citing any of the given excerpts (asked before a delete).',
    input: z.object({ excerptIds: z.array(ExcerptId).max(10_000) }),
    output: z.array(NoteRef),
    handler: ({ store }, { excerptIds }) => notesCiting(store, excerptIds),
  }),
}
