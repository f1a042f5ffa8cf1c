import { useLayoutEffect, useRef, useState, type FormEvent } from 'react'
import type { MethodOutput } from '../../src-main/api/contract'
import { api, messageOf } from '../api'
import { ExportIcon } from '../ui/icons'
import { useOpenSettings } from '../settings/settings-context'
import { useExportProgress, type ExportProgress } from './use-export-progress'
import { useExportFolder, type PendingConfirmation } from './use-export-folder'
import '../ui/confirm.css'
import { useCommand } from '../commands/registry'
import './vault-export.css'

type VaultReport = MethodOutput<'export.vault'>

/**
 * "Export library as vault…": asks for a folder (the desktop app's folder dialog; in browser mode a
 * folder typed or pasted, since the browser has no picker for the server's disk, and then allowed by
 * the user), the options, then runs `export.vault` and lists what was written and what was left
 * alone because someone edited it.
 */
export function VaultExportButton() {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const waiting = useRef<AbortController | null>(null)
  const folder = useExportFolder()
  const { typed: outDir, setTyped: setOutDir } = folder
  const folderRef = useRef<HTMLInputElement>(null)
  const [suggested, setSuggested] = useState<string | null>(null)
  const [citations, setCitations] = useState<'inline' | 'footnotes'>('inline')
  const [links, setLinks] = useState<'wiki' | 'markdown'>('wiki')
  const [originals, setOriginals] = useState(false)
  const [running, setRunning] = useState(false)
  const [report, setReport] = useState<VaultReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const progress = useExportProgress(running)
  // The styles are the library's export settings, chosen in Settings (Export Markdown and the CLI use them too).
  const openSettings = useOpenSettings()

  const open = () => {
    setReport(null)
    setError(null)
    dialogRef.current?.showModal()
    api.call('library.settings', {}).then(
      ({ export: style }) => {
        setCitations(style.citations)
        setLinks(style.links)
      },
      () => {}, // the defaults shown stay until the user picks
    )
    if (!outDir && !folder.isDesktop)
      api.call('export.vaultDefaultDir', {}).then(
        ({ path }) => {
          setOutDir((typed) => typed || path)
          setSuggested(path)
        },
        () => {}, // only a suggestion: the field stays empty for the user to fill
      )
  }

  useCommand('export-vault', () => open())

  // A suggestion that arrives while the field has the focus comes up selected: what the user goes on
  // typing replaces it instead of being added to its end.
  useLayoutEffect(() => {
    const field = folderRef.current
    if (field && field === document.activeElement && field.value === suggested) field.select()
  }, [suggested])

  const run = async (event: FormEvent) => {
    event.preventDefault()
    setRunning(true)
    setError(null)
    setReport(null)
    const controller = new AbortController()
    waiting.current = controller
    try {
      const named = await folder.settle(controller.signal)
      if (named === null) return // the folder dialog was cancelled
      setReport(
        await api.call('export.vault', { outDir: named, citations, links, originals, everything: false }),
      )
    } catch (failure) {
      setError(messageOf(failure))
    } finally {
      waiting.current = null
      setRunning(false)
    }
  }

  const close = () => dialogRef.current?.close()

  return (
    <>
      <button type="button" className="button button--small" data-testid="export-vault" onClick={open}>
        <ExportIcon /> Export library as vault…
      </button>
      <dialog
        ref={dialogRef}
        className="dialog vault-export"
        aria-labelledby="vault-export-title"
        data-testid="vault-export-dialog"
        // Escape closes it too; a confirmation still awaited is then given up.
        onClose={() => waiting.current?.abort()}
      >
        <form onSubmit={(event) => void run(event)}>
          <h2 id="vault-export-title" className="dialog__title">
            Export library as vault
          </h2>
          {folder.isDesktop ? (
            <div className="vault-export__field">
              Folder
              <div className="vault-export__chosen">
                <output data-testid="vault-export-folder-chosen">
                  {folder.chosen?.label ?? 'None chosen yet'}
                </output>
                <button
                  type="button"
                  className="button button--small"
                  data-testid="vault-export-choose"
                  disabled={running}
                  onClick={() =>
                    void folder.choose().catch((failure: unknown) => setError(messageOf(failure)))
                  }
                >
                  Choose…
                </button>
              </div>
            </div>
          ) : (
            <label className="vault-export__field">
              Folder (on the machine that holds the library)
              <input
                ref={folderRef}
                type="text"
                value={outDir}
                required
                spellCheck={false}
                data-testid="vault-export-folder"
                onChange={(event) => setOutDir(event.target.value)}
              />
            </label>
          )}
          <fieldset className="vault-export__options">
            <label>
              <input
                type="checkbox"
                checked={originals}
                onChange={(event) => setOriginals(event.target.checked)}
              />{' '}
              Include the original files
            </label>
          </fieldset>
          <p className="vault-export__hint" data-testid="vault-export-styles">
            Citations as {citations === 'inline' ? 'a line under each quote' : 'footnotes'}, note links as{' '}
            {links === 'wiki' ? '[[wiki links]]' : 'Markdown links'}.{' '}
            {openSettings && (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  close()
                  openSettings()
                }}
              >
                Change in Settings
              </button>
            )}
          </p>
          {folder.pending ? (
            <ConfirmFolderView pending={folder.pending} />
          ) : (
            running && <ExportProgressView progress={progress} />
          )}
          {error && (
            <p className="vault-export__error" role="alert">
              {error}
            </p>
          )}
          {report && <VaultReportView report={report} />}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={close}>
              Close
            </button>
            <button
              type="submit"
              className="button button--primary"
              disabled={running}
              data-testid="vault-export-run"
            >
              Export
            </button>
          </div>
        </form>
      </dialog>
    </>
  )
}

