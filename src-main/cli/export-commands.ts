import { resolve } from 'node:path'
import { NO_TERMINAL, withProgressLine } from './progress'
import { argumentsOf, call, exportStyle, print, printJson, UsageError, type Command } from './context'

const SKIPPED_KIND = {
  note: 'note',
  original: 'original of',
  text: 'text of',
  picture: 'picture of excerpt',
} as const

/** Commands that write Markdown and citations: export, cite, and the export settings. */
export const exportCommands: Record<string, Command> = {
  async export(context, args) {
    const [id] = argumentsOf('export', args, 1)
    const { output, all, out, originals, everything } = context.options
    const style = exportStyle(context.options)
    if (all) {
      if (!out || id) throw new UsageError('usage: export --all --out DIR')
      const exporting = call(context, 'export.vault', {
        outDir: resolve(out),
        ...style,
        originals,
        everything,
      })
      const report = await withProgressLine(
        context.json ? NO_TERMINAL : context.streams.stderr,
        exporting,
        async () => {
          const { running, done, total, path } = await call(context, 'export.progress', {})
          return running && total > 0
            ? `Exporting: ${done} of ${total} files${path ? ` · ${path}` : ''}`
            : null
        },
      )
      if (context.json) printJson(context, report)
      else {
        print(
          context,
          `Exported ${report.notes} notes and ${report.sources} sources to ${report.outDir}: ` +
            `${report.created.length} new, ${report.updated.length} updated, ${report.unchanged.length} unchanged, ${report.removed.length} removed` +
            (report.skipped.length ? `, ${report.skipped.length} skipped` : ''),
        )
        for (const { path, newVersion } of report.edited)
          print(context, `edited since the last export, left alone: ${path} (new version in ${newVersion})`)
      }
      // What could not be read goes to standard error, one line each, and the exit code says so.
      for (const { kind, title, reason } of report.skipped)
        context.streams.stderr.write(`skipped   ${SKIPPED_KIND[kind]} “${title}”: ${reason}\n`)
      return report.skipped.length ? 1 : 0
    }
    if (!id) throw new UsageError('export needs a note id (commonplace notes shows them) or --all --out DIR')
    if (output) {
      const written = await call(context, 'export.noteToFile', { id, path: resolve(output), ...style })
      if (context.json) printJson(context, written)
      else print(context, `Wrote ${written.path} (${written.bytes} bytes)`)
    } else {
      const exported = await call(context, 'export.note', { id, ...style })
      if (context.json) printJson(context, exported)
      else context.streams.stdout.write(exported.markdown)
    }
    return 0
  },
  async settings(context, args) {
    argumentsOf('settings', args, 0)
    const typed = context.options['export-folder']
    // `default` goes back to ~/Commonplace vault; a folder typed here goes through the terminal's path policy.
    const folder = typed === undefined ? undefined : typed === 'default' ? null : resolve(typed)
    const changes = { ...exportStyle(context.options), ...(folder !== undefined ? { folder } : {}) }
    const settings =
      changes.citations || changes.links || folder !== undefined
        ? await call(context, 'library.setExportSettings', changes)
        : await call(context, 'library.settings', {})
    if (context.json) printJson(context, settings)
    else
      print(
        context,
        `citations ${settings.export.citations}\nlinks     ${settings.export.links}\nfolder    ${settings.export.folder ?? 'default (Commonplace vault in the home folder)'}`,
      )
    return 0
  },
  async cite(context, args) {
    const [noteId] = argumentsOf('cite', args, 1)
    const { all, format } = context.options
    if (format !== 'bibtex' && format !== 'csl-json')
      throw new UsageError('cite needs --format bibtex or csl-json')
    if (!all === !noteId) throw new UsageError('usage: cite <noteId|--all> --format bibtex|csl-json')
    const cited = await call(context, 'export.citations', { noteId: all ? undefined : noteId, format })
    if (context.json) printJson(context, cited)
    else context.streams.stdout.write(cited.text)
    return 0
  },
}
