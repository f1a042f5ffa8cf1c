import { describe, it, expect, afterAll } from 'vitest'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { openLibrary, type Library } from '../core/library'
import { startBrowserModeServer, type BrowserModeServer } from '../server'
import { SAMPLE_ARTICLE } from '../testing/corpus'
import { librarySnapshot } from '../testing/library-snapshot'
import {
  Random,
  deeplyNested,
  mutate,
  pathsOf,
  randomValue,
  withField,
  type FuzzContext,
} from '../testing/fuzz-values'
import { contract, METHOD_NAMES, type MethodName } from './contract'
import { invoke, type Reply } from './invoke'
import { TERMINAL_CALL } from './path-policy'
import { VALID_INPUTS, touchesOnlyTheTempFolder, type FuzzLibrary } from './fuzz-examples'

// Random and malformed arguments to every method of the contract, directly (invoke) and over HTTP
// (the browser-mode server on 127.0.0.1, port 0). Every answer must be a result or a refusal the
// caller can act on (INVALID_INPUT, NOT_FOUND, IMPORT_FAILED, PATH_REFUSED for a path browser mode may
// not name; HTTP 200/400/403/404/422), never INTERNAL
// or a 500, never a crash; and a refused call must leave the library folder (but .commonplace/, the
// store's journal, lock and backups) and the store's memory exactly as they were. A seeded generator
// makes a failure reproducible: COMMONPLACE_FUZZ_SEED=<seed> npx vitest run src-main/api/fuzz.test.ts.
// Per method and transport: 20 random values, 20 objects of the method's keys with random values, 20
// mutations of a valid argument, and each field of the valid argument (up to 8) replaced by nodes
// nested 20,000 deep. With the default seed: 5,188 calls over the 42 methods (the count is printed),
// besides 32 that would reach a path outside the temp folder or the network (skipped and counted);
// then 522 raw requests: 12 malformed bodies × 42 methods, 11 hostile method names, 4 other verbs,
// 3 missing or wrong tokens.

const SEED = Number(process.env.COMMONPLACE_FUZZ_SEED ?? 20260411)
const CALLS_PER_KIND = 20
const DEEP = deeplyNested(20_000)
const REFUSALS = new Set(['INVALID_INPUT', 'NOT_FOUND', 'IMPORT_FAILED', 'PATH_REFUSED'])
const STATUSES = new Set([200, 400, 403, 404, 422])
const tally = { calls: 0, skipped: 0, results: 0, refusals: 0 }

