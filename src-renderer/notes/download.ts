/**
 * Hands a text file to the user as a download. In the desktop app the same download becomes a
 * native save dialog (the main process answers will-download), so this one path serves both.
 */
export function downloadTextFile(fileName: string, text: string, type = 'text/markdown;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later rather than at once: the browser reads the blob after this call returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
