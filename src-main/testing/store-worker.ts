// A second Commonplace process for the durability tests (and `npm run bench:durability`): it opens a
// library and writes through the real core, printing `ack <kind> <id> <value>` on stdout only once a
// write has resolved, i.e. is durable. Whatever was acknowledged must be found afterwards.
import { LibraryStore } from '../core/store/library-store'
import { createNote, saveNote } from '../core/notes/notes'
import { createExcerpt } from '../core/excerpts'
import { readArticleText } from '../core/articles'
import { noteContent } from './note-content'
import { open } from 'node:fs/promises'
import { join } from 'node:path'

const [dir, mode, name, countText, sizeText] = process.argv.slice(2)
const count = Number(countText ?? 100)
const padding = 'x'.repeat(Number(sizeText ?? 0))

const ack = (kind: string, id: string, value: string) => process.stdout.write(`ack ${kind} ${id} ${value}\n`)

async function interleaved(store: LibraryStore): Promise<void> {
  const article = store.data.articles[0]
  const text = article ? await readArticleText(store, article.id) : ''
  const mine: string[] = []
  for (let i = 0; i < count; i++) {
    const step = i % 3
    if (step === 0 || mine.length === 0) {
      const note = await createNote(store, `${name}-${i}`)
      mine.push(note.id)
      ack('note', note.id, `${name}-${i}`)
    } else if (step === 1) {
      const id = mine[i % mine.length]!
      await saveNote(store, id, noteContent(`${name} save ${i}`))
      ack('save', id, `${name} save ${i}`)
    } else if (article) {
      const start = (i * 7) % Math.max(1, text.length - 20)
      const excerpt = await createExcerpt(store, {
        articleId: article.id,
        start,
        end: start + 10,
        quote: text.slice(start, start + 10),
      })
      ack('excerpt', excerpt.id, String(start))
    }
  }
}

/** Saves one note over and over, each version numbered, until killed. */
async function savesUntilKilled(store: LibraryStore): Promise<void> {
  const note = store.data.notes.find((n) => n.title === name) ?? (await createNote(store, name!))
  for (let version = 1; ; version++) {
    await saveNote(store, note.id, noteContent(`${name} version ${version}`, padding))
    ack('save', note.id, `${name} version ${version}`)
  }
}

/**
 * What a naive store does, for the checks to prove they catch it: the note file overwritten in place
 * (`fs.writeFile` without a temp file). The second version stops half-written and says so (`ack
 * mid-write`), as if the machine stopped there: the test kills it at that point. Never used by the app.
 */
async function naiveSaveStoppedMidWrite(store: LibraryStore): Promise<void> {
  const note = store.data.notes.find((n) => n.title === name) ?? (await createNote(store, name!))
  const file = join(store.dir, 'notes', `${note.id}.json`)
  for (let version = 1; version <= 2; version++) {
    const content = noteContent(`${name} version ${version}`, padding)
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 1, id: note.id, content }))
    const handle = await open(file, 'w')
    const end = version === 1 ? bytes.length : Math.floor(bytes.length / 2)
    await handle.write(bytes, 0, end)
    if (version === 2) {
      ack('mid-write', note.id, `${name} version ${version}`)
      await new Promise(() => undefined) // killed here
    }
    await handle.close()
    ack('save', note.id, `${name} version ${version}`)
  }
}

/** The naive in-place writer again, saving until killed (the durability bench counts what kills tear). */
async function naiveSavesUntilKilled(store: LibraryStore): Promise<void> {
  const note = store.data.notes.find((n) => n.title === name) ?? (await createNote(store, name!))
  const file = join(store.dir, 'notes', `${note.id}.json`)
  for (let version = 1; ; version++) {
    const content = noteContent(`${name} version ${version}`, padding)
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 1, id: note.id, content }))
    const handle = await open(file, 'w')
    for (let at = 0; at < bytes.length; at += 4096)
      await handle.write(bytes, at, Math.min(4096, bytes.length - at))
    await handle.close()
    ack('save', note.id, `${name} version ${version}`)
  }
}

const store = await LibraryStore.open(dir!)
if (mode === 'interleaved') await interleaved(store)
else if (mode === 'saves') await savesUntilKilled(store)
else if (mode === 'naive-save-stopped') await naiveSaveStoppedMidWrite(store)
else if (mode === 'naive-saves') await naiveSavesUntilKilled(store)
else throw new Error(`unknown mode ${mode}`)
await store.close()
