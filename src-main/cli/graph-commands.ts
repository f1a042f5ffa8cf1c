import { resolve } from 'node:path'
import { argumentsOf, call, oneLine, print, printJson, UsageError, type Command } from './context'
import { formatTable } from './table'

/** Commands over excerpts and the links between notes: excerpt add, excerpts, update, backlinks. */
export const graphCommands: Record<string, Command> = {
  async excerpt(context, args) {
    const [action, articleId] = argumentsOf('excerpt', args, 2)
    if (action !== 'add') throw new UsageError('usage: excerpt add <articleId> --quote "the words"')
    const { quote, occurrence, comment, tag } = context.options
    if (!articleId) throw new UsageError('excerpt add needs an article id (commonplace list shows them)')
    if (!quote) throw new UsageError('excerpt add needs --quote "the words"')
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
    if (context.json) printJson(context, excerpt)
    else print(context, `${excerpt.id}  ${excerpt.start}-${excerpt.end}  ${oneLine(excerpt.quote)}`)
    return 0
  },
  async excerpts(context, args) {
    const [articleId] = argumentsOf('excerpts', args, 1)
    if (!articleId) throw new UsageError('excerpts needs an article id (commonplace list shows them)')
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
      ...(e.area ? { area: e.area } : {}),
    }))
    if (context.json) printJson(context, rows)
    else if (rows.length === 0) print(context, 'No excerpts in this article.')
    else
      print(
        context,
        formatTable(
          ['ID', 'STATE', 'POSITION', 'QUOTE', 'COMMENT', 'TAGS', 'CITED IN'],
          rows.map((r) => [
            r.id,
            r.state,
            r.area ? `page ${r.area.page}` : `${r.start}-${r.end}`,
            // An area excerpt is a picture: say where it is, since it has no words to show.
            r.area ? `[picture of page ${r.area.page}, ${areaSize(r.area.rect)}]` : oneLine(r.quote, 60),
            oneLine(r.comment, 30),
            r.tags.join(' '),
            r.citingNoteIds.join(' '),
          ]),
        ),
      )
    return 0
  },
  async update(context, args) {
    const [articleId, target] = argumentsOf('update', args, 2)
    if (!articleId || !target) throw new UsageError('update needs an article id and a file or link')
    const input = /^https?:\/\//i.test(target)
      ? { id: articleId, url: target }
      : { id: articleId, path: resolve(target) }
    const update = await call(context, 'articles.update', input)
    if (context.json) printJson(context, update)
    else {
      print(
        context,
        update.textChanged
          ? `Updated “${update.article.title}”`
          : `“${update.article.title}” has not changed`,
      )
      for (const e of update.excerpts) {
        const change = e.previousQuote === null ? '' : `  (was: ${oneLine(e.previousQuote, 60)})`
        print(
          context,
          `${e.state.padEnd(8)} ${e.id}  ${e.state === 'orphaned' ? '-' : `${e.start}-${e.end}`}  ${oneLine(e.quote, 60)}${change}`,
        )
      }
    }
    return 0
  },
  async backlinks(context, args) {
    const [id] = argumentsOf('backlinks', args, 1)
    if (!id) throw new UsageError('backlinks needs an article id or a note id')
    const links = await call(context, 'graph.backlinks', { id })
    if (context.json) printJson(context, links)
    else if (links.kind === 'note') {
      print(
        context,
        links.notes.length === 0
          ? `No notes link to “${links.title}”.`
          : formatTable(
              ['NOTE', 'TITLE'],
              links.notes.map((n) => [n.id, n.title]),
            ),
      )
    } else {
      print(
        context,
        `“${links.title}” is cited in ${links.notes.length} note${links.notes.length === 1 ? '' : 's'}`,
      )
      for (const e of links.excerpts)
        print(context, `${e.excerptId}  ${e.notes.map((n) => `${n.id} (${n.title})`).join(', ') || '-'}`)
    }
    return 0
  },
}

/** A rectangle's size in PDF points, as a person reads it. */
function areaSize([x1, y1, x2, y2]: readonly number[]): string {
  return `${Math.round(Math.abs(x2! - x1!))} × ${Math.round(Math.abs(y2! - y1!))} pt`
}
