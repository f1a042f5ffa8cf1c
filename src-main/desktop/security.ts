import type { Session } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../content-security-policy'

/**
 * Sends the app's Content-Security-Policy with every response the session receives (app:// answers
 * carry it too, and the page repeats it as a <meta> tag), replacing any other.
 */
export function enforceContentSecurityPolicy(session: Session, devServer = false): void {
  // electron-vite dev's fast refresh needs one inline script; built apps never get this exception.
  const policy = devServer
    ? CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    : CONTENT_SECURITY_POLICY
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string[]> = {}
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // A server's own policy is replaced, not combined: ours is the one the app is built for.
      if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value
    }
    responseHeaders['Content-Security-Policy'] = [policy]
    callback({ responseHeaders })
  })
}

/** Refuses every permission a page can ask for (camera, notifications, clipboard reads …): the app needs none. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
