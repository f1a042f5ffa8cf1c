import { describe, it, expect } from 'vitest'
import { prepareAheadFinishInOrder } from './in-order'

/** A preparation the test finishes by hand, to see how many run at once. */
function gated() {
  const running = new Set<number>()
  let most = 0
  const release = new Map<number, () => void>()
  const prepare = (index: number) =>
    new Promise<number>((resolve) => {
      running.add(index)
      most = Math.max(most, running.size)
      release.set(index, () => {
        running.delete(index)
        resolve(index * 10)
      })
    })
  return { prepare, release, most: () => most }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('prepareAheadFinishInOrder', () => {
  it('prepares up to `ahead` items at once and finishes them one at a time in order', async () => {
    const { prepare, release, most } = gated()
    const finished: number[] = []
    let finishing = 0
    const done = prepareAheadFinishInOrder(5, 2, prepare, async (value, index) => {
      expect(++finishing).toBe(1)
      await tick()
      finishing--
      finished.push(index)
      return value
    })
    await tick()
    expect(release.size).toBe(2)
    // The second is ready first; it still waits for the first.
    release.get(1)!()
    await tick()
    expect(finished).toEqual([])
    for (let index = 0; index < 5; index++) {
      release.get(index)?.()
      for (let wait = 0; wait < 5 && !release.has(index + 1) && index < 4; wait++) await tick()
    }
    await expect(done).resolves.toEqual([0, 10, 20, 30, 40])
    expect(finished).toEqual([0, 1, 2, 3, 4])
    expect(most()).toBe(2)
  })

  it('stops before the next item once the signal is aborted', async () => {
    const controller = new AbortController()
    const results = await prepareAheadFinishInOrder(
      4,
      2,
      async (index) => index,
      async (value) => {
        if (value === 1) controller.abort()
        return value
      },
      controller.signal,
    )
    expect(results).toEqual([0, 1])
  })

  it('passes on a failed finish without leaving a failed preparation unhandled', async () => {
    const run = prepareAheadFinishInOrder(
      3,
      3,
      async (index) => {
        if (index === 2) throw new Error('unread')
        return index
      },
      async (value) => {
        if (value === 1) throw new Error('unwritable')
        return value
      },
    )
    await expect(run).rejects.toThrow('unwritable')
  })
})
