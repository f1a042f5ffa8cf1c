import { z } from 'zod'
import { method } from './method'
import { exportNote, exportNoteToFile } from '../core/export/note-markdown'

const Id = z.string().min(1).max(200)

export const exportMethods = {
  'export.note': method({
    summary: 'A note as a Markdown file: a safe file name and its contents.',
    input: z.object({ id: Id }),
    output: z.object({ fileName: z.string(), markdown: z.string() }),
    handler: ({ store }, { id }) => exportNote(store, id),
  }),
  'export.noteToFile': method({
    summary: 'Writes a note as Markdown to a path on this machine (CLI, desktop save dialog).',
    input: z.object({ id: Id, path: z.string().min(1) }),
    output: z.object({ path: z.string(), bytes: z.number() }),
    handler: ({ store }, { id, path }) => exportNoteToFile(store, id, path),
  }),
}
