/** The theme's strong excerpt colours, which read on light and dark paper alike. */
const CARET_TOKENS = [
  '--excerpt-blue-strong',
  '--excerpt-pink-strong',
  '--excerpt-green-strong',
  '--excerpt-purple-strong',
  '--excerpt-yellow-strong',
]

/**
 * A caret colour for a writer, from the theme's tokens, the same for the same name. Lexical draws
 * remote carets with the colour each writer announces, so it travels as a value, read from the token.
 */
export function caretColorFor(name: string): string {
  // FNV-1a over the name's UTF-8 bytes: cheap, and spreads short names over the colours.
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(name)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0
  const token = CARET_TOKENS[hash % CARET_TOKENS.length]!
  return getComputedStyle(document.documentElement).getPropertyValue(token).trim() || 'currentColor'
}
