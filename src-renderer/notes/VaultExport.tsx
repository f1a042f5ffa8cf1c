import { useLayoutEffect, useRef, useState, type FormEvent } from 'react'
import type { MethodOutput } from '../../src-main/api/contract'
import { api, messageOf } from '../api'
import { useOpenSettings } from '../settings/settings-context'
import { useExportProgress } from './use-export-progress'
import { useExportFolder } from './use-export-folder'
import { ConfirmFolderView, ExportProgressView, VaultReportView } from './vault-export-views'
import '../ui/confirm.css'
import { useCommand } from '../commands/registry'
import './vault-export.css'

type VaultReport = MethodOutput<'export.vault'>

/**
 * "Export library as vault…" (the palette, the desktop File menu, the note's header): asks for a folder (the desktop app's folder dialog; in browser mode a
 * folder typed or pasted, since the browser has no picker for the server's disk, and then allowed by
 * the user), the options, then runs `export.vault` and lists what was written and what was left
 * alone because someone edited it.
 */
export function VaultExportDialog() {
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
                onClick={() => void folder.choose().catch((failure: unknown) => setError(messageOf(failure)))}
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
        {report && (
          <VaultReportView report={report} grant={folder.isDesktop ? (folder.chosen?.grant ?? null) : null} />
        )}
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
  )
}
