import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/** One rule broken on a screen: its id, how bad, and where (a few selectors). */
export interface Violation {
  rule: string
  impact: string
  help: string
  targets: string[]
}

/**
 * Runs axe-core on the whole page (an imported article's content included) against WCAG 2.1 A and AA,
 * and returns every violation with its impact, so a test can both require none serious or critical and
 * report the rest.
 */
export async function audit(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
  }))
}

/** The violations a user of assistive technology is blocked or badly hindered by. */
export function seriousOrCritical(violations: Violation[]): Violation[] {
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
}
