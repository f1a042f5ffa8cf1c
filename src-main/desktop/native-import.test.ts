import { describe, it, expect, beforeEach, vi } from 'vitest'
import { BrowserWindow as ElectronWindow } from 'electron'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IPC_CHANNELS } from '../api/bridge'
import { openLibrary, type Library } from '../core/library'
import { importWithNativeDialog } from './native-import'
import { electronStandIn, resetElectronStandIn, standInOf } from './testing/electron-stand-in'
import { SAMPLE_ARTICLE } from '../testing/corpus'

vi.mock('electron', () => import('./testing/electron-stand-in'))

let library: Library
beforeEach(async () => {
  resetElectronStandIn()
  library = await openLibrary(await mkdtemp(join(tmpdir(), 'commonplace-native-import-')), SAMPLE_ARTICLE)
})

const pathsSent = (window: ElectronWindow) =>
  standInOf(window)
    .webContents.sentMessages.filter((message) => message.channel === IPC_CHANNELS.importPaths)
    .map((message) => message.args[0])

describe('File ▸ Import', () => {
  it('hands what the user picks in the native dialog to the window, which imports it with progress', async () => {
    const picked = [SAMPLE_ARTICLE, join(tmpdir(), 'nope.txt')]
    electronStandIn.openDialogAnswer = { canceled: false, filePaths: picked }
    const window = new ElectronWindow({ show: false })
    await importWithNativeDialog(window)
    expect(electronStandIn.openDialogs[0]).toMatchObject({
      properties: ['openFile', 'multiSelections'],
      filters: [
        expect.objectContaining({ extensions: expect.arrayContaining(['txt', 'md']) }),
        expect.anything(),
      ],
    })
    expect(pathsSent(window)).toEqual([picked])
    // The window's queue imports them, one call per file (articles.importPaths).
    expect(library.store.data.articles).toHaveLength(0)
  })

  it('does nothing when the dialog is cancelled', async () => {
    const window = new ElectronWindow({ show: false })
    await importWithNativeDialog(window)
    expect(pathsSent(window)).toEqual([])
    expect(library.store.data.articles).toHaveLength(0)
  })
})
