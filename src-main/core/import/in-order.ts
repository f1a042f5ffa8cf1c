/**
 * Runs `prepare` for up to `ahead` items at once and `finish` for one item at a time, in the items'
 * order: a batch import parses the next files (in the parse threads) while the one writer stores
 * the current one, and outcomes still come out in the order the files were given. `signal` stops
 * before the next item is finished; preparations already started are dropped.
 */
export async function prepareAheadFinishInOrder<P, R>(
  count: number,
  ahead: number,
  prepare: (index: number) => Promise<P>,
  finish: (prepared: P, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const started: Promise<P>[] = []
  const start = (index: number) => {
    // Caught here so that a rejection of one not yet awaited is not reported as unhandled.
    const promise = prepare(index)
    promise.catch(() => undefined)
    started[index] = promise
  }
  const results: R[] = []
  for (let index = 0; index < count; index++) {
    if (signal?.aborted) break
    for (let next = index; next < Math.min(count, index + Math.max(1, ahead)); next++)
      if (!started[next]) start(next)
    results.push(await finish(await started[index]!, index))
  }
  return results
}
