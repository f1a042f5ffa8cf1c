/** Decodes the bytes of a text file: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused. */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return strictDecode('utf-8', bytes.subarray(3), fileName)
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strictDecode('utf-16le', bytes.subarray(2), fileName)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strictDecode('utf-16be', bytes.subarray(2), fileName)
  if (looksBinary(bytes)) {
    throw new DecodeError(`${fileName} is not a text file (it contains binary data)`)
  }
  return strictDecode('utf-8', bytes, fileName)
}

export class DecodeError extends Error {}

function strictDecode(encoding: string, bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    throw new DecodeError(
      `${fileName} could not be decoded as ${encoding.toUpperCase()}; save it as UTF-8 and import it again`,
    )
  }
}

/** NUL bytes never appear in UTF-8 text; a few of them in the first block mean a binary file. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192)
  return sample.includes(0)
}
