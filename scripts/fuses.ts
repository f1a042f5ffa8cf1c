import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses'

/**
 * The Electron fuses a packaged Commonplace ships with (flipped by scripts/flip-fuses.ts). Every fuse
 * of the wire is set on purpose (strictlyRequireAllFuses): a new Electron with a new fuse stops the
 * packaging step until someone decides.
 */
export function commonplaceFuses(platform: NodeJS.Platform, arch: string): FuseV1Config {
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // Apple Silicon refuses a binary whose ad-hoc signature no longer matches; signing comes after.
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64',
    // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node for any local program.
    [FuseV1Options.RunAsNode]: false,
    // Cookies (there are few: the app has no remote origin) encrypted at rest with the OS keychain.
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS and --inspect would let anyone who can start the app inject code into its main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // The app's code is read only from app.asar, whose integrity is checked against its header hash.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // No browser-process V8 snapshot is shipped.
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // The page comes over app:// (desktop/app-protocol.ts); file:// needs none of its old privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    // Electron's default: WebAssembly out-of-bounds accesses trap instead of reading memory.
    [FuseV1Options.WasmTrapHandlers]: true,
  }
}
