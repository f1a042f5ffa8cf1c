/**
 * The one policy for the renderer, sent by the desktop shell and by browser mode (index.html carries the
 * same as a <meta>): no eval, no inline scripts, no remote loads. The one way out is a WebSocket to a
 * live co-editing server (README, Live co-editing): ws:// on this machine only, wss:// elsewhere.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:* wss:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
