import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { openLibrary, type Library } from './core/library'
import { invoke } from './api/invoke'
import type { MethodInput, MethodName, MethodOutput } from './api/contract'
import { chooseLibraryDir, sampleArticlePath } from './install-paths'
import { CommonplaceError } from './core/errors'
import { formatTable } from './cli-table'

const USAGE = `Usage: commonplace <command> [options]

Commands:
  import <file|folder|url…>    import articles: .txt .md .html .htm .pdf .docx .epub files,
                               folders (recursively) and http(s) links
  list                         list the articles
  show <articleId>             an article's details and full text
  notes                        list the notes
  export <noteId> [-o FILE]    a note as Markdown (to FILE, or to standard output)

Options:
  --library DIR                the library folder (default: $COMMONPLACE_LIBRARY, else the app's library)
  --json                       machine-readable output
  -h, --help                   this help`

/** Thrown for a wrong command line; exits with code 2. */
class UsageError extends Error {}

interface Context {
  library: Library
  json: boolean
}

async function call<K extends MethodName>(context: Context, name: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  const reply = await invoke(context.library, name, input)
  if (!reply.ok) throw new CommonplaceError(reply.error.code, reply.error.message)
  return reply.result as MethodOutput<K>
}

const print = (text: string) => process.stdout.write(text.endsWith('\n') ? text : text + '\n')
const printJson = (value: unknown) => print(JSON.stringify(value, null, 2))

const COMMANDS: Record<string, (context: Context, args: string[], output?: string) => Promise<number>> = {
  async import(context, files) {
    if (files.length === 0) throw new UsageError('import needs at least one file, folder or link')
    const outcomes = []
    for (const target of files) {
      if (/^https?:\/\//i.test(target)) outcomes.push(await call(context, 'articles.importUrl', { url: target }))
      else outcomes.push(...(await call(context, 'articles.importPaths', { paths: [resolve(target)] })))
    }
    if (context.json) printJson(outcomes)
    else for (const outcome of outcomes) print(`${outcome.status.padEnd(9)} ${outcome.articleId ?? '-'}  ${outcome.message}`)
    return outcomes.some((outcome) => outcome.status === 'failed') ? 1 : 0
  },
  async list(context) {
    const articles = await call(context, 'articles.list', {})
    if (context.json) {
      printJson(articles.map(({ id, title, sourceName, sourceUrl, importedAt, wordCount, format }) => ({ id, title, sourceName, sourceUrl, importedAt, wordCount, format })))
    } else if (articles.length === 0) {
      print('The library is empty. Import files with: commonplace import <files…>')
    } else {
      print(formatTable(['ID', 'TITLE', 'SOURCE', 'IMPORTED', 'WORDS'], articles.map((a) => [a.id, a.title, a.sourceName ?? a.sourceUrl ?? '', a.importedAt.slice(0, 10), String(a.wordCount)])))
    }
    return 0
  },
  async show(context, [id]) {
    if (!id) throw new UsageError('show needs an article id (see: commonplace list)')
    const article = await call(context, 'articles.get', { id })
    const excerpts = await call(context, 'excerpts.list', { articleId: id })
    if (context.json) {
      const { html: _html, ...rest } = article
      printJson({ ...rest, excerpts: excerpts.length })
    } else {
      print(`${article.title}\n${'='.repeat(Math.min(article.title.length, 80))}`)
      print(`id: ${article.id}\nsource: ${article.sourceName ?? article.sourceUrl ?? '-'}\nimported: ${article.importedAt}\nwords: ${article.wordCount}\nexcerpts: ${excerpts.length}\n`)
      print(article.text)
    }
    return 0
  },
  async notes(context) {
    const notes = await call(context, 'notes.list', {})
    if (context.json) printJson(notes)
    else if (notes.length === 0) print('No notes yet.')
    else print(formatTable(['ID', 'TITLE', 'UPDATED', 'EXCERPTS'], notes.map((n) => [n.id, n.title, n.updatedAt.slice(0, 16).replace('T', ' '), String(n.excerptIds.length)])))
    return 0
  },
  async export(context, [id], output) {
    if (!id) throw new UsageError('export needs a note id (see: commonplace notes)')
    if (output) {
      const written = await call(context, 'export.noteToFile', { id, path: resolve(output) })
      if (context.json) printJson(written)
      else print(`Wrote ${written.path} (${written.bytes} bytes)`)
    } else {
      const exported = await call(context, 'export.note', { id })
      if (context.json) printJson(exported)
      else process.stdout.write(exported.markdown)
    }
    return 0
  },
}

/** Runs one command line; returns the exit code. Exported for tests. */
export async function runCli(argv: string[]): Promise<number> {
  let values: { library?: string; json?: boolean; help?: boolean; output?: string }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        library: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        output: { type: 'string', short: 'o' },
      },
    }))
  } catch (error) {
    process.stderr.write(`commonplace: ${(error as Error).message}\n${USAGE}\n`)
    return 2
  }
  const [command, ...args] = positionals
  if (values.help || !command) {
    print(USAGE)
    return values.help ? 0 : 2
  }
  const run = COMMANDS[command]
  if (!run) {
    process.stderr.write(`commonplace: unknown command "${command}"\n${USAGE}\n`)
    return 2
  }
  try {
    const library = await openLibrary(chooseLibraryDir(values.library), sampleArticlePath())
    return await run({ library, json: values.json ?? false }, args, values.output)
  } catch (error) {
    process.stderr.write(`commonplace: ${(error as Error).message}\n`)
    return error instanceof UsageError ? 2 : 1
  }
}

const isEntryPoint = process.argv[1] && /cli\.(ts|js)$/.test(process.argv[1])
if (isEntryPoint) {
  runCli(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`commonplace: ${(error as Error).message}\n`)
      process.exitCode = 1
    },
  )
}

