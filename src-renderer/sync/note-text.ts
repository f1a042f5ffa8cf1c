/**
 * A note's Lexical content as lines of plain text, to show two versions side by side: paragraphs and
 * headings as lines, list items with a bullet, an excerpt block as its quote. Unknown nodes give their
 * text children, so no words are hidden.
 */
export function noteLines(content: unknown): string[] {
  const root = (content as { root?: unknown } | null)?.root ?? content
  const lines: string[] = []
  const walk = (node: unknown, prefix: string) => {
    if (!node || typeof node !== 'object') return
    const { type, text, quote, children } = node as {
      type?: string
      text?: unknown
      quote?: unknown
      children?: unknown[]
    }
    if (typeof quote === 'string') {
      lines.push(`${prefix}“${quote}”`)
      return
    }
    if (Array.isArray(children) && children.some((child) => isBlock(child))) {
      for (const child of children) walk(child, type === 'list' ? '• ' : prefix)
      return
    }
    if (type === 'root' || type === 'list') {
      for (const child of children ?? []) walk(child, type === 'list' ? '• ' : prefix)
      return
    }
    const words = inline(node)
    if (typeof text === 'string' || words) lines.push(prefix + words)
  }
  walk(root, '')
  return lines
}

function isBlock(node: unknown): boolean {
  const type = (node as { type?: string } | null)?.type
  return Boolean(
    type && !['text', 'linebreak', 'link', 'autolink', 'tab'].includes(type) && !type.endsWith('-link'),
  )
}

function inline(node: unknown): string {
  if (!node || typeof node !== 'object') return ''
  const { type, text, children } = node as { type?: string; text?: unknown; children?: unknown[] }
  if (typeof text === 'string') return text
  if (type === 'linebreak') return '\n'
  return (children ?? []).map(inline).join('')
}
