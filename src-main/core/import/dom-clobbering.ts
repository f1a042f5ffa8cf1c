import type { PageWindow } from './page-dom'

// DOM clobbering: in HTML, `<img name=createElement>` makes `document.createElement` that image, and
// `<form><input name=getAttribute></form>` makes the form's `getAttribute` the input (both interfaces
// let named elements override their own methods). Readability, our metadata reader and every other
// piece of code that walks a parsed page then fails ("doc.createElement is not a function") or, worse,
// reads the wrong thing. The cure is to take those names away before anything reads the page; this
// code reaches the page only through the prototypes of its window, which no element can shadow.
// linkedom (saved pages) has no named properties today, but the defence does not rely on that.

/** Elements whose `name` (img and object also their `id`) becomes a property of the document or of their form. */
const CLOBBERING_TAGS = new Set([
  'embed',
  'form',
  'iframe',
  'img',
  'object',
  'button',
  'fieldset',
  'input',
  'output',
  'select',
  'textarea',
])

/**
 * Removes every `name` and `id` that would shadow a property of the document or of a form, from the
 * elements that can shadow one. Other names and ids stay: Readability weighs ids such as "content".
 * Returns how many attributes were removed.
 */
export function removeClobberingNames(window: PageWindow): number {
  const { Document, Element, HTMLFormElement } = window
  const document = window.document
  const documentPrototype = Object.getPrototypeOf(document) as object
  const shadows = (value: string) =>
    value in documentPrototype || value in Document.prototype || value in HTMLFormElement.prototype
  const named = Document.prototype.querySelectorAll.call(document, '[name], [id]')
  let removed = 0
  for (const element of Array.from(named)) {
    // A form's own `localName` or `getAttribute` may be one of the shadowed names: ask the prototype.
    const tag = String(Reflect.get(Element.prototype, 'localName', element)).toLowerCase()
    if (!CLOBBERING_TAGS.has(tag)) continue
    for (const attribute of ['name', 'id']) {
      const value = Element.prototype.getAttribute.call(element, attribute)
      if (value !== null && shadows(value)) {
        Element.prototype.removeAttribute.call(element, attribute)
        removed++
      }
    }
  }
  return removed
}
