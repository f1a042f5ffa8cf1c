import { describe, it, expect, beforeAll } from 'vitest'
import {
  justificationFor,
  mustBeJustified,
  readJustifications,
  scanSource,
  type Finding,
  type Justification,
} from './security-scan'

let findings: Finding[]
let parseErrors: string[]
let justifications: Justification[]

beforeAll(async () => {
  ;[{ findings, parseErrors }, justifications] = await Promise.all([scanSource(), readJustifications()])
}, 120_000)

const describeFinding = (f: Finding) =>
  `${f.severity} ${f.check} ${f.file}:${f.line} ${f.sample.slice(0, 80)}`

describe('Electronegativity on the shipped source', () => {
  it('parses every file (a file it cannot read is a file it did not check)', () => {
    expect(parseErrors).toEqual([])
    expect(findings.length).toBeGreaterThan(0)
  })

  it('finds nothing HIGH or MEDIUM without a written justification (docs/security-justifications.json)', () => {
    const unjustified = findings.filter((f) => mustBeJustified(f) && !justificationFor(f, justifications))
    expect(unjustified.map(describeFinding)).toEqual([])
  })

  it('keeps no justification for a finding that is gone', () => {
    const stale = justifications.filter((j) => !findings.some((f) => justificationFor(f, [j]) === j))
    expect(stale.map((j) => `${j.check} ${j.file} ${j.sample}`)).toEqual([])
    for (const j of justifications) expect(j.why.length, `${j.check} ${j.file}`).toBeGreaterThan(40)
  })
})
