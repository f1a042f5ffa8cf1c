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

const importedReplies = (window: ElectronWindow) =>
  standInOf(window)
    .webContents.sentMessages.filter((message) => message.channel === IPC_CHANNELS.imported)
    .map((message) => message.args[0])

describe('File ▸ Import', () => {
  it('imports what the user picks in the native dialog and tells the window', async () => {
    electronStandIn.openDialogAnswer = { canceled: false, filePaths: [SAMPLE_ARTICLE, join(tmpdir(), 'nope.txt')] }
    const window = new ElectronWindow({ show: false })
    await importWithNativeDialog(window, library)
    expect(electronStandIn.openDialogs[0]).toMatchObject({
      properties: ['openFile', 'multiSelections'],
      filters: [expect.objectContaining({ extensions: expect.arrayContaining(['txt', 'md']) }), expect.anything()],
    })
    expect(importedReplies(window)).toEqual([
      {
        ok: true,
        result: [
          expect.objectContaining({ status: 'imported', title: 'Iraq Kurdish Referendum 2017' }),
          expect.objectContaining({ status: 'failed', message: expect.stringContaining('nope.txt') }),
        ],
      },
    ])
    expect(library.store.data.articles).toHaveLength(1)
  })

  it('does nothing when the dialog is cancelled', async () => {
    const window = new ElectronWindow({ show: false })
    await importWithNativeDialog(window, library)
    expect(importedReplies(window)).toEqual([])
    expect(library.store.data.articles).toHaveLength(0)
  })
})
