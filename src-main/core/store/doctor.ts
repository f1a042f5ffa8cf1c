import { join } from 'node:path'
import type { LibraryStore } from './library-store'
import { isMissing, type StoreFs } from './store-fs'
import { BACKUP_EVERY_MS } from './backups'
import { STORE_FOLDER } from './library-lock'
import { isIdOf } from '../ids'

/** One thing `commonplace doctor` found. A `problem` makes the library unhealthy until repaired. */
export interface DoctorFinding {
  severity: 'problem' | 'warning'
  file: string
  what: string
  /** What `--repair` does about it (nothing is ever deleted but temp files; the rest is moved aside). */
  repair: string | null
  repaired: boolean
}

export interface DoctorReport {
  library: string
  healthy: boolean
  counts: { articles: number; excerpts: number; notes: number }
  backups: { count: number; newest: string | null }
  findings: DoctorFinding[]
}

const LEFTOVER = /^\..+\.(tmp|prev)$/
/** Files this old cannot belong to a write in progress (a write takes milliseconds). */
const LEFTOVER_AGE_MS = 60_000
const ORPHANS = join(STORE_FOLDER, 'orphans')

/**
 * Checks a library's folder against its records: what the store set aside when it opened, temp files
 * left by crashes, bodies no record names, records whose files are missing, and whether backups are
 * recent. With `repair`, under the library lock: temp files go, orphans move to `.commonplace/orphans/`
 * (kept), and a backup is taken if none is recent.
 */
export async function checkLibrary(store: LibraryStore, repair = false): Promise<DoctorReport> {
  const findings: DoctorFinding[] = []
  for (const problem of store.problems) {
    const problemOrWarning =
      problem.action === 'quarantined' || problem.action === 'failed' ? 'problem' : 'warning'
    findings.push({
      severity: problemOrWarning,
      file: problem.file,
      what: problem.reason,
      repair: null,
      repaired: false,
    })
  }
  await store.maintain(async (fs) => {
    const moveAside = async (from: string, name: string) => {
      const to = join(store.dir, ORPHANS, name)
      await fs.mkdir(join(to, '..'), { recursive: true })
      await fs.rename(from, to)
      return to
    }
    for (const leftover of await leftovers(fs, store.dir)) {
      const finding = {
        severity: 'problem' as const,
        file: leftover.path,
        what: 'a temp file left by an interrupted write',
        repair: 'delete it',
        repaired: false,
      }
      if (repair && Date.now() - leftover.mtimeMs > LEFTOVER_AGE_MS) {
        await fs.rm(leftover.path, { force: true })
        finding.repaired = true
      }
      findings.push(finding)
    }
    /** A file no record names: reported, and with --repair moved to the orphans folder (kept). */
    const orphan = async (file: string, asideName: string, what: string) => {
      const finding: DoctorFinding = {
        severity: 'problem',
        file,
        what,
        repair: `move it to ${ORPHANS}/`,
        repaired: false,
      }
      if (repair) {
        finding.file = await moveAside(file, asideName)
        finding.repaired = true
      }
      findings.push(finding)
    }
    const data = store.data
    const articleIds = new Set(data.articles.map((a) => a.id))
    for (const name of await names(fs, join(store.dir, 'articles'))) {
      if (articleIds.has(name) || name.startsWith('.')) continue
      await orphan(
        join(store.dir, 'articles', name),
        `articles-${name}`,
        'an article folder no record names (left by an interrupted import?)',
      )
    }
    for (const article of data.articles) {
      for (const body of ['content.html', 'text.txt']) {
        const file = join(store.dir, 'articles', article.id, body)
        if (!(await exists(fs, file)))
          findings.push({
            severity: 'problem',
            file,
            what: `“${article.title}” has no ${body}; re-import or update it from its original`,
            repair: null,
            repaired: false,
          })
      }
    }
    const noteIds = new Set(data.notes.map((n) => n.id))
    for (const name of await names(fs, join(store.dir, 'notes'))) {
      const id = name.replace(/\.json$/, '')
      if (name.endsWith('.meta.json') || !isIdOf('n', id) || noteIds.has(id)) continue
      await orphan(join(store.dir, 'notes', name), `notes-${name}`, 'a note’s content with no note record')
    }
    for (const note of data.notes) {
      const file = join(store.dir, 'notes', `${note.id}.json`)
      if (!(await exists(fs, file)))
        findings.push({
          severity: 'problem',
          file,
          what: `the content of the note “${note.title}” is missing`,
          repair: null,
          repaired: false,
        })
    }
    for (const excerpt of data.excerpts) {
      if (!articleIds.has(excerpt.articleId))
        findings.push({
          severity: 'warning',
          file: join(store.dir, 'excerpts', `${excerpt.id}.json`),
          what: `an excerpt of the article ${excerpt.articleId}, which is not in the library`,
          repair: null,
          repaired: false,
        })
    }
  })
  const counts = {
    articles: store.data.articles.length,
    excerpts: store.data.excerpts.length,
    notes: store.data.notes.length,
  }
  let backups = await store.backups()
  const recent = backups[0] && Date.now() - Date.parse(backups[0].takenAt) < 24 * BACKUP_EVERY_MS
  if (!recent && counts.articles + counts.excerpts + counts.notes > 0) {
    const finding: DoctorFinding = {
      severity: 'warning',
      file: join(store.dir, STORE_FOLDER, 'backups'),
      what: 'no backup from the last day',
      repair: 'take a backup now',
      repaired: false,
    }
    if (repair) {
      await store.backUpNow()
      finding.repaired = true
      backups = await store.backups()
    }
    findings.push(finding)
  }
  return {
    library: store.dir,
    healthy: findings.every((f) => f.severity !== 'problem' || f.repaired),
    counts,
    backups: { count: backups.length, newest: backups[0]?.takenAt ?? null },
    findings,
  }
}

async function names(fs: StoreFs, folder: string): Promise<string[]> {
  try {
    return await fs.readdir(folder)
  } catch (error) {
    if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return []
    throw error
  }
}

async function exists(fs: StoreFs, file: string): Promise<boolean> {
  try {
    await fs.stat(file)
    return true
  } catch (error) {
    if (isMissing(error)) return false
    throw error
  }
}

/** Temp files and kept old versions anywhere in the library but the backups. */
async function leftovers(fs: StoreFs, dir: string): Promise<{ path: string; mtimeMs: number }[]> {
  const folders = [
    STORE_FOLDER,
    'notes',
    'excerpts',
    ...(await names(fs, join(dir, 'articles'))).map((n) => join('articles', n)),
  ]
  const found: { path: string; mtimeMs: number }[] = []
  for (const folder of folders) {
    for (const name of await names(fs, join(dir, folder))) {
      if (!LEFTOVER.test(name)) continue
      const path = join(dir, folder, name)
      found.push({ path, mtimeMs: (await fs.stat(path)).mtimeMs })
    }
  }
  return found
}
