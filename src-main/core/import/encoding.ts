import iconv from 'iconv-lite'
import chardet from 'chardet'
import { decodeText, DecodeError } from './decode'

/** Text decoded from a file's bytes, with the encoding used and, for a guessed legacy encoding, a notice. */
export interface DecodedText {
  text: string
  encoding: string
  notice: string | null
}

/**
 * Decodes a text or Markdown file: UTF-8 or UTF-16 with a BOM as before; when strict UTF-8 fails,
 * the legacy encoding is detected (Windows-1252, ISO-8859-x, Shift_JIS, GB18030 …) and a notice
 * says which one was assumed, so a reader who sees garbled letters knows why.
 */
export function decodeTextFile(bytes: Uint8Array, fileName: string): DecodedText {
  try {
    return { text: decodeText(bytes, fileName), encoding: 'utf-8', notice: null }
  } catch (error) {
    // Binary data is still refused; only a failed UTF-8 decoding is worth a second opinion.
    const failedUtf8 = error instanceof DecodeError && /could not be decoded/.test(error.message)
    if (!failedUtf8 || encodingFromBom(bytes)) throw error
  }
  const encoding = detectLegacyEncoding(bytes)
  if (!encoding) {
    throw new DecodeError(
      `${fileName} is not UTF-8 and its encoding could not be recognised; save it as UTF-8 and import it again`,
    )
  }
  return { text: decodeWith(bytes, encoding), encoding, notice: legacyNotice(encoding) }
}

/**
 * Decodes an HTML page: a BOM wins, then valid UTF-8 that has non-ASCII characters, then the charset
 * the server sent, then a `<meta charset>` in the first kilobytes, then detection.
 */
export function decodeHtmlBytes(
  bytes: Uint8Array,
  fileName: string,
  httpCharset?: string | null,
): DecodedText {
  const bom = encodingFromBom(bytes)
  if (bom)
    return {
      text: decodeWith(bytes.subarray(bom.length), bom.encoding),
      encoding: bom.encoding,
      notice: null,
    }
  if (bytes.subarray(0, 8192).includes(0))
    throw new DecodeError(`${fileName} is not a web page (it contains binary data)`)
  // Valid UTF-8 with non-ASCII characters is, in practice, never legacy-encoded text by accident, while
  // pages re-saved as UTF-8 that still declare their old charset are common: the bytes win.
  const utf8 = tryUtf8(bytes)
  if (utf8 !== null && /[^\p{ASCII}]/u.test(utf8)) return { text: utf8, encoding: 'utf-8', notice: null }
  const declared = supportedEncoding(httpCharset) ?? supportedEncoding(metaCharset(bytes))
  if (declared) return { text: decodeWith(bytes, declared), encoding: declared, notice: null }
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', notice: null }
  const detected = detectLegacyEncoding(bytes) ?? 'windows-1252'
  return { text: decodeWith(bytes, detected), encoding: detected, notice: legacyNotice(detected) }
}

/** Decodes an XML file (EPUB parts): a BOM, else the encoding its XML declaration names, else UTF-8. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  const bom = encodingFromBom(bytes)
  if (bom) return decodeWith(bytes.subarray(bom.length), bom.encoding)
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 200)).toString('latin1')
  const declared = /^<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1]
  return decodeWith(bytes, supportedEncoding(declared) ?? 'utf-8')
}

/**
 * The most likely legacy encoding of bytes that are not UTF-8. chardet ranks candidates; a candidate
 * whose decoding yields replacement characters or C1 control codes cannot be right and is skipped
 * (short Cyrillic text, for example, is often ranked as Hebrew first). Windows-1252 is the last resort,
 * as browsers do.
 */
export function detectLegacyEncoding(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, 64 * 1024)
  for (const match of chardet.analyse(sample)) {
    const encoding = supportedEncoding(match.name)
    if (!encoding || encoding === 'utf-8' || encoding.startsWith('utf-16') || encoding.startsWith('utf-32'))
      continue
    if (decodesCleanly(sample, encoding)) return encoding
  }
  return decodesCleanly(sample, 'windows-1252') ? 'windows-1252' : null
}

/** Normalizes an encoding label to one iconv-lite decodes, following the WHATWG mapping where they differ. */
export function supportedEncoding(label: string | null | undefined): string | null {
  if (!label) return null
  const name = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '')
  // WHATWG Encoding: these labels all mean windows-1252, and GB2312/GBK content is decoded as GB18030.
  if (
    ['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'ansi_x3.4-1968', 'cp1252'].includes(
      name,
    )
  )
    return 'windows-1252'
  if (['gb2312', 'gbk', 'x-gbk', 'gb_2312-80', 'chinese'].includes(name)) return 'gb18030'
  if (['utf8', 'unicode-1-1-utf-8'].includes(name)) return 'utf-8'
  // A page that declares UTF-16 in a meta tag cannot really be UTF-16 (the tag was readable as ASCII).
  if (name === 'utf-16' || name === 'utf-16le' || name === 'utf-16be') return 'utf-8'
  return iconv.encodingExists(name) ? name : null
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes)
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding)
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

function decodesCleanly(bytes: Uint8Array, encoding: string): boolean {
  // A multi-byte character may be cut at the end of the sample; ignore a replacement char there.
  const text = decodeWith(bytes, encoding).replace(/\uFFFD$/, '')
  return !/[\uFFFD\u0080-\u009F]/.test(text)
}

function encodingFromBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return null
}

/**
 * The charset a page declares in `<meta charset>` or `<meta http-equiv="Content-Type">`, looked for in
 * the first 4 KB read as Latin-1 (the HTML prescan reads 1 KB; saved pages often put scripts first).
 */
function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString(
    'latin1',
  )
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const direct = /\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(tag)
    if (direct) return direct[1]!
  }
  return null
}

function legacyNotice(encoding: string): string {
  return `This file is not UTF-8; it was read as ${encoding.toUpperCase()}. If letters look wrong, save it as UTF-8 and import it again.`
}
