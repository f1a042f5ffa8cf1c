import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test'

/** What hostile content managed to do in a watched page; every count must stay 0. */
export interface Executions {
  /** alert/confirm/prompt/print/open/document.write calls, in any frame (recorded by an init script). */
  calls: string[]
  /** Dialogs the page opened anyway. */
  dialogs: string[]
  /** Requests to anything but the app's own loopback server (they are also blocked). */
  externalRequests: string[]
  /** Navigations away from the app's page, frames attached, windows opened. */
  navigations: string[]
}

// Runs before any script of the page, in every frame: the functions the XSS vectors call are replaced
// by recorders, so that an execution is counted instead of shown (and cannot block the test).
const RECORDERS = `(() => {
  const calls = []
  Object.defineProperty(window, '__xssCalls', { value: calls })
  const record = (name) => function (...args) { calls.push(name + '(' + String(args[0]).slice(0, 60) + ')'); return null }
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) window[name] = record(name)
  document.write = record('document.write')
  document.writeln = record('document.writeln')
})()`

/**
 * Opens the running app (browser mode) in a context of its own whose Content-Security-Policy is
 * switched off, so that the sanitizers are proven on their own, and watches everything hostile content
 * could do: script calls, dialogs, requests leaving the loopback server, navigations and new windows.
 */
export async function openWatched(
  browser: Browser,
  app: Page,
): Promise<{ page: Page; context: BrowserContext; seen: Executions }> {
  const origin = new URL(app.url()).origin
  const token = await app.evaluate(() => sessionStorage.getItem('commonplace.token'))
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } })
  const seen: Executions = { calls: [], dialogs: [], externalRequests: [], navigations: [] }
  const ownServer = (url: string) => url.startsWith(origin + '/') || url === origin
  const network = (url: string) => /^(https?|wss?|ftp):/i.test(url)
  await context.addInitScript(RECORDERS)
  await context.route(
    (url) => network(url.href) && !ownServer(url.href),
    (route) => route.abort('blockedbyclient'),
  )
  const page = await context.newPage()
  context.on('page', (opened) => seen.navigations.push(`window opened: ${opened.url()}`))
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message().slice(0, 60)}`)
    void dialog.dismiss().catch(() => undefined)
  })
  page.on('request', (request) => {
    if (network(request.url()) && !ownServer(request.url())) seen.externalRequests.push(request.url())
  })
  page.on('frameattached', (frame) => seen.navigations.push(`frame attached: ${frame.url()}`))
  page.on('framenavigated', (frame) => {
    // The app changes only its own address's #hash; anything else is a navigation away from it.
    const url = new URL(frame.url())
    if (frame !== page.mainFrame() || url.origin !== origin || url.pathname !== '/')
      seen.navigations.push(`navigated: ${frame.url()}`)
  })
  await page.goto(`${origin}/?token=${token}`)
  return { page, context, seen }
}

/** Adds the calls the recorders saw in the page (and its frames) to `seen`, and returns it. */
export async function collect(page: Page, seen: Executions): Promise<Executions> {
  for (const frame of page.frames()) {
    const calls = await frame
      .evaluate(() => (window as unknown as { __xssCalls?: string[] }).__xssCalls ?? [])
      .catch(() => [])
    seen.calls.push(...calls)
  }
  return seen
}

/**
 * What the shown article or note holds that could run or load something: checked in the live DOM of
 * the real Chromium, after the reader's own sanitizer and its placeholders.
 */
export async function unsafeNodes(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((roots) => {
    const found: string[] = []
    for (const root of roots)
      for (const element of root.querySelectorAll('*')) {
        const tag = element.localName
        if (
          /^(script|iframe|frame|object|embed|form|input|style|link|meta|base|math|source|track)$/.test(tag)
        )
          found.push(`<${tag}>`)
        for (const { name, value } of element.attributes) {
          if (name.startsWith('on') || /^(srcset|poster|background|formaction|action|ping)$/.test(name))
            found.push(`${name} on <${tag}>`)
          if ((name === 'href' || name === 'src') && /^\s*(javascript|vbscript|data:text)/i.test(value))
            found.push(`${name}=${value.slice(0, 40)}`)
          if (name === 'src' && /^\s*(https?:)?\/\//i.test(value))
            found.push(`remote src ${value.slice(0, 60)}`)
        }
      }
    return found
  })
}

/**
 * Shows that the watch is not blind before it is trusted to see nothing: with the CSP off, an inline
 * handler must run and be recorded, and a remote image must be requested (and blocked). Then clears it.
 */
export async function proveWatching(page: Page, seen: Executions): Promise<void> {
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<img id="probe" src="x:" onerror="alert(\'probe\')">')
    document.body.insertAdjacentHTML('beforeend', '<img id="probe-remote" src="https://probe.example/p.png">')
  })
  await expect.poll(async () => (await collect(page, { ...seen, calls: [] })).calls).toContain('alert(probe)')
  await expect.poll(() => seen.externalRequests).toContain('https://probe.example/p.png')
  await page.evaluate(() => {
    document.getElementById('probe')?.remove()
    document.getElementById('probe-remote')?.remove()
    ;(window as unknown as { __xssCalls: string[] }).__xssCalls.length = 0
  })
  seen.externalRequests.length = 0
}
