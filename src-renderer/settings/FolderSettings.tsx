import { useEffect, useRef, useState } from 'react'
import { api, isDesktop, messageOf, openDesktopLibraryFolder } from '../api'
import { copyText } from '../deep-links'
import { useNotifier } from '../ui/notices'
import { useExportFolder } from '../notes/use-export-folder'
import { ConfirmFolderView } from '../notes/vault-export-views'
import type { LibrarySettingsState } from './use-library-settings'

/**
 * Settings ▸ Export ▸ Default folder: where Export library as vault starts. The page never names the
 * folder on its own: the desktop app takes it from its folder dialog (as a grant); browser mode takes
 * a typed folder once the user has allowed it on the confirmation page, as the vault export does.
 */
export function ExportFolderSetting({ state }: { state: LibrarySettingsState }) {
  const folder = useExportFolder()
  const { setTyped } = folder
  const [shown, setShown] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const waiting = useRef<AbortController | null>(null)
  const saved = state.settings?.export.folder ?? null

  // The folder in use: the library's own, else the built-in default (asked of the library's machine).
  useEffect(() => {
    let live = true
    api.call('export.vaultDefaultDir', {}).then(
      ({ path }) => {
        if (!live) return
        setShown(path)
        setTyped(path)
      },
      () => {}, // shown as unknown; choosing still works
    )
    return () => {
      live = false
      waiting.current?.abort()
    }
  }, [saved, setTyped])

  const save = async (named: string | null) => {
    setError(null)
    if ((await state.setExport({ folder: named })) === false) setError('The folder was not saved.')
  }

  const choose = async () => {
    setSaving(true)
    setError(null)
    const controller = new AbortController()
    waiting.current = controller
    try {
      if (isDesktop) {
        const grant = await folder.choose()
        if (grant) await save(grant.grant)
      } else {
        const allowed = await folder.settle(controller.signal)
        if (allowed) await save(allowed)
      }
    } catch (failure) {
      setError(messageOf(failure))
    } finally {
      waiting.current = null
      setSaving(false)
    }
  }

  return (
    <>
      <div className="settings__row">
        <span className="settings__label" id="settings-export-folder-label">
          Default folder
        </span>
        {isDesktop ? (
          <code className="settings__path" data-testid="settings-export-folder">
            {shown ?? 'Unknown'}
          </code>
        ) : (
          <input
            type="text"
            className="settings__input"
            aria-labelledby="settings-export-folder-label"
            data-testid="settings-export-folder"
            spellCheck={false}
            value={folder.typed}
            onChange={(event) => setTyped(event.target.value)}
          />
        )}
        <button
          type="button"
          className="button button--small"
          data-testid="settings-export-folder-save"
          disabled={saving || (!isDesktop && !folder.typed.trim())}
          onClick={() => void choose()}
        >
          {isDesktop ? 'Choose…' : 'Use'}
        </button>
      </div>
      {folder.pending && (
        <ConfirmFolderView pending={folder.pending} then="it becomes the default folder as soon as you do" />
      )}
      {error && (
        <p className="settings__error" role="alert">
          {error}
        </p>
      )}
      <p className="settings__hint">
        Export library as vault starts here.{' '}
        {saved && (
          <button type="button" className="link-button" onClick={() => void save(null)}>
            Use the default (Commonplace vault in your home folder)
          </button>
        )}
      </p>
    </>
  )
}

/**
 * Settings ▸ Library ▸ Folder: where the library lives. The desktop app opens it in the file manager;
 * a browser cannot open a folder on the machine that holds the library, so browser mode says so and
 * offers its path to copy.
 */
export function LibraryFolderSetting({ dir }: { dir: string | null }) {
  const notifier = useNotifier()
  const copy = async () => {
    if (!dir) return
    try {
      await copyText(dir)
      notifier.show({ tone: 'success', message: 'Copied the library folder’s path.', expiresAfterMs: 4000 })
    } catch (error) {
      notifier.error('Could not copy the path', error)
    }
  }
  const open = async () => {
    if (!(await openDesktopLibraryFolder().catch(() => false)))
      notifier.show({ tone: 'error', message: 'Could not open the library folder.', expiresAfterMs: 8000 })
  }
  return (
    <>
      <div className="settings__row">
        <span className="settings__label">Folder</span>
        <code className="settings__path" data-testid="settings-library-folder">
          {dir ?? 'Unknown'}
        </code>
        {isDesktop ? (
          <button
            type="button"
            className="button button--small"
            data-testid="settings-open-library-folder"
            disabled={!dir}
            onClick={() => void open()}
          >
            Open folder
          </button>
        ) : (
          <button
            type="button"
            className="button button--small"
            data-testid="settings-copy-library-folder"
            disabled={!dir}
            onClick={() => void copy()}
          >
            Copy path
          </button>
        )}
      </div>
      {!isDesktop && (
        <p className="settings__hint" data-testid="settings-library-folder-hint">
          A browser cannot open folders on the machine that holds the library: copy the path and open it in
          your file manager.
        </p>
      )}
    </>
  )
}
