// `npm run package:fuses -- <path to the Electron binary of a packaged app>`: flips Commonplace's fuses
// (scripts/fuses.ts) in that binary, then reads them back. Run it in the packaging step, after the
// app's files are in place and before code signing, on the machine where the binary exists.
import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { FuseState, FuseV1Options, flipFuses, getCurrentFuseWire } from '@electron/fuses'
import { commonplaceFuses } from './fuses'

/** Flips the fuses of `binary` and returns each fuse's state as read back from the binary. */
export async function flipCommonplaceFuses(
  binary: string,
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): Promise<Record<string, 'on' | 'off'>> {
  if (!existsSync(binary)) throw new Error(`No Electron binary at ${binary}`)
  await flipFuses(binary, commonplaceFuses(platform, arch))
  const wire = await getCurrentFuseWire(binary)
  const states: Record<string, 'on' | 'off'> = {}
  for (const [name, index] of Object.entries(FuseV1Options)) {
    if (typeof index !== 'number') continue
    states[name] = wire[index as FuseV1Options] === FuseState.ENABLE ? 'on' : 'off'
  }
  return states
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const binary = process.argv[2]
  if (!binary) {
    console.error('Usage: npm run package:fuses -- <path to the packaged Electron binary>')
    process.exit(2)
  }
  flipCommonplaceFuses(binary).then(
    (states) => {
      for (const [name, state] of Object.entries(states)) console.log(`${state.padEnd(3)} ${name}`)
    },
    (error: unknown) => {
      console.error(`flip-fuses: ${(error as Error).message}`)
      process.exit(1)
    },
  )
}
