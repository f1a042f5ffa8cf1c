import type { Library } from '../core/library'
import { CommonplaceError, toErrorPayload, type ErrorPayload } from '../core/errors'
import { contract, type MethodName } from './contract'
import type { AnyMethod } from './method'
import type { CallContext } from './path-policy'

/** The reply every transport sends back: a result or an error payload, never a thrown stack. */
export type Reply = { ok: true; result: unknown } | { ok: false; error: ErrorPayload }

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name)
}

/**
 * Validates a call against its schema, runs it on the core, and validates the result. `call` comes
 * from the transport: it decides which paths outside the library the caller may name.
 */
export async function invoke(
  library: Library,
  name: string,
  rawInput: unknown,
  call: CallContext,
): Promise<Reply> {
  try {
    if (!isMethodName(name))
      throw new CommonplaceError('UNKNOWN_METHOD', `There is no API method named ${name}`)
    const definition: AnyMethod = contract[name]
    const parsed = definition.input.safeParse(rawInput ?? {})
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
      throw new CommonplaceError(
        'INVALID_INPUT',
        `Invalid arguments for ${name}${where}: ${issue?.message ?? 'rejected'}`,
      )
    }
    const result = await definition.handler(library, parsed.data, call)
    return { ok: true, result: definition.output.parse(result) }
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) }
  }
}
