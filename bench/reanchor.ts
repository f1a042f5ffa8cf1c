import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  MIN_QUOTE_SIMILARITY,
  reanchor,
  type AnchorState,
  type Reanchored,
} from '../src-main/core/anchor/reanchor'
import { quoteSimilarity } from '../src-main/core/anchor/similarity'
import { selectorAt } from '../src-main/core/anchor/selector'
import { readabilityText } from '../src-main/core/anchor/anchoring-cases'
import { corpusFile } from '../src-main/testing/corpus'
import { LibraryStore } from '../src-main/core/store/library-store'
import { importSources } from '../src-main/core/import/import-files'
import { readArticleText } from '../src-main/core/articles'
import { createExcerpt } from '../src-main/core/excerpts'
import { updateArticle } from '../src-main/core/article-update'
import {
  paragraphSpans,
  pick,
  reviseWithTruth,
  seededRandom,
  truthOf,
  wordsIn,
  type Truth,
} from './scripted-revision'

// `npx tsx bench/reanchor.ts`: re-anchors 200 excerpts of a long article (Wikipedia's "New
// Zealand" page from the corpus, ~150 KB of text) across a scripted revision whose true outcome
// is known for every character, times it, scores it, and writes bench/reanchor.json.

const EXCERPTS = 200
const SEED = 20171020
const PLAN = { reword: 60, insert: 60, delete: 40, move: 20, respace: 40 }
/** A `changed` boundary within this many characters of the truth counts as placed. */
const CHANGED_TOLERANCE = 8

type Kind = 'phrase' | 'sentence' | 'paragraph' | 'multi-paragraph'

interface Row {
  kind: Kind
  oldQuote: string
  truth: Truth
  found: Reanchored
  ms: number
}

async function main(): Promise<void> {
  // The page's paragraphs as the plain-text importer stores them: trimmed, blank-line separated.
  const text = readabilityText(corpusFile, 'wikipedia-2')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => /\p{L}/u.test(line))
    .join('\n\n')
  const newSentences = readabilityText(corpusFile, 'guardian-1')
    .split('\n')
    .map((line) => line.trim().split(/(?<=\.) /)[0]!)
    .filter((sentence) => sentence.length > 40)
  const random = seededRandom(SEED)
  const passages = choosePassages(text, random)
  const revision = reviseWithTruth(text, random, PLAN, newSentences)

  reanchor(selectorAt(text, passages[0]!.start, passages[0]!.end), revision.text) // warm up the JIT
  const rows: Row[] = passages.map(({ kind, start, end }) => {
    const old = selectorAt(text, start, end)
    const began = performance.now()
    const found = reanchor(old, revision.text)
    return {
      kind,
      oldQuote: old.quote,
      truth: truthOf(text, revision, start, end),
      found,
      ms: performance.now() - began,
    }
  })
  const library = await timeLibraryUpdate(text, revision.text, passages)

  const report = summarize(rows, text, revision, library)
  printReport(report)
  const file = join(import.meta.dirname, 'reanchor.json')
  await writeFile(
    file,
    JSON.stringify({ date: new Date().toISOString(), node: process.version, ...report }, null, 2) + '\n',
  )
  console.log(`\nwrote ${file}`)
}

