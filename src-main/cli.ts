import { parseArgs } from 'node:util'
import { openLibrary } from './core/library'
import { chooseLibraryDir, sampleArticlePath } from './install-paths'
import { print, UsageError, type Command, type CommandOptions } from './cli/context'
import { libraryCommands } from './cli/library-commands'
import { exportCommands } from './cli/export-commands'
import { graphCommands } from './cli/graph-commands'

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
  settings [--citations inline|footnotes] [--links wiki|markdown]
                               show or change how exports cite and link when no flag says so
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

const COMMANDS: Record<string, Command> = { ...libraryCommands, ...exportCommands, ...graphCommands }

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
