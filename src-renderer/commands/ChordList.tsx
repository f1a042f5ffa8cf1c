import { chordLabel } from './keys'

/** A command's key chords as keycaps, "or" between them. */
export function ChordList({ chords }: { chords: readonly string[] }) {
  if (chords.length === 0) return null
  return (
    <span className="chords">
      {chords.map((chord, index) => (
        <span key={chord}>
          {index > 0 && <span className="chords__or"> or </span>}
          <kbd className="chord">{chordLabel(chord)}</kbd>
        </span>
      ))}
    </span>
  )
}
