import type { Locator, Page } from '@playwright/test'
import type { AppUnderTest } from '../fixtures'

/**
 * "Export library as vault…": the dialog, and the folder as each target lets the user give it — the
 * native folder dialog in the desktop app (answered through Electron's dialog module, not clicked),
 * a typed folder allowed on the confirmation page in browser mode.
 */
export class VaultExportPage {
  readonly page: Page
  constructor(readonly app: AppUnderTest) {
    this.page = app.page
  }

  get dialog(): Locator {
    return this.page.getByTestId('vault-export-dialog')
  }

  get report(): Locator {
    return this.dialog.getByTestId('vault-export-report')
  }

  get error(): Locator {
    return this.dialog.getByRole('alert')
  }

  async open(): Promise<void> {
    await this.page.getByTestId('export-vault').click()
    await this.dialog.waitFor({ state: 'visible' })
  }

  /** Gives the folder to export into, as the user of this target would. */
  async chooseFolder(folder: string): Promise<void> {
    if (this.app.electronApp) {
      await answerNextFolderDialog(this.app, folder)
      await this.dialog.getByTestId('vault-export-choose').click()
      await this.dialog.getByTestId('vault-export-folder-chosen').filter({ hasText: folder }).waitFor()
    } else {
      await this.dialog.getByTestId('vault-export-folder').fill(folder)
    }
  }

  /** Presses Export; in browser mode a folder not yet allowed is allowed on the page that opens. */
  async run({ confirm = false }: { confirm?: boolean } = {}): Promise<void> {
    if (!confirm || this.app.electronApp) {
      await this.dialog.getByTestId('vault-export-run').click()
      return
    }
    await this.dialog.getByTestId('vault-export-run').click()
    const [confirmation] = await Promise.all([
      this.page.context().waitForEvent('page'),
      this.dialog.getByTestId('vault-export-confirm-link').click(),
    ])
    await confirmation.getByTestId('confirm-folder-allow').click()
    await confirmation.getByTestId('confirm-folder-done').waitFor()
    await confirmation.close()
  }
}

/**
 * Desktop only: the next native folder dialog answers `folder`, as a user picking it would. The main
 * process's dialog module is replaced for one call, in the app under test only.
 */
export async function answerNextFolderDialog(app: AppUnderTest, folder: string): Promise<void> {
  await app.electronApp!.evaluate(({ dialog }, chosen) => {
    const original = dialog.showOpenDialog
    dialog.showOpenDialog = (async () => {
      dialog.showOpenDialog = original
      return { canceled: false, filePaths: [chosen] }
    }) as typeof dialog.showOpenDialog
  }, folder)
}

/** Desktop only: a grant for `folder`, as the folder dialog gives one to the page. */
export async function grantFolder(app: AppUnderTest, folder: string): Promise<string> {
  await answerNextFolderDialog(app, folder)
  return app.page.evaluate(async () => {
    const bridge = (
      window as unknown as { commonplace: { chooseExportFolder(): Promise<{ grant: string }> } }
    ).commonplace
    return (await bridge.chooseExportFolder()).grant
  })
}
