#!/usr/bin/env node
// The installed `commonplace` command: runs the built CLI (npm run build makes out/main/cli.js).
import '../scripts/check-node.js'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
if (!existsSync(built)) {
  console.error('commonplace: the CLI is not built yet; run `npm run build` in the Commonplace folder first')
  process.exit(1)
}
const { runCli } = await import(built)
process.exitCode = await runCli(process.argv.slice(2))
