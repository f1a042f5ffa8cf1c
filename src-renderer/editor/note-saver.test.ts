import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest'
import { NoteSaver, type SaveState } from './note-saver'

/** A save whose completion the test controls, recording every version it was given. */
function controlledSave() {
  const calls: { content: string; resolve(): void; reject(error: Error): void }[] = []
  let inFlight = 0
  let maxInFlight = 0
  const save = (content: string) =>
    new Promise<string>((resolve, reject) => {
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      calls.push({
        content,
        resolve: () => {
          inFlight--
          resolve(content)
        },
        reject: (error) => {
          inFlight--
          reject(error)
        },
      })
    })
  return { save, calls, maxInFlight: () => maxInFlight }
}

let states: SaveState['status'][]
beforeEach(() => {
  vi.useFakeTimers()
  states = []
})
afterEach(() => {
  vi.useRealTimers()
})

const saverFor = (save: (content: string) => Promise<string>, saved: string[] = []) => {
  const saver = new NoteSaver<string, string>({
    save,
    delayMs: 400,
    onState: (state) => states.push(state.status),
  })
  saver.setSavedListener((result) => saved.push(result))
  return saver
}

describe('NoteSaver', () => {
  it('waits for typing to pause and saves only the latest content', async () => {
    const { save, calls } = controlledSave()
    const saver = saverFor(save)
    saver.change(() => 'a')
    await vi.advanceTimersByTimeAsync(300)
    saver.change(() => 'ab')
    await vi.advanceTimersByTimeAsync(399)
    expect(calls).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls.map((c) => c.content)).toEqual(['ab'])
    calls[0]!.resolve()
    await vi.runAllTimersAsync()
    expect(states.at(-1)).toBe('saved')
  })

  it('never has two saves in flight, and the latest content wins', async () => {
    const { save, calls, maxInFlight } = controlledSave()
    const saved: string[] = []
    const saver = saverFor(save, saved)
    saver.change(() => 'one')
    await vi.advanceTimersByTimeAsync(400)
    saver.change(() => 'two')
    saver.change(() => 'three')
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls).toHaveLength(1)
    calls[0]!.resolve()
    await vi.advanceTimersByTimeAsync(0)
    expect(calls.map((c) => c.content)).toEqual(['one', 'three'])
    calls[1]!.resolve()
    await vi.runAllTimersAsync()
    expect(saved).toEqual(['one', 'three'])
    expect(maxInFlight()).toBe(1)
    expect(saver.hasUnsaved).toBe(false)
  })

  it('flush saves at once and resolves only when everything is on disk', async () => {
    const { save, calls } = controlledSave()
    const saver = saverFor(save)
    saver.change(() => 'draft')
    let flushed = false
    const flushing = saver.flush().then(() => (flushed = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(calls.map((c) => c.content)).toEqual(['draft'])
    expect(flushed).toBe(false)
    calls[0]!.resolve()
    await flushing
    expect(flushed).toBe(true)
  })

  it('flush waits for a save in flight and then sends what came after it', async () => {
    const { save, calls } = controlledSave()
    const saver = saverFor(save)
    saver.change(() => 'first')
    await vi.advanceTimersByTimeAsync(400)
    saver.change(() => 'second')
    const flushing = saver.flush()
    calls[0]!.resolve()
    await vi.advanceTimersByTimeAsync(0)
    expect(calls.map((c) => c.content)).toEqual(['first', 'second'])
    calls[1]!.resolve()
    await flushing
    expect(saver.hasUnsaved).toBe(false)
  })

  it('reports a failure, keeps the content, and a retry saves it', async () => {
    const { save, calls } = controlledSave()
    const saver = saverFor(save)
    saver.change(() => 'words')
    const flushing = saver.flush()
    calls[0]!.reject(new Error('disk full'))
    await expect(flushing).rejects.toThrow('disk full')
    expect(states.at(-1)).toBe('failed')
    expect(saver.hasUnsaved).toBe(true)
    const retrying = saver.retry()
    await vi.advanceTimersByTimeAsync(0)
    expect(calls.map((c) => c.content)).toEqual(['words', 'words'])
    calls[1]!.resolve()
    await retrying
    expect(states.at(-1)).toBe('saved')
  })

  it('does not resend an older version once a newer one failed and was replaced', async () => {
    const { save, calls } = controlledSave()
    const saver = saverFor(save)
    saver.change(() => 'old')
    await vi.advanceTimersByTimeAsync(400)
    saver.change(() => 'new')
    calls[0]!.reject(new Error('offline'))
    await vi.advanceTimersByTimeAsync(400)
    expect(calls.map((c) => c.content)).toEqual(['old', 'new'])
  })
})
