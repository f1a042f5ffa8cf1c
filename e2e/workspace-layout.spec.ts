import { join } from 'node:path'
import { test, expect } from './fixtures'
import { REPO_ROOT } from './target'
import { WorkspacePage } from './pages/workspace-page'
import type { LibraryPage } from './pages/library-page'
import type { NotePage } from './pages/note-page'
import type { ReaderPage } from './pages/reader-page'

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? join(REPO_ROOT, 'docs', 'screenshots') : null
const SAMPLE_TITLE = 'Iraq Kurdish Referendum 2017'
const SAMPLE_TEXT = 'Iraq’s prime minister today dismissed'

/** The home position: the sample article open with a note beside it. */
async function articleAndNote(library: LibraryPage, reader: ReaderPage, notes: NotePage): Promise<void> {
  await library.importSample()
  await library.open(SAMPLE_TITLE)
  await expect(reader.root).toContainText(SAMPLE_TEXT)
  await notes.create()
}

for (const viewport of [
  { width: 900, height: 700 },
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
]) {
  test(`at ${viewport.width}×${viewport.height} every header control is in the window and nothing scrolls sideways`, async ({
    app,
    library,
    reader,
    notes,
  }) => {
    const workspace = new WorkspacePage(app)
    await app.page.setViewportSize(viewport)
    await articleAndNote(library, reader, notes)
    await expect(workspace.readerPane).toBeVisible()
    await expect(workspace.notePane).toBeVisible()
    await expect(workspace.headerButtons().filter({ visible: true })).not.toHaveCount(0)

    expect(await workspace.headerButtonsOutsideViewport()).toEqual([])
    if (SCREENSHOTS) await app.page.screenshot({ path: join(SCREENSHOTS, `workspace-${viewport.width}.png`) })
    expect(await workspace.tabThroughEverything()).toEqual([])
    expect(await workspace.scrolledSideways()).toEqual([])
    expect(await workspace.headerButtonsOutsideViewport()).toEqual([])
  })
}

test('panes resize by mouse and keyboard, the sidebar collapses, and both survive a reload', async ({
  app,
  library,
  reader,
  notes,
}) => {
  const workspace = new WorkspacePage(app)
  await articleAndNote(library, reader, notes)

  // The sidebar dragged 120 px wider; the reader made narrower from the keyboard.
  const sidebarBefore = await workspace.widthOf(workspace.sidebar)
  await workspace.drag(workspace.sidebarSeparator, 120)
  await expect.poll(() => workspace.widthOf(workspace.sidebar)).toBeGreaterThan(sidebarBefore + 100)
  await expect(workspace.paneSeparator).toHaveAttribute('role', 'separator')
  const readerBefore = await workspace.widthOf(workspace.readerPane)
  await workspace.pressOn(workspace.paneSeparator, 'ArrowLeft', 4)
  await expect.poll(() => workspace.widthOf(workspace.readerPane)).toBeLessThan(readerBefore - 40)
  const sidebarWidth = await workspace.widthOf(workspace.sidebar)
  const readerWidth = await workspace.widthOf(workspace.readerPane)

  await app.reload()
  await library.open(SAMPLE_TITLE)
  await notes.open('Untitled')
  await expect.poll(() => workspace.widthOf(workspace.sidebar)).toBeCloseTo(sidebarWidth, -1)
  await expect.poll(() => workspace.widthOf(workspace.readerPane)).toBeCloseTo(readerWidth, -1)

  // Collapsed with the shortcut, it stays collapsed after a reload, and comes back at its width.
  await app.page.keyboard.press('ControlOrMeta+\\')
  await workspace.expectSidebarCollapsed(true)
  await app.reload()
  await workspace.expectSidebarCollapsed(true)
  await workspace.sidebarToggle.click()
  await workspace.expectSidebarCollapsed(false)
  await expect.poll(() => workspace.widthOf(workspace.sidebar)).toBeCloseTo(sidebarWidth, -1)

  // Searching from the keyboard opens a collapsed sidebar to its search box.
  await app.page.keyboard.press('ControlOrMeta+\\')
  await workspace.expectSidebarCollapsed(true)
  await app.page.keyboard.press('ControlOrMeta+Shift+F')
  await workspace.expectSidebarCollapsed(false)
  await expect(app.page.getByTestId('search-input')).toBeFocused()
})

test('focus mode shows only the text; Escape brings the panes back', async ({
  app,
  library,
  reader,
  notes,
}) => {
  const workspace = new WorkspacePage(app)
  await articleAndNote(library, reader, notes)
  await reader.root.getByTestId('focus-mode').click()
  await expect(workspace.sidebar).toBeHidden()
  await expect(workspace.notePane).toBeHidden()
  await expect(reader.root.locator('#excerpt-margin')).toHaveCount(0)
  await expect(reader.root).toContainText(SAMPLE_TEXT)
  const width = await workspace.widthOf(workspace.readerPane)
  expect(width).toBeGreaterThan((app.page.viewportSize()!.width * 9) / 10)
  await app.page.keyboard.press('Escape')
  await expect(workspace.sidebar).toBeVisible()
  await expect(workspace.notePane).toBeVisible()
})

test('the excerpt margin sits beside the text when the reader has room, else is a drawer that stays as left', async ({
  app,
  library,
  reader,
  notes,
}) => {
  const workspace = new WorkspacePage(app)
  const margin = reader.root.locator('#excerpt-margin')
  const toggle = reader.root.getByTestId('excerpt-drawer-toggle')

  await app.page.setViewportSize({ width: 1440, height: 900 })
  await articleAndNote(library, reader, notes)
  await expect(margin).toBeVisible()
  await expect(toggle).toBeHidden()
  const text = (await reader.root.locator('.reader-body').boundingBox())!
  expect((await margin.boundingBox())!.x).toBeGreaterThanOrEqual(text.x + text.width)

  await app.page.setViewportSize({ width: 1024, height: 700 })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(margin).toBeHidden()
  await toggle.click()
  await expect(margin).toBeVisible()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')

  await app.reload()
  await library.open(SAMPLE_TITLE)
  await notes.open('Untitled note')
  await expect(workspace.notePane).toBeVisible()
  await expect(margin).toBeVisible()
  await toggle.click()
  await expect(margin).toBeHidden()
})
