import { test, expect } from './sync-fixtures'
import { LibraryPage, FIRST_IMPORT_TIMEOUT } from './pages/library-page'
import { ReaderPage } from './pages/reader-page'
import { NotePage } from './pages/note-page'
import { SyncPage } from './pages/sync-page'
import { themedScreenshots } from './pages/screenshots'
import { audit, seriousOrCritical } from './pages/axe-audit'
import { SAMPLE_ARTICLE } from '../src-main/testing/corpus'

/** Opens the note whose title is exactly `title` (another title may begin with it). */
async function openNote(notes: NotePage, title: string): Promise<void> {
  const row = notes.rows.filter({ has: notes.page.locator('.row__title').getByText(title, { exact: true }) })
  await row.click()
  await expect(notes.titleField).toHaveValue(title)
  await expect(notes.editor).toBeVisible()
}

const SENTENCE = 'The U.S., Turkey and Iran have all criticized the vote.'

test('two apps sync through a CouchDB server: what A makes shows on B; a note edited on both offline is a conflict kept both ways', async ({
  appA,
  appB,
  couch,
}) => {
  test.setTimeout(240_000)
  const database = couch.newDatabase().slice(couch.origin.length + 1)
  const [syncA, syncB] = [new SyncPage(appA.page), new SyncPage(appB.page)]
  const [libraryA, libraryB] = [new LibraryPage(appA), new LibraryPage(appB)]
  const [readerA] = [new ReaderPage(appA)]
  const [notesA, notesB] = [new NotePage(appA), new NotePage(appB)]

  // Both apps set up sync through Settings ▸ Sync and turn it on.
  for (const sync of [syncA, syncB]) {
    await sync.openSettings()
    await sync.setUp(couch, database)
    await sync.setLive(true)
    await sync.closeSettings()
  }
  await expect(syncA.status).toContainText('Synced')

  // A imports an article, cuts an excerpt and writes a note.
  await libraryA.importFiles([SAMPLE_ARTICLE])
  await expect(libraryA.importResult).toContainText('Imported', { timeout: FIRST_IMPORT_TIMEOUT })
  await libraryA.open('Iraq Kurdish Referendum 2017')
  await readerA.select(SENTENCE)
  await readerA.excerptSelection()
  await expect(readerA.excerptItems).toHaveCount(1)
  await notesA.create()
  await notesA.rename('Shared thoughts')
  await notesA.editor.click()
  await appA.page.keyboard.type('First words, written on A.')
  await expect(notesA.saveStatus).toHaveText(/saved/i)

  // B shows all three, taken in live through its store.
  await expect(libraryB.rows.filter({ hasText: 'Iraq Kurdish Referendum 2017' })).toHaveCount(1, {
    timeout: 30_000,
  })
  await expect(notesB.rows.filter({ hasText: 'Shared thoughts' })).toHaveCount(1, { timeout: 30_000 })
  await libraryB.open('Iraq Kurdish Referendum 2017')
  await expect(new ReaderPage(appB).excerptItems.first()).toContainText(SENTENCE, { timeout: 30_000 })
  await openNote(notesB, 'Shared thoughts')
  await expect(notesB.editor).toContainText('First words, written on A.', { timeout: 30_000 })

  // Both go offline (sync off) and edit the same note.
  for (const sync of [syncA, syncB]) {
    await sync.openSettings()
    await sync.setLive(false)
    await sync.closeSettings()
  }
  await notesA.editor.click()
  await appA.page.keyboard.press('ControlOrMeta+End')
  await appA.page.keyboard.type(' Then A alone added this.')
  await expect(syncA.status).toContainText('to send') // saved, and waiting for the next sync
  await notesB.editor.click()
  await appB.page.keyboard.press('ControlOrMeta+End')
  await appB.page.keyboard.type(' Meanwhile B wrote this.')
  await expect(syncB.status).toContainText('to send')

  // A syncs first, then B: B meets both versions and lists the conflict at the top of its sidebar.
  for (const sync of [syncA, syncB]) {
    await sync.openSettings()
    await sync.syncNow()
    await sync.closeSettings()
  }
  await expect(syncB.conflicts).toBeVisible({ timeout: 30_000 })
  await expect(syncB.status).toContainText('1 conflict')
  await syncB.conflicts.getByTestId('sync-conflict').filter({ hasText: 'Shared thoughts' }).click()
  await expect(syncB.conflictView.getByTestId('conflict-mine')).toContainText('Meanwhile B wrote this.')
  await expect(syncB.conflictView.getByTestId('conflict-theirs')).toContainText('Then A alone added this.')
  await themedScreenshots(appB.page, 'sync-conflict', syncB.conflictView)
  expect(seriousOrCritical(await audit(appB.page))).toEqual([])
  // Keyboard: the choices are reached with Tab from the dialog's first focus.
  await appB.page.keyboard.press('Tab')
  await expect(syncB.conflictView.locator(':focus')).toHaveCount(1)
  await syncB.conflictView.getByRole('button', { name: 'Keep both' }).click()
  await expect(syncB.conflictView).toBeHidden()
  await expect(syncB.conflicts).toBeHidden()

  // B keeps its version and A's as a new note; after a sync both apps hold both sets of words.
  await expect(notesB.rows.filter({ hasText: 'Shared thoughts (other version)' })).toHaveCount(1, {
    timeout: 30_000,
  })
  for (const sync of [syncB, syncA]) {
    await sync.openSettings()
    await sync.syncNow()
    await sync.closeSettings()
  }
  for (const notes of [notesA, notesB]) {
    await expect(notes.rows.filter({ hasText: 'Shared thoughts (other version)' })).toHaveCount(1, {
      timeout: 30_000,
    })
    await openNote(notes, 'Shared thoughts (other version)')
    await expect(notes.editor).toContainText('Then A alone added this.')
    await openNote(notes, 'Shared thoughts')
    await expect(notes.editor).toContainText('Meanwhile B wrote this.')
  }

  // The Sync section, for the README (E2E_SCREENSHOTS=1).
  await syncA.openSettings()
  await syncA.setLive(true)
  expect(seriousOrCritical(await audit(appA.page))).toEqual([])
  await themedScreenshots(appA.page, 'sync-settings', syncA.settings)
})
