import { describe, it, expect, beforeEach, vi } from 'vitest'
import { holdQuitForPendingWork } from './quit'
import { PendingWork } from './pending-work'
import { app, resetElectronStandIn } from './testing/electron-stand-in'

vi.mock('electron', () => import('./testing/electron-stand-in'))

beforeEach(() => resetElectronStandIn())

const after = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

describe('quitting while a save is under way', () => {
  it('quits at once when nothing is pending', () => {
    holdQuitForPendingWork(new PendingWork())
    app.quit()
    expect(app.state).toBe('quit')
  })

  it('waits for the save to finish, then quits', async () => {
    const pending = new PendingWork()
    holdQuitForPendingWork(pending)
    let saved = false
    pending.track(after(50).then(() => (saved = true)))
    app.quit()
    expect(app.state).toBe('running')
    await vi.waitFor(() => expect(app.state).toBe('quit'))
    expect(saved).toBe(true)
  })

  it('does not wait longer than the limit', async () => {
    const pending = new PendingWork()
    holdQuitForPendingWork(pending, 50)
    pending.track(after(5_000))
    const started = Date.now()
    app.quit()
    await vi.waitFor(() => expect(app.state).toBe('quit'))
    expect(Date.now() - started).toBeLessThan(1_000)
  })
})
