import type { MethodOutput } from '../../src-main/api/contract'
import { copyText } from '../deep-links'
import { showDesktopExportFolder } from '../api'
import { useNotifier } from '../ui/notices'
import type { ExportProgress } from './use-export-progress'
import type { PendingConfirmation } from './use-export-folder'

// What the vault export dialog shows while it waits, while it runs and once it is done.

type VaultReport = MethodOutput<'export.vault'>

/** Browser mode: the folder waits for the user's word on the confirmation page. */
export function ConfirmFolderView({
  pending,
  then = 'the export starts as soon as you do',
}: {
  pending: PendingConfirmation
  /** What happens once the folder is allowed. */
  then?: string
}) {
  return (
    <div className="vault-export__status" role="status" data-testid="vault-export-confirm">
      <p>
        Browser mode writes only into folders you allow. Allow{' '}
        <span className="vault-export__path">{pending.folder}</span> on the confirmation page; {then}.
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
export function ExportProgressView({ progress }: { progress: ExportProgress | null }) {
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
export function VaultReportView({ report, grant }: { report: VaultReport; grant: string | null }) {
  return (
    <div className="vault-export__report" role="status" data-testid="vault-export-report">
      <ShowFolder folder={report.outDir} grant={grant} />
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

/**
 * Where the vault went. The desktop app shows the folder in the file manager (named by the grant its
 * dialog gave); a browser cannot open a folder on the machine that holds the library, so browser mode
 * shows the path with a Copy button.
 */
function ShowFolder({ folder, grant }: { folder: string; grant: string | null }) {
  const notifier = useNotifier()
  const show = async () => {
    try {
      if (!(await showDesktopExportFolder(grant!))) throw new Error('the folder could not be shown')
    } catch (error) {
      notifier.error('Could not show the folder', error)
    }
  }
  const copy = async () => {
    try {
      await copyText(folder)
      notifier.show({ tone: 'success', message: 'Copied the vault folder’s path.', expiresAfterMs: 4000 })
    } catch (error) {
      notifier.error('Could not copy the path', error)
    }
  }
  return (
    <div className="vault-export__where">
      <code className="vault-export__path" data-testid="vault-export-where">
        {folder}
      </code>
      {grant ? (
        <button
          type="button"
          className="button button--small"
          data-testid="vault-export-show"
          onClick={() => void show()}
        >
          Show in folder
        </button>
      ) : (
        <button
          type="button"
          className="button button--small"
          data-testid="vault-export-copy-path"
          title="A browser cannot open a folder on the machine that holds the library; copy its path instead"
          onClick={() => void copy()}
        >
          Copy path
        </button>
      )}
    </div>
  )
}
