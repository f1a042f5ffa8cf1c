import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { mkdtemp, mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary, type Library } from '../core/library'
import { SAMPLE_ARTICLE } from '../testing/corpus'
import { AllowedFolders, realPathOf } from '../browser-mode/allowed-folders'
import { PathGrants } from '../desktop/path-grants'
import { TERMINAL_CALL, type CallContext } from './path-policy'
import { invoke } from './invoke'

// library.setExportSettings' folder goes through the caller's path policy like export.vault's outDir:
// a page can store only a folder its user gave, and what is stored is the path the policy resolved.

let dir: string
let library: Library

beforeEach(async () => {
  dir = await realPathOf(await mkdtemp(join(tmpdir(), 'commonplace-folder-setting-')))
  await mkdir(join(dir, 'home'), { recursive: true })
  library = await openLibrary(join(dir, 'library'), SAMPLE_ARTICLE)
})

afterEach(async () => {
  await library.store.close()
  await rm(dir, { recursive: true, force: true })
})

const setFolder = (folder: string | null, call: CallContext) =>
  invoke(library, 'library.setExportSettings', { folder }, call)
const stored = () => library.store.data.settings.export.folder
const suggested = async () => {
  const reply = await invoke(library, 'export.vaultDefaultDir', {}, TERMINAL_CALL)
  return reply.ok ? (reply.result as { path: string }).path : null
}

describe('the default export folder, set through the API', () => {
  it('browser mode: refused until the user allowed the folder, then kept and offered to the vault export', async () => {
    const folders = new AllowedFolders({
      libraryDir: join(dir, 'library'),
      defaultExportDir: join(dir, 'home', 'Commonplace vault'),
      homeDir: join(dir, 'home'),
      savedExportDir: stored,
    })
    const call = { paths: folders }
    const wanted = join(dir, 'Research vault')
    const refused = await setFolder(wanted, call)
    expect(refused).toMatchObject({ ok: false, error: { code: 'PATH_REFUSED' } })
    expect(stored()).toBeNull()

    await folders.confirm(wanted)
    expect(await setFolder(wanted, call)).toMatchObject({ ok: true })
    expect(stored()).toBe(wanted)
    expect(await suggested()).toBe(wanted)
    // A page script cannot use the setting to reach a folder nobody allowed.
    expect(await setFolder(join(dir, 'home', '.ssh'), call)).toMatchObject({ ok: false })
    expect(await setFolder('relative/vault', call)).toMatchObject({ ok: false })
    expect(stored()).toBe(wanted)

    expect(await setFolder(null, call)).toMatchObject({ ok: true })
    expect(stored()).toBeNull()
  })

  it('desktop: only a grant from the folder dialog, stored as the folder chosen', async () => {
    const grants = new PathGrants()
    const call = { paths: grants.policyFor(7) }
    const chosen = join(dir, 'Chosen vault')
    expect(await setFolder(chosen, call)).toMatchObject({ ok: false, error: { code: 'PATH_REFUSED' } })
    const grant = grants.issue(7, chosen, 'export-folder')
    expect(await setFolder(grant, call)).toMatchObject({ ok: true })
    expect(stored()).toBe(chosen)
    // A grant for another use (a file to import) is not a folder to export into.
    expect(await setFolder(grants.issue(7, '/etc', 'import'), call)).toMatchObject({ ok: false })
    expect(stored()).toBe(chosen)
  })

  it('the terminal: any full path typed there', async () => {
    expect(await setFolder(join(dir, 'typed'), TERMINAL_CALL)).toMatchObject({ ok: true })
    expect(stored()).toBe(join(dir, 'typed'))
  })
})
