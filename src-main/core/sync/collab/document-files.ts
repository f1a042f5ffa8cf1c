import { mkdir, readFile } from 'node:fs/promises'
import { join, resolve, sep } from 'node:path'
import * as Y from 'yjs'
import { writeFileDurably } from '../../store/durable-file'
import { checkDocumentName } from './document-name'

/**
 * The collab server's folder: one file per shared document, `<name>.yjs`, holding the document's
 * whole Yjs state as one update. Names are checked before they become paths, and every write is
 * atomic (temp file, fsync, rename), so a crash leaves the last stored state.
 */
export class DocumentFiles {
  readonly dir: string

  constructor(dir: string) {
    this.dir = resolve(dir)
  }

  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true })
  }

  /** The file of a document; throws for a name that is not a document name. */
  pathOf(name: string): string {
    const path = join(this.dir, `${checkDocumentName(name)}.yjs`)
    // The pattern already rules out separators; this says so once more where the path is made.
    if (!path.startsWith(this.dir + sep)) throw new Error(`refused document path ${path}`)
    return path
  }

  /** The stored state of a document, or null if it was never stored. */
  async read(name: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.pathOf(name)))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  /** Stores the whole state of a document (durable once this resolves). */
  async write(name: string, doc: Y.Doc): Promise<void> {
    await writeFileDurably(this.pathOf(name), Y.encodeStateAsUpdate(doc))
  }
}
