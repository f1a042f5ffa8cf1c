// Test data for area excerpts: a PDF whose pages differ in size (made with pdf-lib) and real PNG
// files of a given size (made with zlib, as any PNG encoder would). Tests only.
import { deflateSync } from 'node:zlib'
import { PDFDocument, StandardFonts } from 'pdf-lib'

/** Page sizes of `mixedSizePdf`, in points: A4 portrait, US Letter landscape, a small square. */
export const MIXED_PAGE_SIZES: [number, number][] = [
  [595, 842],
  [792, 612],
  [300, 300],
]

/** A PDF of three pages of different sizes, each with a line of text naming it. */
export async function mixedSizePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  MIXED_PAGE_SIZES.forEach(([width, height], index) => {
    const page = doc.addPage([width, height])
    page.drawText(`Page ${index + 1} is ${width} by ${height} points wide and tall.`, {
      x: 20,
      y: height - 40,
      size: 10,
      font,
    })
    page.drawRectangle({ x: 40, y: 40, width: width / 3, height: height / 4, color: undefined })
  })
  return doc.save()
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.byteLength, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** A grey RGB PNG of `width` × `height` pixels; `shade` changes its bytes. */
export function pngOf(width: number, height: number, shade = 128): Uint8Array {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.alloc(1 + width * 3, shade)
  row[0] = 0
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', new Uint8Array()),
  ])
}
