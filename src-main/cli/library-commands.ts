import { basename, resolve } from 'node:path'
import { readFile } from 'node:fs/promises'
import { argumentsOf, call, print, printFailure, printJson, UsageError, type Command } from './context'
import { importOutcomeLine } from './import-outcome-line'
import { formatTable } from './table'
import { NO_TERMINAL, withProgressLine } from './progress'

/** Commands over the library: import, list, show, notes, note import. */
export const libraryCommands: Record<string, Command> = {
  async import(context, files) {
    if (files.length === 0) throw new UsageError('import needs at least one file, folder or link')
    // Folders are walked first, so each file's outcome can be printed as soon as it is known.
    const targets: string[] = []
    for (const target of files) {
      if (/^https?:\/\//i.test(target)) targets.push(target)
      else targets.push(...(await call(context, 'articles.importablePaths', { paths: [resolve(target)] })))
    }
    if (targets.length === 0 && !context.json)
      print(context, 'Nothing to import: no file there that Commonplace can read')
    const outcomes = []
    for (const [index, target] of targets.entries()) {
      const importing = /^https?:\/\//i.test(target)
        ? call(context, 'articles.importUrl', { url: target })
        : call(context, 'articles.importPaths', { paths: [target] }).then((found) => {
            // Only a file that became a folder since it was listed gives no outcome.
            if (!found[0]) throw new Error(`${target} is no longer a file`)
            return found[0]
          })
      const describe = async () => `Importing ${index + 1} of ${targets.length}: ${basename(target)}`
      const outcome = await withProgressLine(
        context.json ? NO_TERMINAL : context.streams.stderr,
        importing,
        describe,
      )
      outcomes.push(outcome)
      if (!context.json) {
        const { failed, line } = importOutcomeLine(outcome)
        if (failed) printFailure(context, line)
        else print(context, line)
      }
    }
    if (context.json) printJson(context, outcomes)
    return outcomes.some((outcome) => outcome.status === 'failed') ? 1 : 0
  },
  async list(context, args) {
    argumentsOf('list', args, 0)
    const articles = await call(context, 'articles.list', {})
    if (context.json) {
      printJson(
        context,
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
      print(context, 'The library is empty. Import files with: commonplace import <files…>')
    } else {
      print(
        context,
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
  async show(context, args) {
    const [id] = argumentsOf('show', args, 1)
    if (!id) throw new UsageError('show needs an article id (commonplace list shows them)')
    const article = await call(context, 'articles.get', { id })
    const excerpts = await call(context, 'excerpts.list', { articleId: id })
    if (context.json) {
      const { html: _html, ...rest } = article
      printJson(context, { ...rest, excerpts: excerpts.length })
    } else {
      print(context, `${article.title}\n${'='.repeat(Math.min(article.title.length, 80))}`)
      print(
        context,
        `id: ${article.id}\nsource: ${article.sourceName ?? article.sourceUrl ?? '-'}\nimported: ${article.importedAt}\nwords: ${article.wordCount}\nexcerpts: ${excerpts.length}\n`,
      )
      print(context, article.text)
    }
    return 0
  },
  async notes(context, args) {
    argumentsOf('notes', args, 0)
    const notes = await call(context, 'notes.list', {})
    if (context.json) printJson(context, notes)
    else if (notes.length === 0) print(context, 'No notes yet.')
    else
      print(
        context,
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
    const read = await Promise.all(files.map(readMarkdownFile))
    const notes = await call(context, 'notes.importMarkdown', { files: read })
    if (context.json) printJson(context, notes)
    else for (const note of notes) print(context, `${note.id}  ${note.title}`)
    return 0
  },
}

/** A Markdown file for `note import`; a file that cannot be read fails with its path and the reason. */
async function readMarkdownFile(file: string): Promise<{ name: string; text: string }> {
  const path = resolve(file)
  try {
    return { name: basename(file), text: await readFile(path, 'utf8') }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'ENOENT'
        ? 'the file does not exist'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (error as Error).message
    throw new Error(`Cannot read ${path}: ${reason}`, { cause: error })
  }
}
