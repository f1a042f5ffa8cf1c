import { useCallback, useEffect, useState } from 'react'
import type { NoteSummary } from '../../src-main/core/records'
import { api } from '../api'
import { useNotifier } from '../ui/notices'

/** The notes of the library and what can be done to them. */
export interface NotesState {
  /** Most recently changed first; null until the first load has answered. */
  notes: NoteSummary[] | null
  /** Loads the list again (another process changed the library). */
  reload(): Promise<void>
  create(): Promise<NoteSummary | null>
  rename(id: string, title: string): Promise<void>
  /** Deletes a note (the caller has asked) and offers Undo; `onRestored` runs if the user takes it. */
  remove(note: NoteSummary, onRestored: (note: NoteSummary) => void): Promise<boolean>
  /** Takes in a summary the editor's save returned (new updatedAt, excerpt ids). */
  update(note: NoteSummary): void
}

const byMostRecent = (a: NoteSummary, b: NoteSummary) => b.updatedAt.localeCompare(a.updatedAt)

/** Loads the note list and keeps it current. */
export function useNotes(): NotesState {
  const notifier = useNotifier()
  const [notes, setNotes] = useState<NoteSummary[] | null>(null)

  const upsert = useCallback((note: NoteSummary) => {
    setNotes((all) => [...(all ?? []).filter((n) => n.id !== note.id), note].sort(byMostRecent))
  }, [])

  const reload = useCallback(async () => {
    try {
      setNotes(await api.call('notes.list', {}))
    } catch (error) {
      notifier.error('Could not load the notes', error)
    }
  }, [notifier])

  useEffect(() => {
    api
      .call('notes.list', {})
      .then(setNotes, (error: unknown) => notifier.error('Could not load the notes', error))
  }, [notifier])

  const create = useCallback(async () => {
    try {
      const note = await api.call('notes.create', { title: '' })
      upsert(note)
      return note
    } catch (error) {
      notifier.error('Could not create a note', error)
      return null
    }
  }, [notifier, upsert])

  const rename = useCallback(
    async (id: string, title: string) => {
      try {
        upsert(await api.call('notes.rename', { id, title }))
      } catch (error) {
        notifier.error('Could not rename the note', error)
      }
    },
    [notifier, upsert],
  )

  const remove = useCallback(
    async (note: NoteSummary, onRestored: (note: NoteSummary) => void) => {
      try {
        const removed = await api.call('notes.delete', { id: note.id })
        setNotes((all) => all?.filter((n) => n.id !== note.id) ?? null)
        notifier.show({
          tone: 'info',
          message: `Deleted the note “${note.title}”.`,
          action: {
            label: 'Undo',
            run: async () => {
              const restored = await api.call('notes.restore', removed)
              upsert(restored)
              onRestored(restored)
            },
          },
          testId: 'undo-notice',
          expiresAfterMs: 20_000,
        })
        return true
      } catch (error) {
        notifier.error(`Could not delete the note “${note.title}”`, error)
        return false
      }
    },
    [notifier, upsert],
  )

  return { notes, reload, create, rename, remove, update: upsert }
}
