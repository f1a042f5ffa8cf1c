import { parseArgs } from 'node:util'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { openLibrary } from './core/library'
import { startBrowserModeServer } from './server'
import { chooseLibraryDir, rendererDir, sampleArticlePath } from './install-paths'

/** `npm run serve`: Commonplace in a browser, on 127.0.0.1 only. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { library: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean' } },
  })
  if (values.help) {
    console.log(
      'Usage: npm run serve -- [--library DIR] [--port N]\nServes Commonplace at http://127.0.0.1:PORT/ (browser mode).',
    )
    return
  }
  const dir = rendererDir()
  if (!existsSync(join(dir, 'index.html')))
    throw new Error(`The app is not built (${dir} is missing): run npm run build`)
  const port = values.port ? Number(values.port) : Number(process.env.COMMONPLACE_PORT ?? 0)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${values.port}`)
  const library = await openLibrary(chooseLibraryDir(values.library), sampleArticlePath())
  const server = await startBrowserModeServer({ library, rendererDir: dir, port })
  console.log(`Commonplace is running at ${server.url}`)
  console.log(`Library: ${library.store.dir}`)
  const stop = () => void server.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(`commonplace: ${(error as Error).message}`)
  process.exit(1)
})
