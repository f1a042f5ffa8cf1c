import { describe, it, expect } from 'vitest'
import { PendingWork } from './pending-work'

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms))

describe('pending work', () => {
  it('settles at once when nothing is under way', async () => {
    await expect(new PendingWork().settle(10)).resolves.toBe(true)
  })

  it('waits for tracked work, failed work included, and returns it unchanged', async () => {
    const pending = new PendingWork()
    const done = pending.track(after(30, 'saved'))
    pending.track(after(10, null).then(() => Promise.reject(new Error('disk full')))).catch(() => {})
    expect(pending.size).toBe(2)
    await expect(pending.settle(1_000)).resolves.toBe(true)
    await expect(done).resolves.toBe('saved')
    expect(pending.size).toBe(0)
  })

  it('also waits for work that starts while it waits', async () => {
    const pending = new PendingWork()
    let lateFinished = false
    pending.track(
      after(10, null).then(() => {
        pending.track(after(20, null).then(() => (lateFinished = true)))
      }),
    )
    await expect(pending.settle(1_000)).resolves.toBe(true)
    expect(lateFinished).toBe(true)
  })

  it('gives up after the limit', async () => {
    const pending = new PendingWork()
    pending.track(after(500, null))
    const started = Date.now()
    await expect(pending.settle(50)).resolves.toBe(false)
    expect(Date.now() - started).toBeLessThan(400)
  })
})
