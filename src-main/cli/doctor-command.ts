import { call, print, printJson, UsageError, type Command } from './context'

/** `commonplace doctor [--repair]`: the library's health; exit 0 when nothing is wrong (or all was repaired). */
export const doctorCommands: Record<string, Command> = {
  async doctor(context, args) {
    if (args.length > 0) throw new UsageError('doctor takes no arguments (only --repair, --json)')
    const report = await call(context, 'library.check', { repair: context.options.repair ?? false })
    if (context.json) {
      printJson(context, report)
      return report.healthy ? 0 : 1
    }
    const { articles, excerpts, notes } = report.counts
    print(context, `Library ${report.library}: ${articles} articles, ${excerpts} excerpts, ${notes} notes`)
    print(
      context,
      `Backups: ${report.backups.count}${report.backups.newest ? `, newest ${report.backups.newest}` : ''}`,
    )
    for (const finding of report.findings) {
      const done = finding.repaired
        ? ` — repaired: ${finding.repair}`
        : finding.repair
          ? ` (--repair will ${finding.repair})`
          : ''
      print(context, `${finding.severity.padEnd(8)} ${finding.file}: ${finding.what}${done}`)
    }
    print(context, report.healthy ? 'No problems.' : 'Problems found; see above.')
    return report.healthy ? 0 : 1
  },
}
