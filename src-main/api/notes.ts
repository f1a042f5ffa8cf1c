import { z } from 'zod'
import { method } from './method'
import { NoteId } from '../core/ids'
import { NoteSummary } from '../core/records'
import { SerializedNoteContent } from '../core/notes/note-content'
import {
  listNotes,
  createNote,
  getNote,
  saveNote,
  renameNote,
  deleteNote,
  restoreNote,
} from '../core/notes/notes'

const NoteWithContent = z.object({ note: NoteSummary, content: SerializedNoteContent.nullable() })

export const noteMethods = {
  'notes.list': method({
    summary: 'All notes, most recently changed first.',
    input: z.object({}),
    output: z.array(NoteSummary),
    handler: async ({ store }) => {
      // What another process (the CLI) wrote just before a window asked is in the list it gets.
      await store.refresh()
      return listNotes(store)
    },
  }),
  'notes.create': method({
    summary: 'Creates an empty note.',
    input: z.object({ title: z.string().max(500).default('') }),
    output: NoteSummary,
    handler: ({ store }, { title }) => createNote(store, title),
  }),
  'notes.get': method({
    summary: 'A note and its Lexical content.',
    input: z.object({ id: NoteId }),
    output: NoteWithContent,
    handler: ({ store }, { id }) => getNote(store, id),
  }),
  'notes.save': method({
    summary: "Saves a note's content; resolves once it is on disk.",
    input: z.object({ id: NoteId, content: SerializedNoteContent }),
    output: NoteSummary,
    handler: ({ store }, { id, content }) => saveNote(store, id, content),
  }),
  'notes.rename': method({
    summary: 'Changes a note title.',
    input: z.object({ id: NoteId, title: z.string().min(1).max(500) }),
    output: NoteSummary,
    handler: ({ store }, { id, title }) => renameNote(store, id, title),
  }),
  'notes.delete': method({
    summary: 'Deletes a note and returns it with its content (for undo).',
    input: z.object({ id: NoteId }),
    output: NoteWithContent,
    handler: ({ store }, { id }) => deleteNote(store, id),
  }),
  'notes.restore': method({
    summary: 'Puts back a note removed by notes.delete (undo).',
    input: NoteWithContent,
    output: NoteSummary,
    handler: ({ store }, removed) => restoreNote(store, removed),
  }),
  'notes.importMarkdown': method({
    summary:
      'Imports Markdown files as new notes (front matter, body, excerpt citations); returns them in order.',
    input: z.object({
      files: z
        .array(z.object({ name: z.string().min(1).max(1000), text: z.string().max(20_000_000) }))
        .min(1),
    }),
    output: z.array(NoteSummary),
    handler: async ({ store }, { files }) => {
      const { importNoteFromMarkdown } = await import('../core/notes/markdown-import')
      const notes = []
      for (const file of files) notes.push(await importNoteFromMarkdown(store, file.text, file.name))
      return notes
    },
  }),
}
