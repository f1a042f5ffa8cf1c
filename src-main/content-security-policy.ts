/**
 * The one policy for the renderer, sent by the desktop shell and by browser mode (index.html carries the
 * same as a <meta>): no eval, no inline scripts, no remote loads.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
