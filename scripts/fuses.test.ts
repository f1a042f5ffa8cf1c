import { describe, it, expect } from 'vitest'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FuseV1Options, FuseVersion } from '@electron/fuses'
import { commonplaceFuses } from './fuses'
import { flipCommonplaceFuses } from './flip-fuses'

// The fuse wire as Electron's binaries carry it: a sentinel, the wire version, its length, then one
// byte per fuse ('0' off, '1' on). Electron 45 has nine fuses, and ships RunAsNode, the NODE_OPTIONS
// variable, --inspect and file:// privileges on.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const ELECTRON_DEFAULTS = '101100111'

describe('the fuses of a packaged Commonplace', () => {
  it('turns off running as Node, NODE_OPTIONS and --inspect; turns on cookie encryption and asar-only, checked loading', () => {
    const fuses = commonplaceFuses('linux', 'x64')
    expect(fuses).toMatchObject({
      version: FuseVersion.V1,
      strictlyRequireAllFuses: true,
      resetAdHocDarwinSignature: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    })
    // Every fuse Electron has is decided, none left to its default.
    const decided = Object.values(FuseV1Options).filter((value) => typeof value === 'number')
    for (const index of decided)
      expect(typeof fuses[index as FuseV1Options], FuseV1Options[index as FuseV1Options]).toBe('boolean')
    expect(commonplaceFuses('darwin', 'arm64').resetAdHocDarwinSignature).toBe(true)
  })

  it('flips them in a binary and reads them back', async () => {
    const binary = join(await mkdtemp(join(tmpdir(), 'commonplace-fuses-')), 'electron')
    const wire = Buffer.concat([Buffer.from([1, ELECTRON_DEFAULTS.length]), Buffer.from(ELECTRON_DEFAULTS)])
    await writeFile(
      binary,
      Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), wire, Buffer.alloc(512, 7)]),
    )

    expect(await flipCommonplaceFuses(binary, 'linux', 'x64')).toEqual({
      RunAsNode: 'off',
      EnableCookieEncryption: 'on',
      EnableNodeOptionsEnvironmentVariable: 'off',
      EnableNodeCliInspectArguments: 'off',
      EnableEmbeddedAsarIntegrityValidation: 'on',
      OnlyLoadAppFromAsar: 'on',
      LoadBrowserProcessSpecificV8Snapshot: 'off',
      GrantFileProtocolExtraPrivileges: 'off',
      WasmTrapHandlers: 'on',
    })
    const bytes = await readFile(binary)
    const at = bytes.indexOf(SENTINEL) + SENTINEL.length + 2
    expect(bytes.subarray(at, at + 9).toString()).toBe('010011001')
  })

  it('refuses a binary whose fuse wire is longer than the fuses it knows', async () => {
    const binary = join(await mkdtemp(join(tmpdir(), 'commonplace-fuses-')), 'electron')
    const longer = `${ELECTRON_DEFAULTS}1`
    await writeFile(
      binary,
      Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, longer.length]), Buffer.from(longer)]),
    )
    await expect(flipCommonplaceFuses(binary, 'linux', 'x64')).rejects.toThrow(/strictlyRequireAllFuses/)
  })
})
