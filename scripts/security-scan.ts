// `npm run security:scan`: Electronegativity over the app's own source (what ships: no tests, no stand-ins),
// each HIGH or MEDIUM finding matched to its written justification in docs/security-justifications.json.
// `npm test` runs the same through scripts/security-scan.test.ts.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import run, { type Issue } from '@doyensec/electronegativity'

export const REPO_ROOT = resolve(import.meta.dirname, '..')

// Its only network use besides a translation download (1 s timeout, tolerated offline): the release
// list behind "available security fixes". Electron's version is kept current by hand (docs/security.md).
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck']

/** Why a finding is a false positive or is mitigated, and where that is enforced and proved. */
export interface Justification {
  check: string
  /** Relative to the repository, with forward slashes. */
  file: string
  /** Text the finding's code sample must contain, so a new finding in the same file is not covered. */
  sample: string
  why: string
}

/** One finding, its file relative to the repository. */
export interface Finding {
  check: string
  severity: string
  confidence: string
  file: string
  line: number
  sample: string
}

/** Scans what ships (src-main and src-renderer without tests and stand-ins, and package.json). */
export async function scanSource(root = REPO_ROOT): Promise<{ findings: Finding[]; parseErrors: string[] }> {
  const copy = await mkdtemp(join(tmpdir(), 'commonplace-electronegativity-'))
  try {
    const shipped = (path: string) => !/\.test\.tsx?$/.test(path) && !path.split(sep).includes('testing')
    for (const dir of ['src-main', 'src-renderer'])
      await cp(join(root, dir), join(copy, dir), { recursive: true, filter: shipped })
    await cp(join(root, 'package.json'), join(copy, 'package.json'))
    const result = await run({ input: copy, excludeFromScan: EXCLUDED_CHECKS })
    const repoPath = (file: string) => relative(copy, file).split(sep).join('/')
    return {
      findings: result.issues.map((issue: Issue) => ({
        check: issue.id,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        file: repoPath(issue.file),
        line: issue.location.line,
        sample: issue.sample ?? '',
      })),
      parseErrors: result.errors
        .filter((error) => !error.tolerable)
        .map((e) => `${repoPath(e.file)}: ${e.message}`),
    }
  } finally {
    await rm(copy, { recursive: true, force: true })
  }
}

export async function readJustifications(root = REPO_ROOT): Promise<Justification[]> {
  return JSON.parse(
    await readFile(join(root, 'docs', 'security-justifications.json'), 'utf8'),
  ) as Justification[]
}

/** The justification that covers a finding, if any. */
export function justificationFor(
  finding: Finding,
  justifications: Justification[],
): Justification | undefined {
  return justifications.find(
    (j) => j.check === finding.check && j.file === finding.file && finding.sample.includes(j.sample),
  )
}

/** HIGH and MEDIUM findings need a justification; lower ones are listed only. */
export const mustBeJustified = (finding: Finding): boolean =>
  finding.severity === 'HIGH' || finding.severity === 'MEDIUM'

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [{ findings, parseErrors }, justifications] = await Promise.all([scanSource(), readJustifications()])
  let unjustified = 0
  for (const finding of findings) {
    const justified = justificationFor(finding, justifications)
    if (mustBeJustified(finding) && !justified) unjustified++
    const mark = justified ? 'justified ' : mustBeJustified(finding) ? 'UNJUSTIFIED' : 'listed    '
    console.log(`${mark} ${finding.severity.padEnd(13)} ${finding.check} ${finding.file}:${finding.line}`)
  }
  for (const error of parseErrors) console.error(`not scanned: ${error}`)
  process.exit(unjustified > 0 || parseErrors.length > 0 ? 1 : 0)
}
