import { describe, it, expect } from 'vitest'
import { join, resolve } from 'node:path'
import { existsSync } from 'node:fs'
import {
  libraryDirFrom,
  sampleArticlePathFor,
  userDataDirFrom,
  SAMPLE_ARTICLE_NAME,
} from './library-location'

const userData = join('/home/ada/.config', 'Commonplace')

describe('where the library is', () => {
  it.each([
    {
      why: '--library DIR wins over the environment',
      argv: ['electron', '.', '--library', '/tmp/a'],
      env: { COMMONPLACE_LIBRARY: '/tmp/env' },
      expected: '/tmp/a',
    },
    {
      why: '--library=DIR works too',
      argv: ['commonplace', '--library=/tmp/b'],
      env: {},
      expected: '/tmp/b',
    },
    {
      why: 'a relative folder is resolved against the working folder',
      argv: ['commonplace', '--library', 'notes'],
      env: {},
      expected: resolve('notes'),
    },
    {
      why: 'Chromium switches around it are ignored',
      argv: ['electron', '--no-sandbox', '.', '--library', '/tmp/c', '--enable-logging'],
      env: {},
      expected: '/tmp/c',
    },
    {
      why: 'COMMONPLACE_LIBRARY when no flag',
      argv: ['commonplace'],
      env: { COMMONPLACE_LIBRARY: '/tmp/env' },
      expected: '/tmp/env',
    },
    {
      why: 'an empty COMMONPLACE_LIBRARY counts as unset',
      argv: ['commonplace'],
      env: { COMMONPLACE_LIBRARY: '' },
      expected: join(userData, 'library'),
    },
    {
      why: '<userData>/library otherwise',
      argv: ['commonplace'],
      env: {},
      expected: join(userData, 'library'),
    },
  ])('$why', ({ argv, env, expected }) => {
    expect(libraryDirFrom(argv, env, userData)).toBe(expected)
  })

  it.each([
    [['commonplace', '--library']],
    [['commonplace', '--library', '--enable-logging']],
    [['commonplace', '--library=']],
  ])('refuses a --library without a folder (%j) instead of quietly using the default', (argv) => {
    expect(() => libraryDirFrom(argv, {}, userData)).toThrow(/--library needs a folder path/)
  })
})

describe('where userData is', () => {
  it('is <appData>/Commonplace, the folder the CLI and browser mode also default to', () => {
    expect(userDataDirFrom('', '/home/ada/.config')).toBe(join('/home/ada/.config', 'Commonplace'))
  })

  it('follows --user-data-dir, so a test run gets its own lock and window state', () => {
    expect(userDataDirFrom('/tmp/run-1', '/home/ada/.config')).toBe('/tmp/run-1')
  })
})

describe('the sample article', () => {
  it('is in resources/ of the project during development, and that file exists', () => {
    const appPath = resolve(import.meta.dirname, '../..')
    const path = sampleArticlePathFor({ isPackaged: false, appPath, resourcesPath: '/unused' })
    expect(path).toBe(join(appPath, 'resources', SAMPLE_ARTICLE_NAME))
    expect(existsSync(path)).toBe(true)
  })

  it('is in the resources folder of a packaged app', () => {
    const path = sampleArticlePathFor({
      isPackaged: true,
      appPath: '/opt/Commonplace/resources/app.asar',
      resourcesPath: '/opt/Commonplace/resources',
    })
    expect(path).toBe(join('/opt/Commonplace/resources', SAMPLE_ARTICLE_NAME))
  })
})
