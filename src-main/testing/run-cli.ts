import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const CLI = join(import.meta.dirname, '..', 'cli.ts')

/** Runs the real CLI in its own Node process (tests only); resolves with its exit code and output. */
export async function runCliProcess(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env }
  // Tests always name their library; an inherited one must never be touched.
  delete env.COMMONPLACE_LIBRARY
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], { env })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string }
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr }
  }
}

/**
 * Runs the CLI's own `runCli` in this process, with its output captured (tests of behaviour; the
 * process boundary — exit codes, streams of a real process — is covered by runCliProcess).
 */
export async function runCliInProcess(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { runCli } = await import('../cli')
  let stdout = ''
  let stderr = ''
  const saved = process.env.COMMONPLACE_LIBRARY
  delete process.env.COMMONPLACE_LIBRARY
  try {
    const code = await runCli(args, {
      stdout: { isTTY: false, write: (text: string) => (stdout += text) },
      stderr: { isTTY: false, write: (text: string) => (stderr += text) },
    })
    return { code, stdout, stderr }
  } finally {
    if (saved !== undefined) process.env.COMMONPLACE_LIBRARY = saved
  }
}
