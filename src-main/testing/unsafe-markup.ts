import { JSDOM } from 'jsdom'

// What stored article HTML must never hold, checked on the parsed tree (as the reader parses it), not
// on the text: "<img onerror=…>" shown as words is harmless, an onerror attribute is not. Tests only.

/** Elements that run code, load something, submit, or are parsed differently by a browser than by jsdom. */
const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'svg',
  'math',
  'source',
  'track',
  'portal',
  'noscript',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
])

/** Attributes that load something by themselves, carry CSS, or shadow document globals (clobbering). */
const FORBIDDEN_ATTRIBUTES = new Set([
  'style',
  'srcset',
  'poster',
  'background',
  'lowsrc',
  'dynsrc',
  'ping',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'codebase',
  'id',
  'name',
  'autoplay',
])

const SCRIPTING_SCHEMES = /^(javascript|vbscript|data|file|blob|filesystem|about):/i

let shared: JSDOM['window'] | null = null

/** The ways `html` could run a script or contact another server once shown; empty when it is safe. */
export function unsafeMarkupIn(html: string): string[] {
  // One window for every check (a JSDOM costs tens of milliseconds); a detached element parses the
  // body as the reader's sanitizer does, in the body context, and jsdom runs no scripts.
  shared ??= new JSDOM('<!doctype html><body>').window
  const container = shared.document.createElement('div')
  container.innerHTML = html
  const findings: string[] = []
  for (const element of container.querySelectorAll('*')) {
    const tag = element.localName
    if (FORBIDDEN_ELEMENTS.has(tag) || element.namespaceURI !== 'http://www.w3.org/1999/xhtml')
      findings.push(`<${tag}> element`)
    for (const { name, value } of element.attributes) {
      const where = `${name}="${value.slice(0, 80)}" on <${tag}>`
      if (name.startsWith('on') || FORBIDDEN_ATTRIBUTES.has(name)) findings.push(where)
      else if (name === 'src' && !(tag === 'img' && /^data:image\//i.test(value))) findings.push(where)
      else if (name === 'data-remote-src' && !(isHttp(value) && ['img', 'video', 'audio'].includes(tag)))
        findings.push(where)
      else if (name === 'href' && (!['a', 'area'].includes(tag) || SCRIPTING_SCHEMES.test(scheme(value))))
        findings.push(where)
    }
  }
  return findings
}

/** The scheme a browser would see: it drops ASCII tabs and newlines and leading controls and spaces. */
function scheme(value: string): string {
  // eslint-disable-next-line no-control-regex -- browsers ignore exactly these characters in URLs
  return value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '')
}

function isHttp(value: string): boolean {
  try {
    const { protocol } = new URL(value)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}
