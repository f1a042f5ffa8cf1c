/** Bytes as base64, for a Y.Doc state crossing the API as JSON. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  // In slices: String.fromCharCode with a whole large state would overflow the argument list.
  for (let at = 0; at < bytes.length; at += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000))
  return btoa(binary)
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return bytes
}
