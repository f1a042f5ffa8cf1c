import { assertCorpusPresent } from './corpus'

/** Vitest's global setup: the corpus check, once per run. */
export default function setup(): void {
  assertCorpusPresent()
}
