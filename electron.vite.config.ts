import { createReadStream, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

/**
 * `electron-vite dev` only: React fast refresh injects an inline module script, which the strict
 * script-src of index.html blocks. Builds keep the strict policy untouched.
 */
function devScriptPolicy(): Plugin {
  return {
    name: 'commonplace:dev-script-policy',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  }
}

/** pdf.js data the page view loads at run time: CMaps, standard fonts, ICC profiles, decoders without wasm. */
const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
const PDFJS_DATA = ['cmaps', 'standard_fonts', 'iccs', 'wasm']
const isPdfjsData = (folder: string, file: string) =>
  folder !== 'wasm' || file.endsWith('_nowasm_fallback.js')

/**
 * Serves pdf.js's data from the app itself under `pdfjs/` (the CSP allows no remote loads): copied into
 * the build, answered from node_modules by the dev server.
 */
function pdfjsData(): Plugin {
  return {
    name: 'commonplace:pdfjs-data',
    generateBundle() {
      for (const folder of PDFJS_DATA) {
        for (const file of readdirSync(join(PDFJS_ROOT, folder))) {
          if (!isPdfjsData(folder, file)) continue
          const source = readFileSync(join(PDFJS_ROOT, folder, file))
          this.emitFile({ type: 'asset', fileName: `pdfjs/${folder}/${file}`, source })
        }
      }
    },
    configureServer(server) {
      server.middlewares.use('/pdfjs/', (request, response, next) => {
        const [folder, file] = (request.url ?? '').replace(/^\//, '').split('?')[0]!.split('/')
        if (!folder || !file || !PDFJS_DATA.includes(folder) || !isPdfjsData(folder, file)) return next()
        if (!readdirSync(join(PDFJS_ROOT, folder)).includes(file)) return next()
        if (file.endsWith('.js')) response.setHeader('Content-Type', 'text/javascript')
        createReadStream(join(PDFJS_ROOT, folder, file)).pipe(response)
      })
    },
  }
}

// One build for all three processes. The main build also emits the two Node entry points
// (browser-mode server and CLI) so that they share the exact core the desktop app runs, and the
// import parse thread's program.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve('src-main/index.ts'),
          serve: resolve('src-main/serve.ts'),
          cli: resolve('src-main/cli.ts'),
          // Started as a worker thread by core/import/parse-thread.ts, which looks for it in out/main/.
          'parse-worker': resolve('src-main/core/import/parse-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve('src-main/preload.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    plugins: [react(), devScriptPolicy(), pdfjsData()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
})
