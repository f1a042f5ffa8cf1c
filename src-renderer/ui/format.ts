const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
})
const numberFormat = new Intl.NumberFormat()

/** A stored ISO date as the reader's locale writes it ("12 Oct 2017"); unparseable dates are shown as stored. */
export function formatDate(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date)
}

/** A stored ISO timestamp with its time of day, for "last changed" lines. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date)
}

/** "1 word", "1,204 words". */
export function formatWordCount(count: number): string {
  return `${numberFormat.format(count)} ${count === 1 ? 'word' : 'words'}`
}

/** "1 excerpt", "3 excerpts". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${numberFormat.format(count)} ${count === 1 ? singular : plural}`
}
