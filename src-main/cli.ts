import { parseArgs } from 'node:util'
import { basename, resolve } from 'node:path'
import { readFile } from 'node:fs/promises'
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
  note import <file.md…>       import Markdown files as new notes; prints their ids
  export <noteId> [-o FILE] [--citations inline|footnotes] [--links wiki|markdown]
                               a note as Markdown (to FILE, or to standard output)
  export --all --out DIR [--citations inline|footnotes] [--links wiki|markdown] [--originals] [--everything]
                               every note and source as a Markdown vault folder; re-exporting
                               updates it but never overwrites files edited since; --everything adds
                               originals, extracted text and W3C Web Annotation JSON of the excerpts
  cite <noteId|--all> --format bibtex|csl-json
                               the sources a note cites (or all sources) as BibTeX or CSL-JSON
  excerpt add <articleId> --quote "WORDS" [--occurrence N] [--comment TEXT] [--tag T]…
                               make an excerpt from exact words of an article
  excerpts <articleId>         an article's excerpts: state, position, comment, tags, citing notes
  update <articleId> <file|url>
                               import a new version of an article and re-anchor its excerpts
  backlinks <articleId|noteId> the notes citing an article's excerpts, or linking to a note

Options:
  --library DIR                the library folder (default: $COMMONPLACE_LIBRARY, else the app's library)
  --json                       machine-readable output
  -h, --help                   this help`

/** Thrown for a wrong command line; exits with code 2. */
class UsageError extends Error {}

interface Context {
  library: Library
  json: boolean
  options: CommandOptions
}

/** The options only some commands read. */
interface CommandOptions {
  output?: string
  quote?: string
  occurrence?: string
  comment?: string
  tag?: string[]
  all?: boolean
  out?: string
  citations?: string
  links?: string
  originals?: boolean
  everything?: boolean
  format?: string
}

/** `--citations` and `--links` checked against what export accepts. */
function exportStyle(options: CommandOptions): {
  citations?: 'inline' | 'footnotes'
  links?: 'wiki' | 'markdown'
} {
  const { citations, links } = options
  if (citations !== undefined && citations !== 'inline' && citations !== 'footnotes')
    throw new UsageError('--citations must be inline or footnotes')
  if (links !== undefined && links !== 'wiki' && links !== 'markdown')
    throw new UsageError('--links must be wiki or markdown')
  return { citations, links }
}

async function call<K extends MethodName>(
  context: Context,
  name: K,
  input: MethodInput<K>,
): Promise<MethodOutput<K>> {
  const reply = await invoke(context.library, name, input)
  if (!reply.ok) throw new CommonplaceError(reply.error.code, reply.error.message)
  return reply.result as MethodOutput<K>
}

const print = (text: string) => process.stdout.write(text.endsWith('\n') ? text : text + '\n')
const printJson = (value: unknown) => print(JSON.stringify(value, null, 2))

const COMMANDS: Record<string, (context: Context, args: string[]) => Promise<number>> = {
  async import(context, files) {
    if (files.length === 0) throw new UsageError('import needs at least one file, folder or link')
    const outcomes = []
    for (const target of files) {
      if (/^https?:\/\//i.test(target))
        outcomes.push(await call(context, 'articles.importUrl', { url: target }))
      else outcomes.push(...(await call(context, 'articles.importPaths', { paths: [resolve(target)] })))
    }
    if (context.json) printJson(outcomes)
    else
      for (const outcome of outcomes)
        print(`${outcome.status.padEnd(9)} ${outcome.articleId ?? '-'}  ${outcome.message}`)
    return outcomes.some((outcome) => outcome.status === 'failed') ? 1 : 0
  },
  async list(context) {
    const articles = await call(context, 'articles.list', {})
    if (context.json) {
      printJson(
        articles.map(({ id, title, sourceName, sourceUrl, importedAt, wordCount, format }) => ({
          id,
          title,
          sourceName,
          sourceUrl,
          importedAt,
          wordCount,
          format,
        })),
      )
    } else if (articles.length === 0) {
      print('The library is empty. Import files with: commonplace import <files…>')
    } else {
      print(
        formatTable(
          ['ID', 'TITLE', 'SOURCE', 'IMPORTED', 'WORDS'],
          articles.map((a) => [
            a.id,
            a.title,
            a.sourceName ?? a.sourceUrl ?? '',
            a.importedAt.slice(0, 10),
            String(a.wordCount),
          ]),
        ),
      )
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
      print(
        `id: ${article.id}\nsource: ${article.sourceName ?? article.sourceUrl ?? '-'}\nimported: ${article.importedAt}\nwords: ${article.wordCount}\nexcerpts: ${excerpts.length}\n`,
      )
      print(article.text)
    }
    return 0
  },
  async notes(context) {
    const notes = await call(context, 'notes.list', {})
    if (context.json) printJson(notes)
    else if (notes.length === 0) print('No notes yet.')
    else
      print(
        formatTable(
          ['ID', 'TITLE', 'UPDATED', 'EXCERPTS'],
          notes.map((n) => [
            n.id,
            n.title,
            n.updatedAt.slice(0, 16).replace('T', ' '),
            String(n.excerptIds.length),
          ]),
        ),
      )
    return 0
  },
  async note(context, [action, ...files]) {
    if (action !== 'import' || files.length === 0) throw new UsageError('usage: note import <file.md>…')
    const read = await Promise.all(
      files.map(async (file) => ({ name: basename(file), text: await readFile(resolve(file), 'utf8') })),
    )
    const notes = await call(context, 'notes.importMarkdown', { files: read })
    if (context.json) printJson(notes)
    else for (const note of notes) print(`${note.id}  ${note.title}`)
    return 0
  },
  async export(context, [id]) {
    const { output, all, out, originals, everything } = context.options
    const style = exportStyle(context.options)
    if (all) {
      if (!out || id) throw new UsageError('usage: export --all --out DIR')
      const report = await call(context, 'export.vault', {
        outDir: resolve(out),
        ...style,
        originals,
        everything,
      })
      if (context.json) printJson(report)
      else {
        print(
          `Exported ${report.notes} notes and ${report.sources} sources to ${report.outDir}: ` +
            `${report.created.length} new, ${report.updated.length} updated, ${report.unchanged.length} unchanged, ${report.removed.length} removed`,
        )
        for (const { path, newVersion } of report.edited)
          print(`edited since the last export, left alone: ${path} (new version in ${newVersion})`)
      }
      return 0
    }
    if (!id) throw new UsageError('export needs a note id (see: commonplace notes) or --all --out DIR')
    if (output) {
      const written = await call(context, 'export.noteToFile', { id, path: resolve(output), ...style })
      if (context.json) printJson(written)
      else print(`Wrote ${written.path} (${written.bytes} bytes)`)
    } else {
      const exported = await call(context, 'export.note', { id, ...style })
      if (context.json) printJson(exported)
      else process.stdout.write(exported.markdown)
    }
    return 0
  },
  async cite(context, [noteId]) {
    const { all, format } = context.options
    if (format !== 'bibtex' && format !== 'csl-json')
      throw new UsageError('cite needs --format bibtex or csl-json')
    if (!all === !noteId) throw new UsageError('usage: cite <noteId|--all> --format bibtex|csl-json')
    const cited = await call(context, 'export.citations', { noteId: all ? undefined : noteId, format })
    if (context.json) printJson(cited)
    else process.stdout.write(cited.text)
    return 0
  },
  async excerpt(context, [action, articleId]) {
    if (action !== 'add') throw new UsageError('usage: excerpt add <articleId> --quote "exact words"')
    const { quote, occurrence, comment, tag } = context.options
    if (!articleId) throw new UsageError('excerpt add needs an article id (see: commonplace list)')
    if (!quote) throw new UsageError('excerpt add needs --quote "exact words"')
    const nth = occurrence === undefined ? undefined : Number(occurrence)
    if (nth !== undefined && !(Number.isInteger(nth) && nth > 0)) {
      throw new UsageError('--occurrence must be a whole number from 1')
    }
    const excerpt = await call(context, 'excerpts.addQuote', {
      articleId,
      quote,
      occurrence: nth,
      comment,
      tags: tag,
    })
    if (context.json) printJson(excerpt)
    else print(`${excerpt.id}  ${excerpt.start}-${excerpt.end}  ${oneLine(excerpt.quote)}`)
    return 0
  },
  async excerpts(context, [articleId]) {
    if (!articleId) throw new UsageError('excerpts needs an article id (see: commonplace list)')
    const excerpts = await call(context, 'excerpts.list', { articleId })
    const links = await call(context, 'graph.backlinks', { id: articleId })
    const citing = new Map(
      links.kind === 'article' ? links.excerpts.map((e) => [e.excerptId, e.notes.map((n) => n.id)]) : [],
    )
    const rows = excerpts.map((e) => ({
      id: e.id,
      quote: e.quote,
      state: e.state,
      start: e.start,
      end: e.end,
      previousQuote: e.previousQuote,
      color: e.color,
      comment: e.comment,
      tags: e.tags,
      citingNoteIds: citing.get(e.id) ?? [],
    }))
    if (context.json) printJson(rows)
    else if (rows.length === 0) print('No excerpts in this article.')
    else
      print(
        formatTable(
          ['ID', 'STATE', 'POSITION', 'QUOTE', 'COMMENT', 'TAGS', 'CITED IN'],
          rows.map((r) => [
            r.id,
            r.state,
            `${r.start}-${r.end}`,
            oneLine(r.quote, 60),
            oneLine(r.comment, 30),
            r.tags.join(' '),
            r.citingNoteIds.join(' '),
          ]),
        ),
      )
    return 0
  },
  async update(context, [articleId, target]) {
    if (!articleId || !target) throw new UsageError('update needs an article id and a file or link')
    const input = /^https?:\/\//i.test(target)
      ? { id: articleId, url: target }
      : { id: articleId, path: resolve(target) }
    const update = await call(context, 'articles.update', input)
    if (context.json) printJson(update)
    else {
      print(
        update.textChanged
          ? `Updated “${update.article.title}”`
          : `“${update.article.title}” has not changed`,
      )
      for (const e of update.excerpts) {
        const change = e.previousQuote === null ? '' : `  (was: ${oneLine(e.previousQuote, 60)})`
        print(
          `${e.state.padEnd(8)} ${e.id}  ${e.state === 'orphaned' ? '-' : `${e.start}-${e.end}`}  ${oneLine(e.quote, 60)}${change}`,
        )
      }
    }
    return 0
  },
  async backlinks(context, [id]) {
    if (!id) throw new UsageError('backlinks needs an article id or a note id')
    const links = await call(context, 'graph.backlinks', { id })
    if (context.json) printJson(links)
    else if (links.kind === 'note') {
      print(
        links.notes.length === 0
          ? `No notes link to “${links.title}”.`
          : formatTable(
              ['NOTE', 'TITLE'],
              links.notes.map((n) => [n.id, n.title]),
            ),
      )
    } else {
      print(`“${links.title}” is cited in ${links.notes.length} note${links.notes.length === 1 ? '' : 's'}`)
      for (const e of links.excerpts)
        print(`${e.excerptId}  ${e.notes.map((n) => `${n.id} (${n.title})`).join(', ') || '-'}`)
    }
    return 0
  },
}

/** A quote on one line, cut to `width` characters. */
function oneLine(text: string, width = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > width ? flat.slice(0, width - 1) + '…' : flat
}

/** Runs one command line; returns the exit code. Exported for tests. */
export async function runCli(argv: string[]): Promise<number> {
  let values: { library?: string; json?: boolean; help?: boolean } & CommandOptions
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
        quote: { type: 'string' },
        occurrence: { type: 'string' },
        comment: { type: 'string' },
        tag: { type: 'string', multiple: true },
        all: { type: 'boolean' },
        out: { type: 'string' },
        citations: { type: 'string' },
        links: { type: 'string' },
        originals: { type: 'boolean' },
        everything: { type: 'boolean' },
        format: { type: 'string' },
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
    const { library: _dir, json, help: _help, ...options } = values
    return await run({ library, json: json ?? false, options }, args)
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
