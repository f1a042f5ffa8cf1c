import { parseArgs } from 'node:util'
import { chooseLibraryDir, sampleArticlePath } from './install-paths'
import {
  PROCESS_STREAMS,
  UsageError,
  type CliStreams,
  type Command,
  type CommandOptions,
} from './cli/context'

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
  settings [--citations inline|footnotes] [--links wiki|markdown] [--export-folder DIR|default]
                               show or change how exports cite and link when no flag says so
  cite <noteId|--all> --format bibtex|csl-json
                               the sources a note cites (or all sources) as BibTeX or CSL-JSON
  excerpt add <articleId> --quote "WORDS" [--occurrence N] [--comment TEXT] [--tag T]…
                               make an excerpt from words of an article, typed as you like (straight
                               quotes, -- for a dash, plain spaces); it keeps the article's characters
  excerpts <articleId>         an article's excerpts: state, position, comment, tags, citing notes
  update <articleId> <file|url>
                               import a new version of an article and re-anchor its excerpts
  backlinks <articleId|noteId> the notes citing an article's excerpts, or linking to a note
  search "WORDS" [--kind article|excerpt|note] [--tag T] [--source S] [--from DATE] [--before DATE] [--limit N]
                               full-text search, best first: article titles, metadata and text, excerpt
                               quotes and comments, notes (and the quotes in them); words match as
                               prefixes, "a phrase" in quotes exactly; DATE as 2026-11-30
  verify <file.md|folder>      check every quote of exported Markdown against the library: exact,
                               altered (with a word diff), source changed, unknown excerpt or no
                               citation; exit 0 only when every quote is exact
  sync --remote URL [--user NAME] [--password-file FILE] [--once|--watch]
                               sync the library with a CouchDB database (https://, or http:// on this
                               machine): once (default) or until stopped; the password comes from
                               $COMMONPLACE_SYNC_PASSWORD or a 0600 file outside the library; later
                               runs remember the URL
  sync status                  the last sync and the open conflicts
  conflicts [show <id> | resolve <id> --keep mine|theirs|both]
                               records changed here and elsewhere that did not merge; keep both makes
                               the other version of a note a new note
  collab-server --dir DIR [--port N] [--host 127.0.0.1] [--token-file FILE]
                               the live co-editing server (Hocuspocus): one file per shared note in
                               DIR; the token comes from $COMMONPLACE_COLLAB_TOKEN or a 0600 file;
                               loopback only unless --host says otherwise; port 1234 by default
  doctor [--repair]            check the library folder: temp files left by crashes, orphaned files,
                               missing files, backups; --repair deletes temp files and moves orphans
                               to .commonplace/orphans/ (nothing else is deleted); exit 1 if unhealthy

