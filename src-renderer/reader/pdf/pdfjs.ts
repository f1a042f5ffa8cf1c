import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

// pdf.js under the app's CSP (script-src 'self', no eval, no remote loads): the worker and pdf.js's
// data (CMaps, standard fonts, decoders) are files of the app itself (electron.vite.config.ts
// copies the data to pdfjs/), and wasm (which the CSP does not allow) gives way to pdf.js's
// JavaScript decoders. pdf.js 6 compiles nothing to code (its isEvalSupported option is gone).
GlobalWorkerOptions.workerSrc = workerUrl

const dataUrl = (folder: string) => new URL(`pdfjs/${folder}/`, document.baseURI).href

/** Opens a PDF from its bytes (pdf.js takes them over). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({
    data: bytes,
    enableXfa: false,
    useWasm: false,
    cMapUrl: dataUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dataUrl('standard_fonts'),
    iccUrl: dataUrl('iccs'),
    wasmUrl: dataUrl('wasm'),
    verbosity: 0,
  }).promise
}

/** The bytes of a base64 string (what the API sends a file as). */
export function bytesOfBase64(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
