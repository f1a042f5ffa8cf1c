import { insertAfter, insertBefore, replaceOnce } from './scripted-edits'

// The e2e fixture of issue 4: "the sample article with sentences inserted and one cited sentence
// reworded". Made from the corpus file by scripted edits, so no copy of the article is stored.
// No Node imports: the Playwright suite imports this and writes the result to a temp file.

/** What the revision does, so a test can choose passages whose fate it knows. */
export const SAMPLE_REVISION = {
  /** A cited sentence that is reworded: its excerpt becomes `changed`. */
  reworded: {
    before: 'The U.S., Turkey and Iran have all criticized the vote.',
    after: 'The United States, Turkey and Iran have all sharply condemned the vote.',
  },
  /** Sentences inserted near the top, before every passage below, which therefore become `moved`. */
  inserted: [
    'This story has been updated with a statement from the Kurdish regional government.',
    'Kurdish officials said they remained open to dialogue with Baghdad.',
  ],
  /** Passages left word for word, after the insertions: their excerpts become `moved`. */
  unchanged: [
    'Haider al-Abadi’s office released the comments as the prime minister met with Iranian officials in Tehran',
    'supreme leader.\n\nThe timing shows',
    '“Be careful about Americans deceit and never trust them,” Khamenei told al-Abadi.',
  ],
} as const

/** The sample article (iraq-kurdish-referendum-2017.txt) with sentences inserted and one cited sentence reworded. */
export function scriptedRevisionOfSample(text: string): string {
  const [update, dialogue] = SAMPLE_REVISION.inserted
  let revised = insertBefore(text, 'Haider al-Abadi’s office released', `${update}\n\n`)
  revised = insertAfter(revised, 'end the violence.', ` ${dialogue}`)
  return replaceOnce(revised, SAMPLE_REVISION.reworded.before, SAMPLE_REVISION.reworded.after)
}
