// Random and malformed API arguments from a seeded generator, so that a failing call can be replayed
// (the seed is printed with every failure; COMMONPLACE_FUZZ_SEED picks another). Tests only.

/** A small, fast, seedable generator (mulberry32): the same seed gives the same calls. */
export class Random {
  private state: number
  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  int(below: number): number {
    return Math.floor(this.next() * below)
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!
  }
}

/** Strings that have broken parsers, paths and id checks before, mixed with the library's own ids. */
const NASTY_STRINGS = [
  '',
  ' ',
  '..',
  '../library',
  '../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '\\\\server\\share',
  'a\u0000b',
  '%00',
  '%E0%A4%A',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'http://127.0.0.1:1/',
  'a-',
  'n-',
  'ex-',
  'a-ZZZ',
  'a-zzzzzzzzzzzz',
  'n-zzzzzzzzzzzz',
  'ex-zzzzzzzzzzzz',
  'a-' + 'z'.repeat(33),
  '__proto__',
  'constructor',
  'toString',
  '5',
  '{}',
  'null',
  '\u202Egnp.exe',
  '🦊'.repeat(50),
  'x'.repeat(600),
  'yellow',
  'inline',
  'wiki',
  'bibtex',
  'root',
]

const NUMBERS = [0, -1, 1, 1.5, -0.5, 2 ** 31, -(2 ** 31), 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE]

/** What the generators may mix in: the library's real ids and, for direct calls, values JSON cannot carry. */
export interface FuzzContext {
  random: Random
  ids: string[]
  /** Direct calls may also get undefined, NaN and Infinity; HTTP bodies are JSON. */
  json: boolean
}

/** Any value at all: a primitive, a nasty string, a real id, or a small nested array or object. */
export function randomValue(context: FuzzContext, depth = 0): unknown {
  const { random } = context
  switch (random.int(depth > 2 ? 6 : 9)) {
    case 0:
      return random.int(2) === 0 ? null : context.json ? false : random.pick([undefined, NaN, Infinity])
    case 1:
      return random.int(2) === 0
    case 2:
      return random.int(3) === 0 ? random.int(100_000) : random.pick(NUMBERS)
    case 3:
      return random.pick(NASTY_STRINGS)
    case 4:
      return random.pick(context.ids)
    case 5:
      return randomString(random)
    case 6:
    case 7:
      return Array.from({ length: random.int(4) }, () => randomValue(context, depth + 1))
    default:
      return randomObject(context, depth + 1)
  }
}

function randomString(random: Random): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-_./\\:%#?&=\u00e9\u4e2d \n'
  return Array.from({ length: random.int(30) }, () => alphabet[random.int(alphabet.length)]).join('')
}

function randomObject(context: FuzzContext, depth: number): Record<string, unknown> {
  const keys = ['id', 'title', 'content', 'root', 'children', 'type', 'note', 'path', 'files', 'x']
  const object: Record<string, unknown> = {}
  for (let i = context.random.int(4); i > 0; i--)
    object[context.random.pick(keys)] = randomValue(context, depth)
  return object
}

/**
 * A near-valid argument: a valid one with one thing wrong — a field (at any depth) replaced by a
 * random value, a field removed, or an unknown field added. Most such calls must be refused.
 */
export function mutate(context: FuzzContext, valid: unknown): unknown {
  const copy = structuredClone(valid) as unknown
  if (typeof copy !== 'object' || copy === null) return randomValue(context)
  const paths = fieldPaths(copy)
  const { random } = context
  const kind = random.int(paths.length ? 4 : 1)
  if (kind === 0) {
    // An own property even for "__proto__" (an assignment would set the prototype), as JSON.parse makes it.
    Object.defineProperty(copy, random.pick(['extra', '__proto__', 'constructor']), {
      value: randomValue(context),
      enumerable: true,
      writable: true,
      configurable: true,
    })
    return copy
  }
  const path = random.pick(paths)
  const parent = path.slice(0, -1).reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], copy)
  const key = path[path.length - 1]!
  if (kind === 1 && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key]
  else (parent as Record<string, unknown>)[key] = randomValue(context)
  return copy
}

/** Every field path in an object (arrays' items included), outermost first. */
function fieldPaths(value: object, prefix: string[] = []): string[][] {
  const paths: string[][] = []
  for (const [key, child] of Object.entries(value)) {
    paths.push([...prefix, key])
    if (typeof child === 'object' && child !== null) paths.push(...fieldPaths(child, [...prefix, key]))
  }
  return paths
}

/** A chain of note-like nodes `depth` deep, and its JSON text (built without recursion, as JSON.stringify would overflow). */
export function deeplyNested(depth: number): { value: unknown; json: string } {
  let value: unknown = { type: 'text', text: 'deep' }
  for (let level = 0; level < depth; level++) value = { type: 'paragraph', children: [value] }
  const json =
    '{"type":"paragraph","children":['.repeat(depth) + '{"type":"text","text":"deep"}' + ']}'.repeat(depth)
  return { value, json }
}

/** Every field path of a value, outermost first (the places a deep value is put). */
export function pathsOf(value: unknown): string[][] {
  return typeof value === 'object' && value !== null ? fieldPaths(value) : []
}

/** A copy of `value` with the field at `path` replaced. */
export function withField(value: unknown, path: string[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>
  const parent = path.slice(0, -1).reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], copy)
  ;(parent as Record<string, unknown>)[path[path.length - 1]!] = replacement
  return copy
}