Options:
  --library DIR                the library folder (default: $COMMONPLACE_LIBRARY, else the app's library)
  --json                       machine-readable output
  -h, --help                   this help`

const SEE_HELP = 'see `commonplace --help`'

/**
 * Each command and the module that runs it. A module is loaded only when its command runs, so
 * `list` or `--help` never load the importers, jsdom, pdf.js or Lexical.
 */
const COMMAND_MODULES: Record<string, () => Promise<Record<string, Command>>> = {
  import: () => import('./cli/library-commands').then((m) => m.libraryCommands),
  list: () => import('./cli/library-commands').then((m) => m.libraryCommands),
  show: () => import('./cli/library-commands').then((m) => m.libraryCommands),
  notes: () => import('./cli/library-commands').then((m) => m.libraryCommands),
  note: () => import('./cli/library-commands').then((m) => m.libraryCommands),
  export: () => import('./cli/export-commands').then((m) => m.exportCommands),
  settings: () => import('./cli/export-commands').then((m) => m.exportCommands),
  cite: () => import('./cli/export-commands').then((m) => m.exportCommands),
  excerpt: () => import('./cli/graph-commands').then((m) => m.graphCommands),
  excerpts: () => import('./cli/graph-commands').then((m) => m.graphCommands),
  update: () => import('./cli/graph-commands').then((m) => m.graphCommands),
  backlinks: () => import('./cli/graph-commands').then((m) => m.graphCommands),
  doctor: () => import('./cli/doctor-command').then((m) => m.doctorCommands),
  search: () => import('./cli/search-command').then((m) => m.searchCommands),
  verify: () => import('./cli/verify-command').then((m) => m.verifyCommands),
  sync: () => import('./cli/sync-commands').then((m) => m.syncCommands),
  conflicts: () => import('./cli/sync-commands').then((m) => m.syncCommands),
}

const OPTIONS = {
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
  'export-folder': { type: 'string' },
  originals: { type: 'boolean' },
  everything: { type: 'boolean' },
  format: { type: 'string' },
  repair: { type: 'boolean' },
  kind: { type: 'string' },
  source: { type: 'string' },
  from: { type: 'string' },
  before: { type: 'string' },
  limit: { type: 'string' },
  remote: { type: 'string' },
  user: { type: 'string' },
  'password-file': { type: 'string' },
  once: { type: 'boolean' },
  watch: { type: 'boolean' },
  keep: { type: 'string' },
  port: { type: 'string' },
  dir: { type: 'string' },
  host: { type: 'string' },
  'token-file': { type: 'string' },
} as const

/**
 * Runs one command line and returns the exit code: 0 success, 1 failure, 2 a wrong command line.
 * Results go to `streams.stdout`, errors (one line each) and progress to `streams.stderr`.
 */
export async function runCli(argv: string[], streams: CliStreams = PROCESS_STREAMS): Promise<number> {
  const fail = (message: string, code: number) => {
    streams.stderr.write(`commonplace: ${message}\n`)
    return code
  }
  let values: { library?: string; json?: boolean; help?: boolean } & CommandOptions
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS }))
  } catch (error) {
    return fail(`${usageMessage(error as Error)}; ${SEE_HELP}`, 2)
  }
  const [command, ...args] = positionals
  if (values.help) {
    streams.stdout.write(USAGE + '\n')
    return 0
  }
  if (!command) return fail(`no command given; ${SEE_HELP}`, 2)
  // The collab server opens no library: it keeps shared documents in the folder it is given.
  if (command === 'collab-server') {
    try {
      const { runCollabServer } = await import('./cli/collab-server-command')
      return await runCollabServer(values, args, streams)
    } catch (error) {
      if (error instanceof UsageError) return fail(`${error.message}; ${SEE_HELP}`, 2)
      return fail(oneLineMessage(error), 1)
    }
  }
  const load = Object.hasOwn(COMMAND_MODULES, command) ? COMMAND_MODULES[command] : undefined
  if (!load) return fail(`unknown command "${command}"; ${SEE_HELP}`, 2)
  try {
    const run = (await load())[command]!
    const { openLibrary } = await import('./core/library')
    const library = await openLibrary(chooseLibraryDir(values.library), sampleArticlePath())
    // What the store set aside or rebuilt on opening is said, once, before the command's own output.
    for (const problem of library.store.problems)
      streams.stderr.write(`commonplace: warning: ${problem.file}: ${problem.reason}\n`)
    const { library: _dir, json, help: _help, ...options } = values
    try {
      return await run({ library, json: json ?? false, options, streams }, args)
    } finally {
      const { closeReplica } = await import('./core/sync/session')
      await closeReplica(library.store)
      await library.store.close() // the journal's records into their files, so the folder reads complete
    }
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}; ${SEE_HELP}`, 2)
    return fail(oneLineMessage(error), 1)
  }
}

/** parseArgs' messages, said the way a person would read them on one line. */
function usageMessage(error: Error): string {
  const unknown = /^Unknown option '([^']+)'/.exec(error.message)
  if (unknown) return `unknown option ${unknown[1]}`
  const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(error.message)
  if (missing) return `${missing[1]} needs a value`
  const ambiguous = /^Option '(?:-\w, )?(--[\w-]+)' argument is ambiguous/.exec(error.message)
  if (ambiguous)
    return `${ambiguous[1]} needs a value; for one starting with a dash, write ${ambiguous[1]}=-…`
  const noValue = /^Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(error.message)
  if (noValue) return `${noValue[1]} takes no value`
  const positional = /^Unexpected argument '([^']+)'/.exec(error.message)
  if (positional) return `unexpected argument "${positional[1]}"`
  return oneLineMessage(error)
}

/** An error as one line: its message without stack or trailing detail. */
function oneLineMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0]!.trim() || 'failed'
}

const isEntryPoint = process.argv[1] && /cli\.(ts|js)$/.test(process.argv[1])
if (isEntryPoint) {
  runCli(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`commonplace: ${oneLineMessage(error)}\n`)
      process.exitCode = 1
    },
  )
}
