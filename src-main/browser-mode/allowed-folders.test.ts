import { describe, it, expect, beforeAll } from 'vitest'
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PathUse } from '../api/path-policy'
import { AllowedFolders, realPathOf } from './allowed-folders'

let root: string
let folders: AllowedFolders

beforeAll(async () => {
  root = await realPathOf(await mkdtemp(join(tmpdir(), 'commonplace-allowed-')))
  for (const dir of ['library', 'export/sub', 'outside', 'home/Documents', 'confirmed'])
    await mkdir(join(root, dir), { recursive: true })
  await writeFile(join(root, 'home', '.bashrc'), 'echo original\n')
  await writeFile(join(root, 'library', 'original.txt'), 'text')
  await writeFile(join(root, 'export', 'a-file.md'), '# a file')
  await symlink(join(root, 'outside'), join(root, 'export', 'link'))
  folders = new AllowedFolders({
    libraryDir: join(root, 'library'),
    defaultExportDir: join(root, 'export'),
    homeDir: join(root, 'home'),
  })
  await folders.confirm(join(root, 'confirmed'))
})

const at = (path: string) => join(root, path)

describe('the paths browser mode may name', () => {
  it.each<[string, PathUse, string]>([
    ['library/original.txt', 'import', 'library/original.txt'],
    ['export/vault', 'export-folder', 'export/vault'],
    ['export/sub/../vault', 'export-folder', 'export/vault'],
    ['export/note.md', 'export-file', 'export/note.md'],
    ['export/sub', 'export-file', 'export/sub'],
    ['confirmed/deeper/vault', 'export-folder', 'confirmed/deeper/vault'],
    ['confirmed/reading.pdf', 'import', 'confirmed/reading.pdf'],
  ])('allows %s for %s', async (path, use, expected) => {
    expect(await folders.resolve(at(path), use)).toBe(at(expected))
  })

  it.each<[string, PathUse, RegExp]>([
    ['home/.bashrc', 'export-file', /outside them/],
    ['home', 'export-folder', /outside them/],
    ['outside/x.txt', 'import', /outside them/],
    ['library', 'export-folder', /outside them/],
    ['library/note.md', 'export-file', /outside them/],
    ['export/../home/.bashrc', 'export-file', /outside them/],
    ['export/link/x.md', 'export-file', /outside them/],
    ['export/.bashrc', 'export-file', /hidden file or folder \(\.bashrc\)/],
    ['export/sub/.git/hooks', 'export-folder', /hidden file or folder \(\.git\)/],
    ['confirmed/.ssh/authorized_keys', 'import', /hidden/],
    ['export/run.sh', 'export-file', /not a Markdown file name/],
  ])('refuses %s for %s', async (path, use, reason) => {
    await expect(folders.resolve(at(path), use)).rejects.toMatchObject({
      code: 'PATH_REFUSED',
      message: reason,
    })
  })

  it('refuses a relative path, which would resolve against the server’s working folder', async () => {
    await expect(folders.resolve('vault', 'export-folder')).rejects.toThrow(/not a full path/)
  })
})

describe('confirming a folder', () => {
  it.each<[string, RegExp]>([
    ['home', /whole home folder/],
    ['', /whole home folder/],
    ['home/.config/autostart', /hidden folder \(\.config\)/],
    ['library/articles', /inside the library/],
    ['export/a-file.md', /a file, not a folder/],
  ])('refuses %j', async (path, reason) => {
    await expect(folders.confirm(at(path))).rejects.toMatchObject({ code: 'PATH_REFUSED', message: reason })
  })

  it('lets a folder the user confirmed be written, nothing hidden in it', async () => {
    await expect(folders.resolve(at('home/Documents/vault'), 'export-folder')).rejects.toThrow(/outside/)
    expect(await folders.confirm(at('home/Documents'))).toBe(at('home/Documents'))
    expect(await folders.resolve(at('home/Documents/vault'), 'export-folder')).toBe(
      at('home/Documents/vault'),
    )
    await expect(folders.resolve(at('home/Documents/.profile'), 'export-file')).rejects.toThrow(/hidden/)
    await expect(folders.resolve(at('home/.bashrc'), 'export-file')).rejects.toThrow(/outside/)
  })
})

describe("the library's default export folder (Settings)", () => {
  const withSaved = (saved: string | null) =>
    new AllowedFolders({
      libraryDir: join(root, 'library'),
      defaultExportDir: join(root, 'export'),
      homeDir: join(root, 'home'),
      savedExportDir: () => saved,
    })

  it('may be written without asking, as the built-in one may, and is read at each call', async () => {
    let saved: string | null = null
    const policy = new AllowedFolders({
      libraryDir: join(root, 'library'),
      defaultExportDir: join(root, 'export'),
      homeDir: join(root, 'home'),
      savedExportDir: () => saved,
    })
    await expect(policy.resolve(at('outside/vault'), 'export-folder')).rejects.toMatchObject({
      code: 'PATH_REFUSED',
    })
    saved = at('outside')
    expect(await policy.resolve(at('outside/vault'), 'export-folder')).toBe(at('outside/vault'))
    expect(await policy.allowsExportTo(at('outside'))).toBe(true)
    // Still never a hidden part inside it.
    await expect(policy.resolve(at('outside/.git'), 'export-folder')).rejects.toThrow(/hidden/)
  })

  it.each([
    ['the home folder itself', 'home'],
    ['a folder inside the library', 'library/articles'],
    ['a hidden folder', 'home/.config'],
  ])('adds nothing when it is %s (it must then be confirmed)', async (_what, path) => {
    const policy = withSaved(at(path))
    await expect(policy.resolve(at(`${path}/vault`), 'export-folder')).rejects.toMatchObject({
      code: 'PATH_REFUSED',
    })
  })
})
