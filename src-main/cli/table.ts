/** Lays out rows as aligned columns for the terminal; the last column is never padded. */
export function formatTable(header: string[], rows: string[][], maxWidth = 60): string {
  const clip = (cell: string) => (cell.length > maxWidth ? cell.slice(0, maxWidth - 1) + '…' : cell)
  const all = [header, ...rows].map((row) => row.map(clip))
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]!.length)))
  return all
    .map((row) =>
      row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  '),
    )
    .join('\n')
}
