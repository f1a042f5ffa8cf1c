import { describe, expect, it } from 'vitest'
import { ImportQueue, countRows, localFile, type ImportItem, type ImportQueueEvent } from './import-queue'
import type { ImportOutcome } from './import-outcomes'
import { importableFiles } from './importable-files'

/** An importer that answers by file name and lets the test decide when each answer arrives. */
function gatedImporter() {
  const pending: { name: string; release: () => void }[] = []
  const importOne = (file: ImportItem): Promise<ImportOutcome> =>
    new Promise((resolve) => {
      const outcome: ImportOutcome = file.name.startsWith('bad')
        ? {
            name: file.name,
            status: 'failed',
            articleId: null,
            title: null,
            message: `${file.name} is damaged`,
          }
        : {
            name: file.name,
            status: 'imported',
            articleId: `id-${file.name}`,
            title: file.name,
            message: 'Imported',
          }
      pending.push({ name: file.name, release: () => resolve(outcome) })
    })
  /** Lets the file being imported finish and waits until the queue has moved on. */
  const finishNext = async () => {
    await until(() => pending.length > 0)
    pending.shift()!.release()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return { importOne, finishNext }
}

async function until(condition: () => boolean) {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 100) throw new Error('the queue did not get there')
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

const files = (...names: string[]) => names.map((name) => new File(['x'], name))

describe('ImportQueue', () => {
  it('imports two files at a time, reports them in order, and a failure does not stop the batch', async () => {
    const importer = gatedImporter()
    const queue = new ImportQueue(importer.importOne)
    const events: ImportQueueEvent[] = []
    queue.listen((event) => events.push(event))
    queue.enqueue(files('a.md', 'bad.pdf', 'c.txt'))
    expect(queue.getSnapshot().rows.map((row) => row.state)).toEqual(['importing', 'importing', 'queued'])
    await importer.finishNext()
    expect(queue.getSnapshot().rows.map((row) => row.state)).toEqual(['done', 'importing', 'importing'])
    await importer.finishNext()
    expect(queue.getSnapshot().rows.map((row) => row.state)).toEqual(['done', 'failed', 'importing'])
    expect(queue.getSnapshot().rows[1]!.message).toBe('bad.pdf is damaged')
    await importer.finishNext()
    expect(queue.getSnapshot().running).toBe(false)
    expect(countRows(queue.getSnapshot().rows)).toMatchObject({ done: 2, failed: 1, queued: 0 })
    expect(events.map((event) => event.type)).toEqual(['imported', 'imported', 'batchDone'])
    const done = events.at(-1)!
    expect(done.type === 'batchDone' && done.outcomes.map((o) => o.status)).toEqual([
      'imported',
      'failed',
      'imported',
    ])
  })

  it('a cancel lets the current files finish and starts no other; files added later are imported', async () => {
    const importer = gatedImporter()
    const queue = new ImportQueue(importer.importOne)
    queue.enqueue(files('a.md', 'b.md', 'c.md', 'd.md'))
    queue.cancel()
    expect(queue.getSnapshot()).toMatchObject({ running: true, cancelling: true })
    expect(queue.getSnapshot().rows.map((row) => row.state)).toEqual([
      'importing',
      'importing',
      'cancelled',
      'cancelled',
    ])
    queue.enqueue(files('e.md'))
    expect(queue.getSnapshot().cancelling).toBe(false)
    for (let n = 0; n < 3; n++) await importer.finishNext()
    expect(queue.getSnapshot().running).toBe(false)
    expect(queue.getSnapshot().rows.map((row) => row.state)).toEqual([
      'done',
      'done',
      'cancelled',
      'cancelled',
      'done',
    ])
    queue.dismiss()
    expect(queue.getSnapshot().rows).toEqual([])
  })
})

describe('ImportQueue notices', () => {
  it("keeps an imported file's notices on its row for the progress view", async () => {
    const notice = 'Only 2 words were found in this 16 KB file.'
    const queue = new ImportQueue(async (file) => ({
      name: file.name,
      status: 'imported',
      articleId: 'a1',
      title: 'Short',
      message: 'Imported',
      notices: [notice],
    }))
    queue.enqueue(files('short.docx', 'other.docx'))
    await until(() => !queue.getSnapshot().running)
    expect(queue.getSnapshot().rows.map((row) => row.notices)).toEqual([[notice], [notice]])
  })
})

describe('importableFiles', () => {
  it('keeps what an importer accepts and skips the rest, hidden files and folders included', () => {
    const inFolder = (path: string) => {
      const file = new File(['x'], path.split('/').pop()!)
      Object.defineProperty(file, 'webkitRelativePath', { value: path })
      return file
    }
    const chosen = importableFiles(
      [
        inFolder('reading/a.MD'),
        inFolder('reading/deep/b.pdf'),
        inFolder('reading/table.csv'),
        inFolder('reading/.hidden.md'),
        inFolder('reading/.git/HEAD.txt'),
        inFolder('reading/no-extension'),
      ],
      ['md', 'pdf', 'txt'],
    )
    expect(chosen.files.map((file) => file.name)).toEqual(['a.MD', 'b.pdf'])
    expect(chosen.skipped).toBe(4)
  })
})

describe('local files (File ▸ Import in the desktop app)', () => {
  it('are named by the label of their grant and go through the same queue as picked files', async () => {
    const grant = (name: string) => ({ grant: `grant:${'x'.repeat(24)}`, label: name })
    expect(localFile(grant('paper.pdf'))).toEqual({
      kind: 'grant',
      grant: `grant:${'x'.repeat(24)}`,
      name: 'paper.pdf',
    })
    const importer = gatedImporter()
    const queue = new ImportQueue(importer.importOne)
    queue.enqueue([localFile(grant('a.md')), ...files('b.md'), localFile(grant('bad.pdf'))])
    expect(queue.getSnapshot().rows.map((row) => [row.name, row.state])).toEqual([
      ['a.md', 'importing'],
      ['b.md', 'importing'],
      ['bad.pdf', 'queued'],
    ])
    for (let n = 0; n < 3; n++) await importer.finishNext()
    expect(queue.getSnapshot().rows.map((row) => row.state)).toEqual(['done', 'done', 'failed'])
  })
})
