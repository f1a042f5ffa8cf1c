// Writing a vault's files without ever clobbering: a manifest remembers what the export wrote and
// its hash, so a file is replaced only while it still holds exactly what was written last time.
import { createHash } from 'node:crypto'
import { readFile, unlink } from 'node:fs/promises'
import { join, relative, isAbsolute, sep } from 'node:path'
import { z } from 'zod'
import { writeFileDurably } from '../store/durable-file'
import { CommonplaceError } from '../errors'

/** Where the manifest lives in a vault. */
export const MANIFEST_PATH = '.commonplace/manifest.json'

const Manifest = z.object({
  format: z.literal('commonplace-vault'),
  version: z.literal(1),
  /** Every file the export wrote, by path relative to the vault (always `/`), with what it is and its sha256. */
  files: z.record(z.string(), z.object({ sha256: z.string(), id: z.string() })),
})
/** The record of a vault export. */
export type Manifest = z.infer<typeof Manifest>

/** What happened to each file of one export. */
export interface VaultWriteReport {
  created: string[]
  updated: string[]
  unchanged: string[]
  /** Files changed by someone since the last export: left alone; the new version is written beside them. */
  edited: { path: string; newVersion: string }[]
  /** Files of things no longer exported (or renamed), removed because nobody had changed them. */
  removed: string[]
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Reads the manifest; a vault never exported into has an empty one. A damaged manifest stops the export rather than risk edits. */
export async function readManifest(outDir: string): Promise<Manifest> {
  let text: string
  try {
    text = await readFile(join(outDir, MANIFEST_PATH), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { format: 'commonplace-vault', version: 1, files: {} }
    throw error
  }
  const parsed = Manifest.safeParse(JSON.parse(text))
  if (!parsed.success)
    throw new CommonplaceError(
      'INVALID_INPUT',
      `${join(outDir, MANIFEST_PATH)} is not a Commonplace vault manifest; nothing was written`,
    )
  return parsed.data
}

/** The absolute path of `path` in `outDir`, refusing anything that would land outside it. */
export function insideVault(outDir: string, path: string): string {
  const target = join(outDir, ...path.split('/'))
  const rel = relative(outDir, target)
  if (!rel || rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel))
    throw new CommonplaceError('INVALID_INPUT', `Refusing to write outside the export folder: ${path}`)
  return target
}

async function hashOf(path: string): Promise<string | null> {
  try {
    return sha256(await readFile(path))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** `notes/a.md` → `notes/a.commonplace.md`: where a new version goes when the user edited the file. */
export function besidePath(path: string): string {
  const dot = path.lastIndexOf('.')
  return dot > path.lastIndexOf('/')
    ? `${path.slice(0, dot)}.commonplace${path.slice(dot)}`
    : `${path}.commonplace`
}

/** Writes one file by the no-clobber rule, recording it in `next`; returns what happened. */
export async function writeVaultFile(
  outDir: string,
  previous: Manifest,
  next: Manifest,
  report: VaultWriteReport,
  file: { path: string; id: string; bytes: Uint8Array },
): Promise<void> {
  const target = insideVault(outDir, file.path)
  const hash = sha256(file.bytes)
  const written = previous.files[file.path]
  const current = await hashOf(target)
  if (current !== null && current !== hash && (!written || current !== written.sha256)) {
    // Edited since we wrote it (or never ours): keep that file and its record, put ours beside it.
    if (written) next.files[file.path] = written
    const beside = besidePath(file.path)
    const besideRecord = previous.files[beside]
    const besideHash = await hashOf(insideVault(outDir, beside))
    if (besideHash === null || (besideRecord && besideHash === besideRecord.sha256)) {
      if (besideHash !== hash) await writeFileDurably(insideVault(outDir, beside), file.bytes)
      next.files[beside] = { sha256: hash, id: file.id }
    } else if (besideRecord) next.files[beside] = besideRecord
    report.edited.push({ path: file.path, newVersion: beside })
    return
  }
  next.files[file.path] = { sha256: hash, id: file.id }
  if (current === hash) {
    report.unchanged.push(file.path)
    return
  }
  await writeFileDurably(target, file.bytes)
  ;(current === null ? report.created : report.updated).push(file.path)
}

/** Removes files the last export wrote that this one did not, when nobody changed them; keeps (and remembers) edited ones. */
export async function removeStaleFiles(
  outDir: string,
  previous: Manifest,
  next: Manifest,
  report: VaultWriteReport,
): Promise<void> {
  for (const [path, record] of Object.entries(previous.files)) {
    if (next.files[path]) continue
    const target = insideVault(outDir, path)
    const current = await hashOf(target)
    if (current === null) continue
    if (current === record.sha256) {
      await unlink(target)
      report.removed.push(path)
    } else next.files[path] = record
  }
}

/** Writes the manifest last, so an interrupted export is redone safely next time. */
export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => a.localeCompare(b)))
  await writeFileDurably(
    insideVault(outDir, MANIFEST_PATH),
    JSON.stringify({ ...manifest, files: sorted }, null, 2) + '\n',
  )
}
