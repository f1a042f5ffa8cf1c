import { useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react'
import { COMMANDS, COMMAND_IDS, type CommandId, type CommandInfo } from '../../src-main/core/commands'

// Who carries out each command. The table of commands (titles, keys) is shared with the desktop menu;
// the components that own an action register it here, and the keys, the palette and the menu all run
// it through runCommand. A command with no handler right now (no note open, say) is unavailable.

/** Carries out a command; `text` is what the palette passes along (the words to search for). */
export type CommandRun = (text?: string) => void

interface Handler {
  run: CommandRun
  /** False when the command cannot act now (no selection to excerpt); the key is then left alone. */
  available: () => boolean
}

// A stack per command: the most recently mounted owner acts.
const handlers = new Map<CommandId, Handler[]>()
const listeners = new Set<() => void>()
let version = 0

function changed() {
  version++
  for (const listener of listeners) listener()
}

function register(id: CommandId, handler: Handler): () => void {
  const stack = handlers.get(id) ?? []
  handlers.set(id, [...stack, handler])
  changed()
  return () => {
    handlers.set(
      id,
      (handlers.get(id) ?? []).filter((other) => other !== handler),
    )
    changed()
  }
}

function current(id: CommandId): Handler | null {
  const stack = handlers.get(id)
  return stack?.[stack.length - 1] ?? null
}

/** Whether a command can be run now. */
export function isAvailable(id: CommandId): boolean {
  return current(id)?.available() ?? false
}

/** Runs a command if it can act now; true when it did. */
export function runCommand(id: CommandId, text?: string): boolean {
  const handler = current(id)
  if (!handler?.available()) return false
  handler.run(text)
  return true
}

/**
 * Makes this component the one that carries out `id` while it is mounted. `run` and `available` may
 * change on every render; the latest ones are used.
 */
export function useCommand(id: CommandId, run: CommandRun, available: () => boolean = () => true): void {
  const latest = useRef({ run, available })
  useLayoutEffect(() => {
    latest.current = { run, available }
  })
  useLayoutEffect(
    () =>
      register(id, {
        run: (text) => latest.current.run(text),
        available: () => latest.current.available(),
      }),
    [id],
  )
}

/** A command with its id, as the palette and the shortcuts sheet list it. */
export interface ListedCommand extends CommandInfo {
  id: CommandId
}

/** Every command of the table, in its order. */
export const ALL_COMMANDS: ListedCommand[] = COMMAND_IDS.map((id) => ({ id, ...COMMANDS[id] }))

function registeredAt(_version: number): ListedCommand[] {
  return ALL_COMMANDS.filter((command) => (handlers.get(command.id)?.length ?? 0) > 0)
}

/** The commands that have an owner mounted; re-renders when that changes. */
export function useRegisteredCommands(): ListedCommand[] {
  const seen = useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => version,
  )
  // `seen` changes whenever an owner comes or goes: the list is worked out again then.
  return useMemo(() => registeredAt(seen), [seen])
}
