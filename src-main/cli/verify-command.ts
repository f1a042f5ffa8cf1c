import { call, print, printJson, UsageError, type Command } from './context'

/**
 * `commonplace verify <file.md|vault-dir> [--json]`: every quote of an exported Markdown file (or
 * of the .md files of a folder) checked against the library, one line per quote that is not exact,
 * then a count. Exit 0 only when every quote is exact.
 */
export const verifyCommands: Record<string, Command> = {
  async verify(context, args) {
    if (args.length !== 1)
      throw new UsageError('verify needs one Markdown file or folder, e.g. verify "notes/My note.md"')
    const { verdicts, allExact } = await call(context, 'quotes.verify', { path: args[0]! })
    if (context.json) {
      printJson(context, { verdicts, allExact })
      return allExact ? 0 : 1
    }
    for (const verdict of verdicts) {
      if (verdict.state === 'exact') continue
      const quote = verdict.quote.replace(/\s+/g, ' ').trim()
      const shown = quote.length > 70 ? `${quote.slice(0, 67)}…` : quote
      print(context, `${verdict.file}:${verdict.line}: ${verdict.state}: “${shown}”`)
      print(context, `    ${verdict.detail}`)
      if (verdict.diff) print(context, `    ${verdict.diff}`)
    }
    const exact = verdicts.filter((verdict) => verdict.state === 'exact').length
    if (verdicts.length === 0) print(context, 'No quotes found.')
    else if (allExact) print(context, `All ${verdicts.length} quotes exact.`)
    else print(context, `${exact} of ${verdicts.length} quotes exact.`)
    return allExact ? 0 : 1
  },
}
