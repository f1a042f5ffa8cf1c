/**
 * Work still under way (API calls, window-state writes), so that quitting can wait for it,
 * briefly, instead of cutting a save in half.
 */
export class PendingWork {
  private readonly inFlight = new Set<Promise<void>>()

  /** Remembers `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    )
    this.inFlight.add(settled)
    void settled.then(() => this.inFlight.delete(settled))
    return work
  }

  /** How many pieces of work are still under way. */
  get size(): number {
    return this.inFlight.size
  }

  /**
   * Resolves true once nothing is pending, including work that starts while waiting, or false
   * when `limitMs` passes first.
   */
  async settle(limitMs: number): Promise<boolean> {
    const deadline = Date.now() + limitMs
    while (this.inFlight.size > 0) {
      const left = deadline - Date.now()
      if (left <= 0) return false
      let timer: NodeJS.Timeout | undefined
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), left)
      })
      const outcome = await Promise.race([Promise.all(this.inFlight), timedOut])
      clearTimeout(timer)
      if (outcome === 'timeout') return this.inFlight.size === 0
    }
    return true
  }
}
