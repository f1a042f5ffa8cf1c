// @vitest-environment jsdom
import { describe, it, expect, beforeEach } from 'vitest'
import { selectAllWhereFocused } from './select-all'

// Edit ▸ Select All of the desktop app, as the window carries it out (the menu sends 'select-all').

beforeEach(() => {
  document.body.innerHTML = `
    <aside class="sidebar"><button>Library row</button></aside>
    <section data-testid="reader"><div class="reader-body" tabindex="0"><p>Only the article's words.</p></div></section>
    <input id="field" value="typed words" />`
})

describe('Select All from the desktop menu', () => {
  it('in the article selects its text only, never the sidebar or the rest of the window', () => {
    const body = document.querySelector<HTMLElement>('.reader-body')!
    body.focus()
    selectAllWhereFocused()
    expect(window.getSelection()!.toString()).toBe("Only the article's words.")
  })

  it('in a field selects what the field holds', () => {
    const field = document.querySelector<HTMLInputElement>('#field')!
    field.focus()
    selectAllWhereFocused()
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 'typed words'.length])
  })
})
