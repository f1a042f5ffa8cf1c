// `commonplace search`: the best matches with ids and marked snippets, filters, --json, and clear
// refusals of a wrong command line. In-process runs; see testing/run-cli.ts.
import { describe, it, expect, beforeAll } from 'vitest'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCliInProcess as cli } from '../testing/run-cli'

let library: string
beforeAll(async () => {
  const work = await mkdtemp(join(tmpdir(), 'commonplace-cli-search-'))
  library = join(work, 'library')
  await writeFile(join(work, 'harbour.txt'), 'The harbour master counted the boats at dawn.')
  await writeFile(join(work, 'mills.md'), '# Mills\n\nThe old mills by the harbour wall stood empty.')
  expect(
    (await cli('import', join(work, 'harbour.txt'), join(work, 'mills.md'), '--library', library)).code,
  ).toBe(0)
})

const lines = (text: string) => text.split('\n').filter(Boolean)

describe('commonplace search', () => {
  it('prints each hit with its kind, id and title, and a snippet with the matched words marked', async () => {
    const result = await cli('search', 'harbour', '--library', library)
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('') // no progress line off a terminal, no SQLite warning
    expect(lines(result.stdout)).toEqual([
      expect.stringMatching(/^article {2}a-\S+ {2}Harbour$/),
      '         The **harbour** master counted the boats at dawn.',
      expect.stringMatching(/^article {2}a-\S+ {2}Mills$/),
      '         Mills The old mills by the **harbour** wall stood empty.',
    ])
  })

  it('finds a phrase, filters by kind, and says when nothing is found', async () => {
    expect(lines((await cli('search', '"mills by the harbour"', '--library', library)).stdout)).toHaveLength(
      2,
    )
    expect(lines((await cli('search', '"harbour by the mills"', '--library', library)).stdout)).toEqual([
      'Nothing found.',
    ])
    expect(lines((await cli('search', 'harbour', '--kind', 'note', '--library', library)).stdout)).toEqual([
      'Nothing found.',
    ])
  })

  it('gives JSON with --json', async () => {
    const result = await cli('search', 'boats', '--json', '--library', library)
    const found = JSON.parse(result.stdout) as { hits: { kind: string; title: string }[]; total: number }
    expect(found.total).toBe(1)
    expect(found.hits[0]).toMatchObject({ kind: 'article', title: 'Harbour' })
  })

  it('refuses a wrong command line with exit code 2 and one line', async () => {
    for (const [args, message] of [
      [[], 'search needs the words to look for'],
      [['harbour', '--kind', 'book'], '--kind must be article, excerpt or note'],
      [['harbour', '--limit', 'ten'], '--limit must be a whole number from 1 to 200'],
      [['harbour', '--from', 'yesterday'], 'a date such as 2026-11-30'],
    ] as const) {
      const result = await cli('search', ...args, '--library', library)
      expect(result.code).not.toBe(0)
      expect(lines(result.stderr)).toEqual([expect.stringContaining(message)])
    }
  })
})
