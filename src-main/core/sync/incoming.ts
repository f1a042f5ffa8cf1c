import type { Replica, PouchDoc, Rejection } from './replica'
import { applyToStore, localValue, LocalChangedMeanwhile } from './apply-to-store'
import { fromPouchDoc, hashOfContent, parseDocId, RejectedDoc, type DocContent } from './replica-docs'
import { mergeVersions } from './merge'
import { dropConflict, recordConflict } from './conflicts'
import type { OnProgress } from './progress'

/** What taking in the replica's new documents did. */
export interface IncomingReport {
  /** Documents whose version the library took. */
  applied: number
  /** Conflicts merged field by field. */
  merged: number
  /** Conflicts left for the user (keep mine / theirs / both). */
  conflicts: number
  rejected: Rejection[]
  /** Excerpts held until their article arrives (it comes later, or was refused). */
  held: number
}

const CHECKPOINT = 'applied-seq'
/** Excerpt documents waiting for their article: applied by the first call after it arrived. */
const HELD = 'held-excerpts'
const BATCH = 200

/**
 * Takes every document the replica received since the last call into the library, in the order it
 * received them: validated, then written through the store. Runs in the replica's queue.
 */
export function applyPending(replica: Replica, onProgress?: OnProgress): Promise<IncomingReport> {
  return replica.run(async () => {
    const report: IncomingReport = { applied: 0, merged: 0, conflicts: 0, rejected: [], held: 0 }
    let since = (await replica.local.get<number | string>(CHECKPOINT)) ?? 0
    const total = onProgress ? (await replica.db.changes({ since })).results.length : 0
    let done = 0
    for (;;) {
      const batch = await replica.db.changes({ since, limit: BATCH })
      for (const change of batch.results) {
        await applyDoc(replica, change.id, report)
        if (total && ++done % 25 === 0) onProgress?.({ step: 'applying', done: Math.min(done, total), total })
      }
      if (batch.results.length === 0) break
      since = batch.last_seq
      await replica.local.put(CHECKPOINT, since)
    }
    await applyHeld(replica, report)
    if (total) onProgress?.({ step: 'applying', done: total, total })
    return report
  })
}

/** Takes one document's newest state into the library (or records its conflict). */
async function applyDoc(replica: Replica, docId: string, report: IncomingReport): Promise<void> {
  if (!parseDocId(docId)) return
  for (let attempt = 0; ; attempt++) {
    // A local change not yet in the replica goes in first, as a branch of its own: nothing is overwritten.
    await replica.mirror(docId)
    try {
      return await decide(replica, docId, report)
    } catch (error) {
      if (!(error instanceof LocalChangedMeanwhile) || attempt >= 5) throw error
    }
  }
}

async function decide(replica: Replica, docId: string, report: IncomingReport): Promise<void> {
  const doc = await replica.winner(docId)
  if (!doc) return
  const base = await replica.base(docId)
  const leaves = [doc._rev, ...(doc._conflicts ?? [])]
  if (doc._conflicts?.length && base && leaves.includes(base.rev))
    return settleConflict(replica, docId, base.rev, leaves, report)
  if (base?.rev === doc._rev) return
  // The winner came from elsewhere (and this library has no version among the leaves): take it.
  const content = doc._deleted ? null : await validated(replica, docId, doc._rev, report)
  if (content === undefined) return
  if (content?.kind === 'excerpt' && !hasArticle(replica, content.value.articleId)) {
    // Its article has not arrived (it may come in a later batch, or it was refused): held, not orphaned.
    await hold(replica, docId)
    return
  }
  await applyToStore(replica.store, docId, content, localValue(replica.store.data, docId))
  await replica.setBase(docId, { rev: doc._rev, hash: hashOfContent(content) })
  await dropConflict(replica, docId)
  report.applied++
}

function hasArticle(replica: Replica, articleId: unknown): boolean {
  return replica.store.data.articles.some((article) => article.id === articleId)
}

