/** What the save indicator shows. */
export type SaveState = { status: 'saved' } | { status: 'saving' } | { status: 'failed'; reason: string }

export interface NoteSaverOptions<C, R> {
  /** Writes one version of the note; resolves once it is on disk. */
  save(content: C): Promise<R>
  /** Quiet time after the last change before a save starts. */
  delayMs: number
  onState(state: SaveState): void
}

/**
 * Autosave for one note: debounced, never two saves in flight, and the latest content always wins.
 * Content is handed over as a function so that serializing happens once, when a save starts.
 */
export class NoteSaver<C, R> {
  private pending: (() => C) | null = null
  private inFlight: Promise<boolean> | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private failure: Error | null = null
  private savedListener: ((result: R) => void) | null = null

  constructor(private readonly options: NoteSaverOptions<C, R>) {}

  /** Who hears of each successful save (the component's latest callback). */
  setSavedListener(listener: ((result: R) => void) | null): void {
    this.savedListener = listener
  }

  /** True while something typed is not yet on disk. */
  get hasUnsaved(): boolean {
    return this.pending !== null || this.inFlight !== null
  }

  /** Records a change; it is saved once typing pauses. */
  change(content: () => C): void {
    this.pending = content
    this.options.onState({ status: 'saving' })
    this.clearTimer()
    this.timer = setTimeout(() => {
      this.timer = null
      if (!this.inFlight) this.start()
    }, this.options.delayMs)
  }

  /** Saves whatever is pending now and waits until it is on disk; rejects if that save fails. */
  async flush(): Promise<void> {
    this.clearTimer()
    while (this.inFlight || this.pending) {
      if (!this.inFlight) this.start()
      const saved = await this.inFlight
      // A failure in this flush is final for it; a pending change left by the failure waits for a retry.
      if (!saved && this.failure) throw this.failure
    }
  }

  /** Tries the failed save again (the indicator's Retry). */
  retry(): Promise<void> {
    return this.flush()
  }

  private start(): void {
    const content = this.pending
    if (!content) return
    this.pending = null
    this.options.onState({ status: 'saving' })
    const run = (async (): Promise<boolean> => {
      try {
        const result = await this.options.save(content())
        this.failure = null
        this.savedListener?.(result)
        return true
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error))
        // Keep what was not saved, unless something newer has already replaced it.
        this.pending ??= content
        return false
      }
    })()
    this.inFlight = run
    void run.then((saved) => {
      this.inFlight = null
      if (!saved) {
        this.options.onState({ status: 'failed', reason: this.failure?.message ?? 'unknown error' })
        return
      }
      if (this.pending && !this.timer) this.start()
      else if (!this.pending) this.options.onState({ status: 'saved' })
    })
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }
}