/** A fresh library with an article, an excerpt and a note, and the browser-mode server on it. */
async function fuzzLibrary() {
  const work = await mkdtemp(join(tmpdir(), 'commonplace-fuzz-'))
  const outside = join(work, 'outside')
  await mkdir(join(work, 'renderer'), { recursive: true })
  await mkdir(outside)
  await writeFile(join(work, 'renderer', 'index.html'), '<!doctype html><title>Commonplace</title>')
  await writeFile(join(outside, 'fuzz.txt'), 'Words in a file the fuzzer may import.')
  const library = await openLibrary(join(work, 'library'), SAMPLE_ARTICLE)
  const must = async (name: string, input: unknown) => {
    const reply = await invoke(library, name, input, TERMINAL_CALL)
    if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`)
    return reply.result as Record<string, unknown> & { id: string }
  }
  const article = (await must('articles.importSample', {})).articleId as string
  const articleText = (await must('articles.get', { id: article })).text as string
  const excerpt = await must('excerpts.create', {
    articleId: article,
    start: 0,
    end: 4,
    quote: articleText.slice(0, 4),
  })
  const note = await must('notes.create', { title: 'Cites it' })
  const server = await startBrowserModeServer({ library, rendererDir: join(work, 'renderer') })
  const fixture = { article, articleText, excerpt, note, outside } as unknown as FuzzLibrary
  return { library, server, fixture, ids: [article, excerpt.id, note.id] }
}

/** The arguments to try on one method: random values, the method's keys with random values, mutations of a valid one. */
function argumentsFor(name: MethodName, context: FuzzContext, valid: unknown): unknown[] {
  const schema = contract[name].input as unknown as { shape?: object; options?: { shape?: object }[] }
  const shapes = [schema.shape, ...(schema.options ?? []).map((option) => option.shape)]
  const keys = [...new Set(shapes.flatMap((shape) => Object.keys(shape ?? {})))]
  const shaped = () => Object.fromEntries(keys.map((key) => [key, randomValue(context)]))
  return [
    ...Array.from({ length: CALLS_PER_KIND }, () => randomValue(context)),
    ...Array.from({ length: CALLS_PER_KIND }, () => (keys.length ? shaped() : randomValue(context))),
    ...Array.from({ length: CALLS_PER_KIND }, () => (valid === null ? shaped() : mutate(context, valid))),
  ]
}

/** One call: what was sent (a JSON body for HTTP; a placeholder stands for the deep value), and how to describe it. */
interface Call {
  input: unknown
  body: string
  label: string
}

const PLACEHOLDER = '"\u2063deep\u2063"'
function deepCall(valid: unknown, path: string[]): Call {
  const marked = JSON.stringify(withField(valid, path, JSON.parse(PLACEHOLDER)))
  return {
    input: withField(valid, path, DEEP.value),
    body: marked.replace(PLACEHOLDER, DEEP.json),
    label: `${marked} (20,000 deep)`,
  }
}

/** The library folder as a refused call must leave it: taken again after every call that succeeded. */
let folder: Record<string, string> = {}

/** Makes a call on one transport and says what is wrong with the answer, if anything. */
async function check(
  library: Library,
  server: BrowserModeServer,
  name: MethodName,
  http: boolean,
  call: Call,
): Promise<string[]> {
  const memory = structuredClone(library.store.data)
  const where = `${http ? 'HTTP' : 'direct'} call (seed ${SEED}) with ${call.label.slice(0, 300)}`
  let reply: Reply & { status?: number }
  try {
    if (!http) reply = await invoke(library, name, call.input, TERMINAL_CALL)
    else {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
        body: call.body,
      })
      reply = { status: response.status, ...((await response.json()) as Reply) }
    }
  } catch (error) {
    return [`${where}: threw ${(error as Error).stack}`]
  }
  tally.calls++
  const problems: string[] = []
  if (reply.status !== undefined && !STATUSES.has(reply.status))
    problems.push(`${where}: HTTP ${reply.status}`)
  const after = await librarySnapshot(library.store.dir)
  if (reply.ok) {
    tally.results++
    folder = after
    return problems
  }
  tally.refusals++
  if (!REFUSALS.has(reply.error.code) || !reply.error.message)
    problems.push(`${where}: ${reply.error.code} ${reply.error.message}`)
  if (!isDeepStrictEqual(after, folder))
    problems.push(`${where}: the refused call changed the library folder`)
  folder = after
  if (!isDeepStrictEqual(library.store.data, memory))
    problems.push(`${where}: the refused call changed the store`)
  return problems
}

afterAll(() => {
  console.info(
    `API fuzzing, seed ${SEED}: ${tally.calls} calls (${tally.results} results, ${tally.refusals} refusals); ` +
      `${tally.skipped} skipped as they would reach a path outside the temp folder or the network`,
  )
})

describe(`API fuzzing (seed ${SEED})`, () => {
  it.each(METHOD_NAMES)(
    '%s: every random or malformed call is a result or a clear refusal, and a refusal writes nothing',
    async (name) => {
      const { library, server, fixture, ids } = await fuzzLibrary()
      folder = await librarySnapshot(library.store.dir)
      const problems: string[] = []
      const valid = VALID_INPUTS[name](fixture)
      for (const http of [false, true]) {
        const context: FuzzContext = { random: new Random(SEED ^ hash(`${name}/${http}`)), ids, json: http }
        const calls: Call[] = argumentsFor(name, context, valid).map((input) => ({
          input,
          body: JSON.stringify(input) ?? '',
          label: JSON.stringify(input) ?? String(input),
        }))
        for (const path of pathsOf(valid).slice(0, 8)) calls.push(deepCall(valid, path))
        for (const call of calls) {
          const refused = !contract[name].input.safeParse(call.input ?? {}).success
          if (!refused && !touchesOnlyTheTempFolder(name, call.input, fixture.outside)) tally.skipped++
          else problems.push(...(await check(library, server, name, http, call)))
        }
      }
      await server.close()
      await library.store.close()
      expect(problems).toEqual([])
    },
    300_000,
  )
})

// Bodies no client of ours sends: broken JSON, JSON that is not an object, invalid UTF-8, deep nesting.
const RAW_BODIES: (string | Uint8Array<ArrayBuffer>)[] = [
  '{',
  '[',
  'nul',
  '"text"',
  '5',
  '[]',
  '\uFEFF{}',
  '{"id":',
  '{"__proto__":{"polluted":true}}',
  new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
  '['.repeat(100_000),
  '['.repeat(100_000) + ']'.repeat(100_000),
]
const RAW_NAMES = [
  '',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'toString',
  '..%2F..%2Fetc%2Fpasswd',
  'articles.list%00',
  'ARTICLES.LIST',
  'articles.list%2Fx',
  '%E0%A4%A',
  '%c0%ae%c0%ae',
]

describe('API fuzzing: raw HTTP requests', () => {
  it('answers every malformed body, method name, verb and token with a 4xx that says why, and writes nothing', async () => {
    const { library, server } = await fuzzLibrary()
    const base = `http://127.0.0.1:${server.port}/api/`
    let before = await librarySnapshot(library.store.dir)
    const problems: string[] = []
    const send = async (label: string, path: string, init: RequestInit, allowed: number[]) => {
      const response = await fetch(base + path, init)
      const text = await response.text()
      let code = ''
      try {
        code = (JSON.parse(text) as Reply & { error?: { code: string } }).error?.code ?? 'ok'
      } catch {
        problems.push(`${label}: the answer is not JSON: ${text.slice(0, 100)}`)
      }
      if (!allowed.includes(response.status) || code === 'INTERNAL')
        problems.push(`${label}: HTTP ${response.status} ${code}`)
      tally.calls++
      // Some of these bodies are valid calls ({"__proto__": …} to notes.create makes a note); the others must write nothing.
      const after = await librarySnapshot(library.store.dir)
      if (response.status !== 200 && !isDeepStrictEqual(after, before))
        problems.push(`${label}: it changed the library folder`)
      before = after
    }
    const auth = { Authorization: `Bearer ${server.token}` }
    for (const name of METHOD_NAMES)
      for (const [index, body] of RAW_BODIES.entries())
        await send(
          `${name} with raw body ${index}`,
          name,
          { method: 'POST', headers: auth, body },
          [200, 400, 404, 422],
        )
    for (const name of RAW_NAMES)
      await send(
        `method name ${JSON.stringify(name)}`,
        name,
        { method: 'POST', headers: auth, body: '{}' },
        [400, 404],
      )
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH'])
      await send(`${method} articles.list`, 'articles.list', { method, headers: auth }, [405])
    const tokens: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer wrong' },
      { Authorization: `Basic ${server.token}` },
    ]
    for (const headers of tokens)
      await send(
        `token ${JSON.stringify(headers)}`,
        'articles.delete',
        { method: 'POST', headers, body: '{}' },
        [401],
      )
    await server.close()
    await library.store.close()
    expect(problems).toEqual([])
  }, 300_000)
})

function hash(text: string): number {
  let value = 2166136261
  for (const char of text) value = Math.imul(value ^ char.charCodeAt(0), 16777619)
  return value >>> 0
}
