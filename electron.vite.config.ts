import { resolve } from 'node:path'
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
    plugins: [react(), devScriptPolicy()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
})
