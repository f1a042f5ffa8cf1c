/** How far a sync has gone: the step it is in, and documents done of that step's total. */
export interface SyncProgress {
  /** receiving: from the server into the replica; applying: into the library; sending: to the server. */
  step: 'receiving' | 'applying' | 'sending'
  done: number
  total: number
}

export type OnProgress = (progress: SyncProgress) => void
