import { canonical, type DocContent, type DocKind } from './replica-docs'

/**
 * Three-way merge of two versions of one document, field by field where that is safe: a field only
 * one side changed takes that side's value; tag sets merge as sets (what either added stays, what
 * either removed goes); fields that belong together (a note's content and what is derived from it,
 * an article's bodies) move as one. Anything both sides changed differently cannot merge: null.
 */
const TOGETHER: Partial<Record<DocKind, string[][]>> = {
  note: [['@content.json', 'excerptIds', 'linkedNoteIds', 'waitingLinkTitles', 'tags']],
  article: [
    ['title', 'titleSetByUser'],
    [
      '@content.html',
      '@text.txt',
      '@original',
      'format',
      'sourceName',
      'sourceUrl',
      'wordCount',
      'contentHash',
      'byline',
      'siteName',
      'publishedAt',
      'lang',
      'dir',
      'description',
      'notices',
      'originalFile',
      'importedAt',
    ],
  ],
  excerpt: [['quote', 'prefix', 'suffix', 'start', 'end', 'articleHash', 'state', 'previousQuote']],
}

/** Tag lists that merge as sets (a note's tags are derived from its content, so they are not here). */
const TAG_SETS: Partial<Record<DocKind, string[]>> = { article: ['tags'], excerpt: ['tags'] }

/** Where a field of a version lives: the record, the settings' sections, or a body (`@name`). */
type Field = string

export function mergeVersions(
  kind: DocKind,
  ancestor: DocContent | null,
  mine: DocContent,
  theirs: DocContent,
): DocContent | null {
  const merged: DocContent = { ...mine, value: structuredClone(mine.value), bodies: new Map(mine.bodies) }
  const grouped = new Set((TOGETHER[kind] ?? []).flat())
  const fields = new Set<Field>([...Object.keys(mine.value), ...Object.keys(theirs.value)])
  for (const name of [...mine.bodies.keys(), ...theirs.bodies.keys()]) fields.add(`@${bodyKey(kind, name)}`)
  fields.delete('updatedAt')
  const groups = [
    ...(TOGETHER[kind] ?? []),
    ...[...fields].filter((field) => !grouped.has(field)).map((field) => [field]),
  ]
  for (const group of groups) {
    const [a, m, t] = [ancestor, mine, theirs].map((v) =>
      v ? canonical(group.map((f) => read(kind, v, f))) : null,
    )
    if (m === t || (ancestor && a === t)) continue // mine stands
    if (ancestor && a === m) {
      for (const field of group) write(kind, merged, field, read(kind, theirs, field))
      continue
    }
    if (group.length === 1 && TAG_SETS[kind]?.includes(group[0]!)) {
      const field = group[0]!
      write(kind, merged, field, mergeSets(ancestor?.value[field], mine.value[field], theirs.value[field]))
      continue
    }
    return null
  }
  if (kind === 'note') {
    const [m, t] = [mine.value.updatedAt, theirs.value.updatedAt].map(String) as [string, string]
    merged.value.updatedAt = m > t ? m : t
  }
  return merged
}

/** An article's original has a name of its own type (original.pdf): merged as one body, `@original`. */
function bodyKey(kind: DocKind, name: string): string {
  return kind === 'article' && name.startsWith('original.') ? 'original' : name
}

function read(kind: DocKind, version: DocContent, field: Field): unknown {
  if (!field.startsWith('@')) return version.value[field]
  const key = field.slice(1)
  const name = [...version.bodies.keys()].find((n) => bodyKey(kind, n) === key)
  return name === undefined ? null : [name, version.bodies.get(name)!.toString('base64')]
}

function write(kind: DocKind, version: DocContent, field: Field, value: unknown): void {
  if (!field.startsWith('@')) {
    if (value === undefined) delete version.value[field]
    else version.value[field] = value
    return
  }
  const key = field.slice(1)
  for (const name of [...version.bodies.keys()]) if (bodyKey(kind, name) === key) version.bodies.delete(name)
  if (value) {
    const [name, base64] = value as [string, string]
    version.bodies.set(name, Buffer.from(base64, 'base64'))
  }
}

/** Both sides' additions kept, both sides' removals made; order: mine, then what theirs added. */
function mergeSets(ancestor: unknown, mine: unknown, theirs: unknown): string[] {
  const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : [])
  const [a, m, t] = [list(ancestor), list(mine), list(theirs)]
  const removed = new Set([...a.filter((tag) => !m.includes(tag)), ...a.filter((tag) => !t.includes(tag))])
  return [...new Set([...m, ...t])].filter((tag) => !removed.has(tag))
}
