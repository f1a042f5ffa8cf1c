import { describe, it, expect } from 'vitest'
import type { NoteSummary } from '../../src-main/core/records'
import { noteLinkTarget } from './note-link-target'

const note = (id: string, title: string): NoteSummary => ({
  id,
  title,
  createdAt: 'x',
  updatedAt: 'x',
  excerptIds: [],
  linkedNoteIds: [],
  waitingLinkTitles: [],
  tags: [],
})
const notes = [note('n-1', 'Kurdish timeline'), note('n-2', 'Other')]

describe('noteLinkTarget', () => {
  it.each([
    { name: 'a note by id, under any old title', link: { noteId: 'n-1', title: 'Old' }, kind: 'note' },
    { name: 'a deleted note', link: { noteId: 'n-9', title: 'Gone' }, kind: 'deleted' },
    {
      name: 'a waiting link whose note exists now',
      link: { noteId: '', title: 'kurdish  TIMELINE' },
      kind: 'note',
    },
    { name: 'a waiting link', link: { noteId: '', title: 'Not yet' }, kind: 'waiting' },
  ])('$name', ({ link, kind }) => {
    const target = noteLinkTarget(notes, link)
    expect(target.kind).toBe(kind)
    if (target.kind === 'note') expect(target.note.id).toBe('n-1')
  })

  it('is loading while the notes are', () => {
    expect(noteLinkTarget(null, { noteId: '', title: 'x' })).toEqual({ kind: 'loading' })
  })
})