/** 200 passages: phrases, sentences, whole paragraphs and passages spanning two or three paragraphs. */
function choosePassages(text: string, random: () => number): { kind: Kind; start: number; end: number }[] {
  const paragraphs = paragraphSpans(text).map(({ start, end }) => ({
    start,
    end: text.slice(start, end).trimEnd().length + start,
  }))
  const kinds: Kind[] = [
    'phrase',
    'phrase',
    'sentence',
    'sentence',
    'sentence',
    'sentence',
    'paragraph',
    'paragraph',
    'multi-paragraph',
    'multi-paragraph',
  ]
  const passages: { kind: Kind; start: number; end: number }[] = []
  while (passages.length < EXCERPTS) {
    const kind = kinds[passages.length % kinds.length]!
    const index = Math.floor(random() * (paragraphs.length - 3))
    const paragraph = paragraphs[index]!
    const words = wordsIn(text, paragraph.start, paragraph.end)
    if (words.length < 12) continue
    const first = Math.floor(random() * (words.length - 8))
    if (kind === 'paragraph') passages.push({ kind, ...paragraph })
    else if (kind === 'phrase')
      passages.push({
        kind,
        start: words[first]!.start,
        end: words[first + 2 + Math.floor(random() * 3)]!.end,
      })
    else if (kind === 'sentence') {
      const last = Math.min(words.length - 1, first + 6 + Math.floor(random() * 30))
      passages.push({ kind, start: words[first]!.start, end: words[last]!.end })
    } else {
      const later = paragraphs[index + 1 + Math.floor(random() * 2)]!
      const end = pick(wordsIn(text, later.start, later.end), random)!.end
      passages.push({ kind, start: words[first]!.start, end })
    }
  }
  return passages
}

