import { resolve } from 'node:path'

/** What a call means to do with a path outside the library that it names. */
export type PathUse =
  /** read a file, or the files of a folder, to import them */
  | 'import'
  /** write a vault into a folder */
  | 'export-folder'
  /** write one Markdown file (or into a folder, under the note's own file name) */
  | 'export-file'

/**
 * Which paths outside the library a call may name. The transport that carries the call decides
 * (DESIGN.md rule 3b): the terminal takes any path its user typed, a desktop window only what its
 * user chose in a native dialog, browser mode only folders its user confirmed. Handlers never touch a
 * path a call names without asking the policy first.
 */
export interface PathPolicy {
  /**
   * The absolute path that `given` stands for, when the caller may name it for `use`; otherwise it
   * throws a CommonplaceError PATH_REFUSED saying why.
   */
  resolve(given: string, use: PathUse): Promise<string>
  /**
   * How a path the core found inside one the caller named (a file in a chosen folder) is named back
   * to that caller, so that it can name it again in a later call.
   */
  refer(found: string, use: PathUse): string
}

/** What the transport knows about the caller of one API call. */
export interface CallContext {
  paths: PathPolicy
}

/** The command line: its user typed every path at the terminal, so any path is theirs to name. */
export const TERMINAL_PATHS: PathPolicy = {
  resolve: (given) => Promise.resolve(resolve(given)),
  refer: (found) => found,
}

/** The context of a command-line call. */
export const TERMINAL_CALL: CallContext = { paths: TERMINAL_PATHS }
