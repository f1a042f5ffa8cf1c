import { describe, it, expect } from 'vitest'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chooseRendererLocation, RendererLocation } from './renderer-location'

const mainDir = join('/opt', 'commonplace', 'out', 'main')
const indexHtml = join('/opt', 'commonplace', 'out', 'renderer', 'index.html')

describe('choosing the renderer', () => {
  it('loads the built page beside the main script', () => {
    const renderer = chooseRendererLocation({ isPackaged: false, devServerUrl: undefined, mainDir })
    expect(renderer.url).toBe('app://commonplace/index.html')
    expect(renderer.builtDir).toBe(join('/opt', 'commonplace', 'out', 'renderer'))
    expect(renderer.isDevServer).toBe(false)
  })

  it('uses the electron-vite dev server while developing', () => {
    const renderer = chooseRendererLocation({
      isPackaged: false,
      devServerUrl: 'http://localhost:5173',
      mainDir,
    })
    expect(renderer.url).toBe('http://localhost:5173/')
    expect(renderer.builtDir).toBeNull()
    expect(renderer.isDevServer).toBe(true)
  })

  it.each([
    ['a packaged app', true, 'http://localhost:5173'],
    ['a dev server that is not on this machine', false, 'http://example.com:5173'],
    ['a dev server address that is not http', false, 'file:///etc/passwd'],
  ])('ignores ELECTRON_RENDERER_URL in %s', (_why, isPackaged, devServerUrl) => {
    expect(chooseRendererLocation({ isPackaged, devServerUrl, mainDir }).url).toBe(
      'app://commonplace/index.html',
    )
  })
})

describe('what counts as the app’s own page', () => {
  const built = RendererLocation.builtPage(indexHtml)
  const dev = RendererLocation.devServer('http://localhost:5173/')

  it.each([
    [built, 'app://commonplace/index.html', true],
    [built, 'app://commonplace/index.html#/notes/n-1', true],
    [built, 'app://commonplace/index.html?view=reader', true],
    [built, 'app://commonplace/other.html', false],
    [built, 'app://elsewhere/index.html', false],
    // The page on disk is not the app: a file: page shares its origin with every other file.
    [built, pathToFileURL(indexHtml).href, false],
    [built, pathToFileURL('/etc/passwd').href, false],
    [built, 'https://example.com/', false],
    [built, 'not a url', false],
    [dev, 'http://localhost:5173/index.html#x', true],
    [dev, 'http://localhost:5174/', false],
    [dev, 'http://127.0.0.1:5173/', false],
    [dev, 'https://localhost:5173/', false],
  ])('%s contains %s: %s', (renderer, candidate, expected) => {
    expect(renderer.contains(candidate)).toBe(expected)
  })
})
