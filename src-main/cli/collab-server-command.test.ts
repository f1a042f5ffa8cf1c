import { describe, expect, it, vi } from 'vitest'
import { spawn } from 'node:child_process'
import { chmod, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { openHeadlessLiveNote } from '../core/sync/collab/headless-live-note'
import { noteContentFromState } from '../core/sync/collab/note-binding'
import { noteContent } from '../testing/note-content'
import { runCliInProcess } from '../testing/run-cli'

const CLI = join(import.meta.dirname, '..', 'cli.ts')
const folder = () => mkdtemp(join(tmpdir(), 'commonplace-collab-cli-'))

describe('commonplace collab-server', () => {
  it('serves shared notes with the token, stores them in DIR, and stops on SIGTERM', async () => {
    const dir = await folder()
    const token = randomBytes(24).toString('hex')
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, 'collab-server', '--port', '0', '--dir', dir, '--json'],
      { env: { ...process.env, COMMONPLACE_COLLAB_TOKEN: token }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
    let stdout = ''
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        const line = stdout.split('\n').find((text) => text.startsWith('{'))
        if (line) resolve((JSON.parse(line) as { listening: { url: string } }).listening.url)
      })
      child.once('exit', (code) => reject(new Error(`collab-server exited (${code}) before listening`)))
    })
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/)

    const note = openHeadlessLiveNote(
      { url, documentName: 'from-the-cli', token },
      { seed: noteContent('typed through the CLI server') },
    )
    await note.synced
    await vi.waitFor(() => expect(note.provider.hocuspocus.unsyncedChanges).toBe(0))
    note.close()
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(await readdir(dir)).toEqual(['from-the-cli.yjs'])
    const stored = await readFile(join(dir, 'from-the-cli.yjs'))
    expect(JSON.stringify(await noteContentFromState(new Uint8Array(stored)))).toContain(
      'typed through the CLI server',
    )
  })

  it('refuses to start without a token', async () => {
    const saved = process.env.COMMONPLACE_COLLAB_TOKEN
    delete process.env.COMMONPLACE_COLLAB_TOKEN
    try {
      const { code, stderr } = await runCliInProcess('collab-server', '--dir', await folder())
      expect(code).toBe(1)
      expect(stderr).toContain(
        'The collab server needs a token: set COMMONPLACE_COLLAB_TOKEN or give --token-file',
      )
    } finally {
      if (saved !== undefined) process.env.COMMONPLACE_COLLAB_TOKEN = saved
    }
  })

  it('refuses a token file others may read', async () => {
    const dir = await folder()
    const file = join(dir, 'token')
    await writeFile(file, randomBytes(24).toString('hex'))
    await chmod(file, 0o644)
    const { code, stderr } = await runCliInProcess('collab-server', '--dir', dir, '--token-file', file)
    expect(code).toBe(1)
    expect(stderr).toContain('may be read by others (mode 644); run chmod 600 on it')
  })

  it.each([
    [['collab-server'], 'collab-server needs --dir DIR'],
    [['collab-server', '--dir', 'x', '--port', 'many'], '--port must be a port number'],
    [['collab-server', 'extra', '--dir', 'x'], 'collab-server takes no arguments'],
  ])('says what is wrong with %j', async (args, message) => {
    const { code, stderr } = await runCliInProcess(...args)
    expect(code).toBe(2)
    expect(stderr).toContain(message)
  })
})