/** The same work through the library: import, 200 excerpts, then one `updateArticle`, timed. */
async function timeLibraryUpdate(text: string, revised: string, passages: { start: number; end: number }[]) {
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-bench-reanchor-'))
  try {
    const store = await LibraryStore.open(dir)
    const bytes = (s: string) => new TextEncoder().encode(s)
    const articleId = (await importSources(store, [{ name: 'new-zealand.txt', bytes: bytes(text) }]))[0]!
      .articleId!
    if ((await readArticleText(store, articleId)) !== text)
      throw new Error('the importer changed the bench text')
    for (const { start, end } of passages)
      await createExcerpt(store, { articleId, start, end, quote: text.slice(start, end) })
    const began = performance.now()
    const update = await updateArticle(store, articleId, { name: 'new-zealand.txt', bytes: bytes(revised) })
    return { ms: performance.now() - began, excerpts: update.excerpts.length }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function summarize(
  rows: Row[],
  text: string,
  revision: { text: string; counts: Record<string, number> },
  library: { ms: number; excerpts: number },
) {
  const states: AnchorState[] = ['exact', 'moved', 'changed', 'orphaned']
  const judged = rows.filter((row) => row.truth.state !== 'ambiguous')
  const confusion = Object.fromEntries(
    states.map((truth) => [
      truth,
      Object.fromEntries(
        states.map((found) => [
          found,
          judged.filter((r) => r.truth.state === truth && r.found.state === found).length,
        ]),
      ),
    ]),
  )
  const stateRight = judged.filter((row) => row.found.state === row.truth.state)
  // Changed passages whose true new words are less alike than the acceptance threshold: by design
  // these come back orphaned (the user re-attaches them), so they are counted apart.
  const beyondThreshold = judged.filter(
    (row) =>
      row.truth.state === 'changed' &&
      quoteSimilarity(row.oldQuote, revision.text.slice(row.truth.start, row.truth.end)) <
        MIN_QUOTE_SIMILARITY,
  )
  const placed = stateRight.filter((row) => isPlaced(row))
  const times = rows.map((row) => row.ms).sort((a, b) => a - b)
  const byState = Object.fromEntries(
    states.map((state) => {
      const ms = rows.filter((row) => row.found.state === state).map((row) => row.ms)
      return [
        state,
        { excerpts: ms.length, totalMs: round(sum(ms)), meanMs: round(ms.length ? sum(ms) / ms.length : 0) },
      ]
    }),
  )
  return {
    article: {
      source: 'readability/wikipedia-2 (paragraphs as plain text)',
      oldChars: text.length,
      newChars: revision.text.length,
      edits: revision.counts,
      seed: SEED,
    },
    timing: {
      excerpts: rows.length,
      totalMs: round(sum(times)),
      medianMs: round(times[Math.floor(times.length / 2)]!),
      p95Ms: round(times[Math.floor(times.length * 0.95)]!),
      maxMs: round(times[times.length - 1]!),
      byFoundState: byState,
      updateArticleMs: round(library.ms),
      updateArticleExcerpts: library.excerpts,
    },
    quality: {
      judged: judged.length,
      ambiguous: rows.length - judged.length,
      stateCorrect: stateRight.length,
      stateAccuracy: round(stateRight.length / judged.length, 3),
      placedCorrectly: placed.length,
      placementAccuracy: round(placed.length / judged.length, 3),
      wrongPlaceWithoutWarning: judged.filter(
        (r) =>
          (r.found.state === 'exact' || r.found.state === 'moved') &&
          !isPlaced({ ...r, truth: { ...r.truth, state: r.found.state } }),
      ).length,
      changedBeyondThreshold: beyondThreshold.length,
      changedBeyondThresholdFoundOrphaned: beyondThreshold.filter((row) => row.found.state === 'orphaned')
        .length,
      confusion,
      byKind: Object.fromEntries(
        (['phrase', 'sentence', 'paragraph', 'multi-paragraph'] as Kind[]).map((kind) => {
          const of = judged.filter((r) => r.kind === kind)
          return [
            kind,
            { judged: of.length, stateCorrect: of.filter((r) => r.found.state === r.truth.state).length },
          ]
        }),
      ),
    },
  }
}

// Same words must be found at exactly the true offsets; changed words within a few characters.
function isPlaced(row: Row): boolean {
  const { truth, found } = row
  if (truth.state === 'orphaned' || truth.state === 'ambiguous') return found.state === truth.state
  if (truth.state === 'changed') {
    return (
      Math.abs(found.start - truth.start) <= CHANGED_TOLERANCE &&
      Math.abs(found.end - truth.end) <= CHANGED_TOLERANCE
    )
  }
  return found.start === truth.start && found.end === truth.end
}

function printReport(report: ReturnType<typeof summarize>): void {
  const { article, timing, quality } = report
  console.log(
    `article: ${article.source}, ${article.oldChars} → ${article.newChars} characters; edits ${JSON.stringify(article.edits)}`,
  )
  const table: [string, string][] = [
    ['excerpts re-anchored', String(timing.excerpts)],
    ['total (reanchor only)', `${timing.totalMs} ms`],
    ['median / p95 / max per excerpt', `${timing.medianMs} / ${timing.p95Ms} / ${timing.maxMs} ms`],
    ...Object.entries(timing.byFoundState).map(([state, s]): [string, string] => [
      `  found ${state}`,
      `${s.excerpts} excerpts, ${s.meanMs} ms mean`,
    ]),
    ['updateArticle (parse, re-anchor, durable write)', `${timing.updateArticleMs} ms`],
    ['judged / ambiguous', `${quality.judged} / ${quality.ambiguous}`],
    ['state correct', `${quality.stateCorrect} (${(quality.stateAccuracy * 100).toFixed(1)} %)`],
    [
      'state and place correct',
      `${quality.placedCorrectly} (${(quality.placementAccuracy * 100).toFixed(1)} %)`,
    ],
    ['exact/moved at a wrong place', String(quality.wrongPlaceWithoutWarning)],
    [
      `changed beyond the ${MIN_QUOTE_SIMILARITY} threshold (found orphaned)`,
      `${quality.changedBeyondThreshold} (${quality.changedBeyondThresholdFoundOrphaned})`,
    ],
  ]
  const width = Math.max(...table.map(([label]) => label.length))
  for (const [label, value] of table) console.log(`${label.padEnd(width)}  ${value}`)
  console.log('\ntruth \\ found   exact  moved  changed  orphaned')
  for (const [truth, found] of Object.entries(quality.confusion)) {
    console.log(
      `${truth.padEnd(14)}  ${Object.values(found)
        .map((n, i) => String(n).padStart([5, 6, 8, 9][i]!))
        .join('  ')}`,
    )
  }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
const round = (value: number, digits = 2) => Number(value.toFixed(digits))

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
