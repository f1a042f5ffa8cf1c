/** Where a progress line goes: a terminal's stderr (or a stand-in with the same two members). */
export interface ProgressStream {
  isTTY?: boolean
  write(text: string): unknown
}

const CLEAR_LINE = '\r\x1b[K'

/** Where progress goes when output is for programs (--json): nowhere. */
export const NO_TERMINAL: ProgressStream = { isTTY: false, write: () => undefined }

/**
 * Shows how far a long call is while it runs: one line on a terminal, rewritten in place every
 * `everyMs` from `describe` and erased at the end. Pipes and files get nothing, so output stays clean.
 */
export async function withProgressLine<T>(
  stream: ProgressStream,
  work: Promise<T>,
  describe: () => Promise<string | null>,
  everyMs = 200,
): Promise<T> {
  if (!stream.isTTY) return work
  let shown: string | null = null // the line on the terminal now
  let asking = false
  let finished = false
  const timer = setInterval(() => {
    if (asking) return
    asking = true
    describe()
      .then((line) => {
        if (line && !finished && line !== shown) {
          stream.write(CLEAR_LINE + line)
          shown = line
        }
      })
      .catch(() => {}) // the line is a courtesy; the call itself reports failures
      .finally(() => (asking = false))
  }, everyMs)
  try {
    return await work
  } finally {
    finished = true
    clearInterval(timer)
    if (shown) stream.write(CLEAR_LINE)
  }
}