/** Browser mode: the folder waits for the user's word on the confirmation page. */
function ConfirmFolderView({ pending }: { pending: PendingConfirmation }) {
  return (
    <div className="vault-export__status" role="status" data-testid="vault-export-confirm">
      <p>
        Browser mode writes only into folders you allow. Allow{' '}
        <span className="vault-export__path">{pending.folder}</span> on the confirmation page; the export
        starts as soon as you do.
      </p>
      <a
        className="button button--small"
        href={pending.confirmUrl}
        target="_blank"
        rel="noopener noreferrer"
        data-testid="vault-export-confirm-link"
      >
        Open the confirmation page
      </a>
    </div>
  )
}

/** A running export: files written out of all and the last one, or a spinner until the first answer. */
function ExportProgressView({ progress }: { progress: ExportProgress | null }) {
  if (!progress || progress.total === 0)
    return (
      <p className="vault-export__status" role="status">
        <span className="vault-export__spinner" aria-hidden="true" /> Exporting…
      </p>
    )
  return (
    // Not a live region: a count read out four times a second would drown the screen reader; the
    // progress bar carries the value, and the report that follows is announced.
    <div className="vault-export__status" data-testid="vault-export-progress">
      <progress
        className="vault-export__bar"
        max={progress.total}
        value={progress.done}
        aria-label="Files written"
      />
      <p>
        Exporting: {progress.done} of {progress.total} files
        {progress.path && <span className="vault-export__path"> · {progress.path}</span>}
      </p>
    </div>
  )
}

/** What an export did: counts, and by name every file left alone because it was edited since. */
function VaultReportView({ report }: { report: VaultReport }) {
  return (
    <div className="vault-export__report" role="status" data-testid="vault-export-report">
      <p>
        Exported {report.notes} {report.notes === 1 ? 'note' : 'notes'} and {report.sources}{' '}
        {report.sources === 1 ? 'source' : 'sources'} to {report.outDir}: {report.created.length} written,{' '}
        {report.updated.length} updated, {report.unchanged.length} unchanged, {report.removed.length} removed.
      </p>
      {report.skipped.length > 0 && (
        <div data-testid="vault-export-skipped">
          <p>
            Left out because they could not be read (everything else was exported, and what an earlier export
            wrote for them stays):
          </p>
          <ul>
            {report.skipped.map(({ kind, id, title, reason }) => (
              <li key={`${kind}:${id}`}>
                {kind === 'note'
                  ? 'Note'
                  : kind === 'original'
                    ? 'The original of'
                    : kind === 'picture'
                      ? 'The picture of excerpt'
                      : 'The text of'}{' '}
                “{title}” — {reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.edited.length > 0 && (
        <>
          <p>Left alone because they were edited since the last export (the new version is beside each):</p>
          <ul>
            {report.edited.map(({ path, newVersion }) => (
              <li key={path}>
                {path} → {newVersion}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
