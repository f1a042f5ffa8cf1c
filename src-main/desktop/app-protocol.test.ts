import { describe, it, expect, beforeAll, beforeEach, vi } from 'vitest'
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { registerAppScheme, serveAppProtocol } from './app-protocol'
import { app, protocol, resetElectronStandIn } from './testing/electron-stand-in'

vi.mock('electron', () => import('./testing/electron-stand-in'))

let work: string
let rendererDir: string
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'commonplace-app-protocol-'))
  rendererDir = join(work, 'out', 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Commonplace</title>')
  await writeFile(join(rendererDir, 'assets', 'index.js'), 'console.log("app")')
  await writeFile(join(work, 'out', 'secret.txt'), 'outside the renderer folder')
  await writeFile(join(work, 'secret.txt'), 'outside the renderer folder')
  await symlink(join(work, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'))
})

beforeEach(async () => {
  resetElectronStandIn()
  registerAppScheme()
  await app.whenReady()
  serveAppProtocol(rendererDir)
})

const get = (url: string, init?: RequestInit) => protocol.simulateRequest(url, init)

describe('the app: scheme', () => {
  it('is standard and secure before the app is ready, and neither bypasses the CSP nor takes service workers', () => {
    expect(protocol.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    // Electron refuses it once ready: the launch code must register it first.
    expect(() => registerAppScheme()).toThrow(/before app is ready/)
  })

  it('serves the built page and its assets with the app’s CSP', async () => {
    const page = await get('app://commonplace/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('Content-Security-Policy')).toMatch(/default-src 'self'; script-src 'self';/)
    expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(await page.text()).toContain('<title>Commonplace</title>')
    const script = await get('app://commonplace/assets/index.js')
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
  })

  it.each([
    'app://commonplace/../secret.txt',
    'app://commonplace/%2e%2e/secret.txt',
    'app://commonplace/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://commonplace/assets/%2e%2e/%2e%2e/%2e%2e/secret.txt',
    'app://commonplace/assets/link.txt',
    'app://commonplace/..%5c..%5csecret.txt',
    'app://commonplace/%E0%A4%A',
    'app://commonplace/',
    'app://commonplace/missing.js',
    'app://elsewhere/index.html',
  ])('refuses %s: nothing outside out/renderer, nothing but its files', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('outside the renderer folder')
  })

  it('answers only reads', async () => {
    expect((await get('app://commonplace/index.html', { method: 'POST', body: 'x' })).status).toBe(405)
  })
})
