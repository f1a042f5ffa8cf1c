import type { Library } from '../core/library'
import type { MethodInput, MethodName, MethodOutput } from '../api/contract'
import { CommonplaceError } from '../core/errors'

/** Thrown for a wrong command line; exits with code 2. */
export class UsageError extends Error {}

/** Where a command writes: the process's streams, or a test's stand-ins with the same two members. */
export interface CliStreams {
  stdout: OutputStream
  stderr: OutputStream
}

/** A writable text stream; `isTTY` says whether a person is watching (progress lines, colours). */
export interface OutputStream {
  isTTY?: boolean
  write(text: string): unknown
}

export const PROCESS_STREAMS: CliStreams = { stdout: process.stdout, stderr: process.stderr }

export interface Context {
  library: Library
  json: boolean
  options: CommandOptions
  streams: CliStreams
}

/** The options only some commands read. */
export interface CommandOptions {
  output?: string
  quote?: string
  occurrence?: string
  comment?: string
  tag?: string[]
  all?: boolean
  out?: string
  citations?: string
  links?: string
  originals?: boolean
  everything?: boolean
  format?: string
  repair?: boolean
  kind?: string
  source?: string
  from?: string
  before?: string
  limit?: string
  remote?: string
  user?: string
  'password-file'?: string
  'export-folder'?: string
  once?: boolean
  watch?: boolean
  keep?: string
  port?: string
  dir?: string
  host?: string
  'token-file'?: string
}

/** `--citations` and `--links` checked against what export accepts. */
export function exportStyle(options: CommandOptions): {
  citations?: 'inline' | 'footnotes'
  links?: 'wiki' | 'markdown'
} {
  const { citations, links } = options
  if (citations !== undefined && citations !== 'inline' && citations !== 'footnotes')
    throw new UsageError('--citations must be inline or footnotes')
  if (links !== undefined && links !== 'wiki' && links !== 'markdown')
    throw new UsageError('--links must be wiki or markdown')
  return { citations, links }
}

export async function call<K extends MethodName>(
  context: Context,
  name: K,
  input: MethodInput<K>,
): Promise<MethodOutput<K>> {
  // The API (its schemas and handlers) loads with the first call, so `--help` never pays for it.
  const [{ invoke }, { TERMINAL_CALL }] = await Promise.all([
    import('../api/invoke'),
    import('../api/path-policy'),
  ])
  // The user typed these arguments at the terminal: any path they name is theirs to name.
  const reply = await invoke(context.library, name, input, TERMINAL_CALL)
  if (!reply.ok) throw new CommonplaceError(reply.error.code, reply.error.message)
  return reply.result as MethodOutput<K>
}

/** Writes a line (a result) to the command's standard output. */
export const print = (context: Pick<Context, 'streams'>, text: string): void =>
  void context.streams.stdout.write(text.endsWith('\n') ? text : text + '\n')

/** Writes a line about something that failed (one file of several, say) to standard error. */
export const printFailure = (context: Pick<Context, 'streams'>, text: string): void =>
  void context.streams.stderr.write(text.endsWith('\n') ? text : text + '\n')

export const printJson = (context: Pick<Context, 'streams'>, value: unknown): void =>
  print(context, JSON.stringify(value, null, 2))

/** The positional arguments of a command that takes at most `max`; one more is a wrong command line. */
export function argumentsOf(command: string, args: string[], max: number): string[] {
  if (args.length <= max) return args
  throw new UsageError(max === 0 ? `${command} takes no arguments` : `unexpected argument "${args[max]}"`)
}

/** One command: runs with the parsed options and its positional arguments, returns the exit code. */
export type Command = (context: Context, args: string[]) => Promise<number>

/** A quote on one line, cut to `width` characters. */
export function oneLine(text: string, width = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > width ? flat.slice(0, width - 1) + '…' : flat
}
