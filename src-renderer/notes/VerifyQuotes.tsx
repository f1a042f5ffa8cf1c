import { useRef, useState, type ChangeEvent } from 'react'
import type { MethodOutput } from '../../src-main/api/contract'
import { api, messageOf } from '../api'
import { useCommand } from '../commands/registry'
import { readVerifyFiles } from './verify-files'
import '../ui/confirm.css'
import './verify-quotes.css'

type VerifyReport = MethodOutput<'quotes.verifyText'>
type Verdict = VerifyReport['verdicts'][number]

/**
 * "Verify quotes in exported Markdown…": the user picks .md files or a folder (a vault) with the
 * window's own file chooser, which is the system's dialog in the desktop app and works the same in
 * a browser; their text and the hashes of the pictures beside them go to `quotes.verifyText`, and
 * every quote's verdict is listed (exact, altered with a word diff, source changed, unknown excerpt,
 * no citation).
 */
export function VerifyQuotesDialog() {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const filesRef = useRef<HTMLInputElement>(null)
  const folderRef = useRef<HTMLInputElement>(null)
  const [running, setRunning] = useState(false)
  const [report, setReport] = useState<VerifyReport | null>(null)
  const [error, setError] = useState<string | null>(null)

  useCommand('verify-quotes', () => {
    setReport(null)
    setError(null)
    dialogRef.current?.showModal()
  })

  const verify = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])]
    event.target.value = ''
    if (chosen.length === 0) return
    setRunning(true)
    setError(null)
    setReport(null)
    try {
      setReport(await api.call('quotes.verifyText', await readVerifyFiles(chosen)))
    } catch (failure) {
      setError(messageOf(failure))
    } finally {
      setRunning(false)
    }
  }

  const exact = report?.verdicts.filter((verdict) => verdict.state === 'exact').length ?? 0
  return (
    <dialog
      ref={dialogRef}
      className="dialog verify-quotes"
      aria-labelledby="verify-quotes-title"
      data-testid="verify-quotes-dialog"
    >
      <h2 id="verify-quotes-title" className="dialog__title">
        Verify quotes in exported Markdown
      </h2>
      <p className="dialog__message">
        Checks every quote of a Markdown file or of a vault folder against this library: the words (or the
        picture) must be exactly those of the excerpt its citation names.
      </p>
      <div className="verify-quotes__choose">
        <button
          type="button"
          className="button button--small"
          data-testid="verify-quotes-files"
          disabled={running}
          onClick={() => filesRef.current?.click()}
        >
          Choose Markdown files…
        </button>
        <button
          type="button"
          className="button button--small"
          data-testid="verify-quotes-folder"
          disabled={running}
          onClick={() => folderRef.current?.click()}
        >
          Choose a folder…
        </button>
        <input
          ref={filesRef}
          type="file"
          multiple
          accept=".md,.markdown,text/markdown,.png,image/png"
          hidden
          data-testid="verify-quotes-file-input"
          onChange={(event) => void verify(event)}
        />
        <input
          ref={folderRef}
          type="file"
          hidden
          data-testid="verify-quotes-folder-input"
          // A folder's files, each with its path inside the folder (webkitRelativePath).
          {...{ webkitdirectory: '' }}
          onChange={(event) => void verify(event)}
        />
      </div>
      <div aria-live="polite">
        {running && <p className="verify-quotes__status">Checking the quotes…</p>}
        {error && (
          <p className="verify-quotes__error" role="alert" data-testid="verify-quotes-error">
            {error}
          </p>
        )}
        {report && (
          <p className="verify-quotes__status" data-testid="verify-quotes-summary">
            {report.verdicts.length === 0
              ? 'No quotes found.'
              : report.allExact
                ? `All ${report.verdicts.length} quotes exact.`
                : `${exact} of ${report.verdicts.length} quotes exact.`}
          </p>
        )}
      </div>
      {report && report.verdicts.length > 0 && (
        <ol className="verify-quotes__list" data-testid="verify-quotes-report">
          {report.verdicts.map((verdict, index) => (
            <VerdictItem key={index} verdict={verdict} />
          ))}
        </ol>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  )
}

function VerdictItem({ verdict }: { verdict: Verdict }) {
  const quote = verdict.quote.replace(/\s+/g, ' ').trim()
  return (
    <li className="verify-quotes__verdict" data-testid="verify-verdict" data-state={verdict.state}>
      <div className="verify-quotes__head">
        <span className={`verify-quotes__state verify-quotes__state--${verdict.state.replace(' ', '-')}`}>
          {verdict.state === 'exact' ? '✓ exact' : verdict.state}
        </span>
        <span className="verify-quotes__where">
          {verdict.file}:{verdict.line}
        </span>
      </div>
      {quote && (
        <q className="verify-quotes__quote">{quote.length > 140 ? `${quote.slice(0, 137)}…` : quote}</q>
      )}
      <p className="verify-quotes__detail">{verdict.detail}</p>
      {verdict.diff && <WordDiff diff={verdict.diff} />}
    </li>
  )
}

/** A word diff as `verify` writes it (`[-old-] {+new+}`), with removed and added words marked. */
function WordDiff({ diff }: { diff: string }) {
  const parts = diff.split(/(\[-.*?-\]|\{\+.*?\+\})/)
  return (
    <p className="verify-quotes__diff" data-testid="verify-diff">
      {parts.map((part, index) =>
        part.startsWith('[-') ? (
          <del key={index}>{part.slice(2, -2)}</del>
        ) : part.startsWith('{+') ? (
          <ins key={index}>{part.slice(2, -2)}</ins>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </p>
  )
}