async function hold(replica: Replica, docId: string): Promise<void> {
  const held = (await replica.local.get<string[]>(HELD)) ?? []
  if (!held.includes(docId)) await replica.local.put(HELD, [...held, docId])
}

/** Applies the held excerpts whose article is in the library now; the others stay held (and counted). */
async function applyHeld(replica: Replica, report: IncomingReport): Promise<void> {
  const held = (await replica.local.get<string[]>(HELD)) ?? []
  if (held.length === 0) return
  await replica.local.put(HELD, [])
  for (const docId of held) await applyDoc(replica, docId, report)
  report.held = ((await replica.local.get<string[]>(HELD)) ?? []).length
}

/** A revision's content, validated; undefined (and reported) when it is refused. */
async function validated(
  replica: Replica,
  docId: string,
  rev: string,
  report: IncomingReport,
): Promise<DocContent | undefined> {
  const doc = await replica.loadRev(docId, rev)
  if (!doc) return undefined
  try {
    return fromPouchDoc(doc)
  } catch (error) {
    if (!(error instanceof RejectedDoc)) throw error
    const rejection = { docId, rev, reason: error.message }
    report.rejected.push(rejection)
    await replica.local.put(
      'last-rejections',
      [...((await replica.local.get<Rejection[]>('last-rejections')) ?? []), rejection].slice(-50),
    )
    return undefined
  }
}

/**
 * Two versions of one document stand side by side (edited here and elsewhere before they met). Equal
 * versions or field-by-field merges settle it here; otherwise the library keeps this version and the
 * conflict is listed until the user picks (conflicts.ts).
 */
async function settleConflict(
  replica: Replica,
  docId: string,
  mineRev: string,
  leaves: string[],
  report: IncomingReport,
): Promise<void> {
  const theirsRev = leaves.find((rev) => rev !== mineRev)!
  const mineDoc = await replica.loadRev(docId, mineRev)
  const theirs = await validated(replica, docId, theirsRev, report)
  if (!mineDoc) return
  if (theirs === undefined) {
    // A version this library refuses cannot win over its own: it is reported and set aside.
    await replica.removeLeaf(docId, theirsRev)
    return
  }
  const mine = fromPouchDoc(mineDoc)
  if (hashOfContent(mine) === hashOfContent(theirs)) {
    // Both made the same change: every replica drops the same one (the loser), and all agree.
    const [winner] = leaves
    if (winner === mineRev) await replica.removeLeaf(docId, theirsRev)
    else {
      await replica.removeLeaf(docId, mineRev)
      await replica.setBase(docId, { rev: theirsRev, hash: hashOfContent(theirs) })
    }
    return
  }
  const ancestor = await commonAncestor(replica, docId, mineDoc, theirsRev)
  const merged = mergeVersions(mine.kind, ancestor, mine, theirs)
  if (!merged) {
    if (await recordConflict(replica, docId, mineRev, theirsRev, mine, theirs)) report.conflicts++
    return
  }
  await applyToStore(replica.store, docId, merged, localValue(replica.store.data, docId))
  const rev = await replica.writeOnBase(docId, merged, mineRev)
  await replica.removeLeaf(docId, theirsRev)
  await replica.setBase(docId, { rev, hash: hashOfContent(merged) })
  await dropConflict(replica, docId)
  report.merged++
}

/** The newest revision both versions descend from, if this replica still holds its content. */
async function commonAncestor(
  replica: Replica,
  docId: string,
  mine: PouchDoc,
  theirsRev: string,
): Promise<DocContent | null> {
  const theirs = await replica.getOrNull(docId, { rev: theirsRev, revs: true })
  const chain = (doc: PouchDoc | null) =>
    doc?._revisions ? doc._revisions.ids.map((id, index) => `${doc._revisions!.start - index}-${id}`) : []
  const theirsChain = new Set(chain(theirs))
  const shared = chain(mine).find((rev) => theirsChain.has(rev))
  if (!shared) return null
  const doc = await replica.loadRev(docId, shared)
  if (!doc || doc._deleted) return null
  try {
    return fromPouchDoc(doc)
  } catch {
    return null
  }
}
