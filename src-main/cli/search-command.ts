import { call, print, printJson, UsageError, type Command, type Context } from './context'
import { NO_TERMINAL, withProgressLine } from './progress'
import type { MethodOutput } from '../api/contract'

type Hit = MethodOutput<'search.query'>['hits'][number]
const KINDS = ['article', 'excerpt', 'note'] as const

/**
 * `commonplace search "WORDS" [--kind K] [--tag T] [--source S] [--from DATE] [--before DATE]
 * [--limit N] [--json]`: the best matches first, each with its id and a snippet. A library never
 * searched before is indexed first, with a progress line on a terminal.
 */
export const searchCommands: Record<string, Command> = {
  async search(context, args) {
    if (args.length === 0)
      throw new UsageError('search needs the words to look for, e.g. search "old capital"')
    const { kind, tag, source, from, before, limit } = context.options
    if (kind !== undefined && !(KINDS as readonly string[]).includes(kind))
      throw new UsageError('--kind must be article, excerpt or note')
    if ((tag?.length ?? 0) > 1) throw new UsageError('search takes one --tag')
    const count = limit === undefined ? 20 : Number(limit)
    if (!Number.isInteger(count) || count < 1 || count > 200)
      throw new UsageError('--limit must be a whole number from 1 to 200')
    const query = call(context, 'search.query', {
      query: args.join(' '),
      kind: kind as (typeof KINDS)[number] | undefined,
      tag: tag?.[0],
      source,
      from,
      before,
      limit: count,
      complete: true,
    })
    const found = await withProgressLine(
      context.json ? NO_TERMINAL : context.streams.stderr,
      query,
      async () => {
        const { indexed, total, ready } = await call(context, 'search.status', {})
        return ready ? null : `Indexing the library for search: ${indexed} of ${total}`
      },
    )
    if (context.json) {
      printJson(context, found)
      return 0
    }
    if (found.hits.length === 0) {
      print(context, 'Nothing found.')
      return 0
    }
    for (const hit of found.hits) printHit(context, hit)
    if (found.total > found.hits.length)
      print(context, `${found.hits.length} of ${found.total} shown (--limit for more)`)
    return 0
  },
}

function printHit(context: Context, hit: Hit): void {
  const bold = context.streams.stdout.isTTY === true
  const snippet = hit.snippet
    .map((piece) =>
      piece.marked ? (bold ? `\x1b[1m${piece.text}\x1b[22m` : `**${piece.text}**`) : piece.text,
    )
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
  print(context, `${hit.kind.padEnd(8)} ${hit.id}  ${hit.title}`)
  if (hit.field !== 'title') print(context, `         ${snippet}`)
}
