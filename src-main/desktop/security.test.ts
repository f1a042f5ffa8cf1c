import { describe, it, expect, beforeEach, vi } from 'vitest'
import { session as electronSession } from 'electron'
import { denyAllPermissions, enforceContentSecurityPolicy } from './security'
import { CONTENT_SECURITY_POLICY } from '../content-security-policy'
import { resetElectronStandIn, session, WebContents } from './testing/electron-stand-in'

vi.mock('electron', () => import('./testing/electron-stand-in'))

beforeEach(() => resetElectronStandIn())

describe('the Content-Security-Policy header', () => {
  it('is strict: no eval, no inline scripts, no remote loads', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/)
        return [name!, values] as const
      }),
    )
    expect(directives.get('default-src')).toEqual(["'self'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('img-src')).toEqual(["'self'", 'data:'])
    // Only WebSockets to a live co-editing server: ws:// on this machine, wss:// elsewhere.
    expect(directives.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:*', 'ws://localhost:*', 'wss:'])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
  })

  it('is added to every response, and replaces any policy the server sent', async () => {
    enforceContentSecurityPolicy(electronSession.defaultSession)
    const response = await session.defaultSession.simulateResponse('http://localhost:5173/', {
      'Content-Type': ['text/html'],
      'content-security-policy': ["script-src 'unsafe-inline' 'unsafe-eval'"],
    })
    expect(response.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
  })

  it('is added to responses that had no headers at all', async () => {
    enforceContentSecurityPolicy(electronSession.defaultSession)
    const response = await session.defaultSession.simulateResponse('http://localhost:5173/src/main.tsx', {})
    expect(response.responseHeaders).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })
})

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'refuses %s, both when asked and when checked',
    async (permission) => {
      const contents = new WebContents()
      expect(await session.defaultSession.simulatePermissionRequest(contents, permission)).toBe(true) // Electron's default
      denyAllPermissions(electronSession.defaultSession)
      expect(await session.defaultSession.simulatePermissionRequest(contents, permission)).toBe(false)
      expect(session.defaultSession.simulatePermissionCheck(contents, permission)).toBe(false)
    },
  )
})
