import { describe, it, expect, beforeEach, vi } from 'vitest'
import { BrowserWindow as ElectronWindow } from 'electron'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IPC_CHANNELS, type PathGrant } from '../api/bridge'
import { importWithNativeDialog } from './native-import'
import { PathGrants } from './path-grants'
import { electronStandIn, resetElectronStandIn, standInOf } from './testing/electron-stand-in'
import { SAMPLE_ARTICLE } from '../testing/corpus'

vi.mock('electron', () => import('./testing/electron-stand-in'))

let grants: PathGrants
beforeEach(() => {
  resetElectronStandIn()
  grants = new PathGrants()
})

const grantsSent = (window: ElectronWindow) =>
  standInOf(window)
    .webContents.sentMessages.filter((message) => message.channel === IPC_CHANNELS.importGrants)
    .map((message) => message.args[0] as PathGrant[])

describe('File ▸ Import', () => {
  it('hands the window a grant for each file the user picks in the native dialog, never the path', async () => {
    const picked = [SAMPLE_ARTICLE, join(tmpdir(), 'nope.txt')]
    electronStandIn.openDialogAnswer = { canceled: false, filePaths: picked }
    const window = new ElectronWindow({ show: false })
    await importWithNativeDialog(window, grants)
    expect(electronStandIn.openDialogs[0]).toMatchObject({
      properties: ['openFile', 'multiSelections'],
      filters: [
        expect.objectContaining({ extensions: expect.arrayContaining(['txt', 'md']) }),
        expect.anything(),
      ],
    })
    const [sent] = grantsSent(window)
    expect(sent!.map((granted) => granted.label)).toEqual(['iraq-kurdish-referendum-2017.txt', 'nope.txt'])
    expect(JSON.stringify(sent)).not.toContain(tmpdir())
    // The window's queue imports them by their grants (articles.importPaths), valid in this window only.
    const policy = grants.policyFor(window.webContents.id)
    expect(await policy.resolve(sent![0]!.grant, 'import')).toBe(SAMPLE_ARTICLE)
    await expect(
      grants.policyFor(window.webContents.id + 1).resolve(sent![0]!.grant, 'import'),
    ).rejects.toThrow(/chosen in its own dialogs/)
  })

  it('does nothing when the dialog is cancelled', async () => {
    const window = new ElectronWindow({ show: false })
    await importWithNativeDialog(window, grants)
    expect(grantsSent(window)).toEqual([])
  })
})
