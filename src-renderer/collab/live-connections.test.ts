import { describe, expect, it } from 'vitest'
import { connectionProblem } from './live-connections'
import { documentNameFor } from './LiveDialog'
import { isDocumentName } from '../../src-main/core/sync/collab/document-name'

const good = { url: 'ws://127.0.0.1:1234', documentName: 'review-1', token: 't0k3n', userName: 'Ada' }

describe('a live connection typed in the dialog', () => {
  it.each([
    [{}, null],
    [{ url: 'ws://localhost:1234' }, null],
    [{ url: 'wss://collab.example.org/notes' }, null],
    [{ url: 'ws://collab.example.org:1234' }, 'Use wss:// for a server on another machine'],
    [{ url: 'http://127.0.0.1:1234' }, 'must start with ws:// or wss://'],
    [{ url: 'not an address' }, 'is not an address'],
    [{ documentName: '../escape' }, 'document name may hold'],
    [{ documentName: '' }, 'document name may hold'],
    [{ token: '  ' }, 'token is needed'],
    [{ userName: '' }, 'name others will see'],
  ])('%j → %s', (change, problem) => {
    const found = connectionProblem({ ...good, ...change })
    if (problem === null) expect(found).toBeNull()
    else expect(found).toContain(problem)
  })

  it.each([
    ['Literature review: 2026', 'literature-review-2026'],
    ['Über Straße', 'uber-stra-e'],
    ['../../etc', 'etc'],
    ['', 'shared-note'],
    ['x'.repeat(300), 'x'.repeat(60)],
  ])('suggests a valid document name for %j', (title, name) => {
    expect(documentNameFor(title)).toBe(name)
    expect(isDocumentName(documentNameFor(title))).toBe(true)
  })
})
