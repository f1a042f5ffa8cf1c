#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is on this machine, otherwise browser mode.
// `npm run serve` (--serve): browser mode on purpose. Plain Node, no dependencies. It never
// `require`s the electron package: that would start a download of its own. Arguments after
// `npm start --` go to the app (e.g. --library DIR).
import './check-node.js'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const electronPackage = join(root, 'node_modules', 'electron')
const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
const browserMode = join(root, 'out', 'main', 'serve.js')
const serveOnly = process.argv[2] === '--serve'
const appArgs = process.argv.slice(serveOnly ? 3 : 2)
const FORWARDED_SIGNALS =
  process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP']

/** Where the Electron binary is, or why it is not there; the same lookup electron-vite makes. */
function findElectron() {
  const fromEnv = process.env.ELECTRON_EXEC_PATH
  if (fromEnv)
    return existsSync(fromEnv)
      ? { path: fromEnv }
      : { missing: `ELECTRON_EXEC_PATH=${fromEnv} does not exist` }
  if (!existsSync(join(electronPackage, 'package.json')))
    return { missing: 'the electron package is not installed' }
  const pathFile = join(electronPackage, 'path.txt')
  if (!existsSync(pathFile)) return { missing: `${relative(root, pathFile)} is missing` }
  const binary = join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? { path: binary } : { missing: `${relative(root, binary)} is missing` }
}

/** Runs Electron's own installer once; resolves with null on success or a short reason. */
function downloadElectron() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(electronPackage, 'install.js')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    // A real download takes a while: say so, but only then, so an offline machine sees one line.
    const notice = setTimeout(
      () => console.log('Commonplace: downloading the Electron binary (once)…'),
      2_000,
    )
    child.on('error', (error) => {
      clearTimeout(notice)
      resolve(`its installer could not run: ${error.message}`)
    })
    child.on('close', (code) => {
      clearTimeout(notice)
      if (code === 0) return resolve(null)
      const firstLine = output.split('\n').find((line) => line.trim()) ?? `exit status ${code}`
      resolve(`the download failed: ${firstLine.trim().replace(/^[A-Za-z]*Error: /, '')}`)
    })
  })
}

/**
 * Runs a command with the terminal attached, passing our signals on; resolves with how it ended.
 * npm runs this script through `sh -c`, and a SIGTERM to npm ends that shell without reaching us:
 * when we are orphaned that way (our parent changes), the child is stopped as if we had the signal.
 */
function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' })
    const forward = (signal) => child.kill(signal)
    for (const signal of FORWARDED_SIGNALS) process.on(signal, forward)
    const parent = process.ppid
    const orphanWatch = setInterval(() => process.ppid !== parent && forward('SIGTERM'), 500)
    const done = (outcome) => {
      clearInterval(orphanWatch)
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward)
      resolve(outcome)
    }
    child.on('error', (error) => {
      console.error(`Commonplace: could not run ${args[0]}: ${error.message}`)
      done({ code: 1, signal: null })
    })
    child.on('exit', (code, signal) => done({ code, signal }))
  })
}

/** Ends this process the way the child ended: same exit status, or the same signal. */
function exitLike({ code, signal }) {
  if (signal) {
    process.kill(process.pid, signal)
    return
  }
  process.exit(code ?? 1)
}

async function main() {
  if (serveOnly) return buildAndServe()
  let electron = findElectron()
  if (electron.missing) {
    const skipped = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD
    const failure = skipped ? 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' : await downloadElectron()
    if (!failure) electron = findElectron()
    if (electron.missing)
      electron = { missing: failure ? `${electron.missing}; ${failure}` : electron.missing }
  }

  if (electron.path) {
    // `electron-vite preview` builds, then starts Electron on the build.
    exitLike(await run([electronVite, 'preview', ...(appArgs.length ? ['--', ...appArgs] : [])]))
    return
  }

  console.log(
    `Commonplace: the Electron binary is not available on this machine (${electron.missing}); starting browser mode instead.`,
  )
  return buildAndServe()
}

/** Builds, then runs browser mode (out/main/serve.js) until it ends. */
async function buildAndServe() {
  const build = await run([electronVite, 'build'])
  if (build.signal || build.code !== 0) return exitLike(build)
  if (!existsSync(browserMode)) {
    console.error(
      `Commonplace: the build did not produce ${relative(root, browserMode)}, so browser mode cannot start.`,
    )
    process.exit(1)
  }
  exitLike(await run([browserMode, ...appArgs]))
}

await main()
