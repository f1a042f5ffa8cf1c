import type { z } from 'zod'
import type { Library } from '../core/library'
import type { CallContext } from './path-policy'

/** One API method: its argument and result schemas and its handler over the core. */
export interface Method<I extends z.ZodType, O extends z.ZodType> {
  /** One line for `--help` and the docs. */
  summary: string
  input: I
  output: O
  /** `call` says which paths outside the library this caller may name (api/path-policy.ts). */
  handler: (library: Library, input: z.output<I>, call: CallContext) => Promise<z.input<O>> | z.input<O>
}

/** Declares a method; the identity function exists to infer the schema types. */
export function method<I extends z.ZodType, O extends z.ZodType>(definition: Method<I, O>): Method<I, O> {
  return definition
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a domain map holds methods of every schema pair
export type AnyMethod = Method<any, any>
