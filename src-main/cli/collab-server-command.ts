import { UsageError, type CliStreams } from './context'

/** The options `commonplace collab-server` reads. */
export interface CollabServerOptions {
  port?: string
  dir?: string
  host?: string
  'token-file'?: string
  json?: boolean
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

/**
 * `commonplace collab-server --port N --dir DIR [--host 127.0.0.1] [--token-file FILE]`: the live
 * co-editing server, until Ctrl-C. It needs no library; the token comes from
 * $COMMONPLACE_COLLAB_TOKEN or a 0600 file, and every connection without it is refused.
 */
export async function runCollabServer(
  options: CollabServerOptions,
  args: string[],
  streams: CliStreams,
  stopped: Promise<void> = untilSignalled(),
): Promise<number> {
  if (args.length > 0) throw new UsageError(`collab-server takes no arguments (got "${args[0]}")`)
  if (!options.dir)
    throw new UsageError('collab-server needs --dir DIR (where the shared documents are kept)')
  const port = Number(options.port ?? '1234')
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number (0 to 65535), not "${options.port}"`)
  const host = options.host ?? '127.0.0.1'
  const [{ readCollabToken }, { startCollabServer }] = await Promise.all([
    import('../core/sync/collab/collab-token'),
    import('../core/sync/collab/collab-server'),
  ])
  const token = await readCollabToken(options['token-file'])
  const server = await startCollabServer({ port, host, dir: options.dir, token })
  const said = { url: server.url, port: server.port, dir: options.dir }
  if (options.json) streams.stdout.write(JSON.stringify({ listening: said }) + '\n')
  else streams.stdout.write(`Collab server listening on ${server.url}, keeping documents in ${options.dir}\n`)
  if (!LOOPBACK.has(host))
    streams.stderr.write(
      `commonplace: warning: listening on ${host}, not loopback: put it behind TLS (wss://) before other machines use it\n`,
    )
  await stopped
  await server.stop()
  streams.stderr.write('Collab server stopped; every document is stored.\n')
  return 0
}

function untilSignalled(): Promise<void> {
  return new Promise((done) => {
    process.once('SIGINT', done)
    process.once('SIGTERM', done)
  })
}
