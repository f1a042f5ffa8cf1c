import { describe, it, expect } from 'vitest'
import { withProgressLine, type ProgressStream } from './progress'

function terminal(isTTY: boolean): ProgressStream & { written: string[] } {
  const written: string[] = []
  return { isTTY, written, write: (text: string) => written.push(text) }
}

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms))

describe('withProgressLine', () => {
  it('rewrites one line on a terminal while the work runs, then erases it', async () => {
    const stream = terminal(true)
    let asked = 0
    const result = await withProgressLine(stream, after(400, 'report'), async () => `step ${++asked}`, 50)
    expect(result).toBe('report')
    expect(stream.written.length).toBeGreaterThan(2)
    const lines = stream.written.slice(0, -1)
    expect(lines.every((text) => text.startsWith('\r\x1b[K') && /^step \d+$/.test(text.slice(4)))).toBe(true)
    expect(stream.written.at(-1)).toBe('\r\x1b[K')
  })

  it('writes a line again only when it changes', async () => {
    const stream = terminal(true)
    await withProgressLine(stream, after(300, null), async () => 'the same step', 20)
    expect(stream.written).toEqual(['\r\x1b[Kthe same step', '\r\x1b[K'])
  })

  it('writes nothing to a pipe or a file', async () => {
    const stream = terminal(false)
    expect(await withProgressLine(stream, after(200, 1), async () => 'step', 20)).toBe(1)
    expect(stream.written).toEqual([])
  })

  it('passes the failure of the work on, leaving the terminal clean', async () => {
    const stream = terminal(true)
    const failing = after(200, null).then(() => Promise.reject(new Error('disk full')))
    await expect(withProgressLine(stream, failing, async () => 'step', 20)).rejects.toThrow('disk full')
    expect(stream.written.at(-1)).toBe('\r\x1b[K')
  })
})
