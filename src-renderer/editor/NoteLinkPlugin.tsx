import { useContext, useMemo, useState } from 'react'
import { createPortal } from 'react-dom'
import { $createTextNode, $getNodeByKey, $getSelection, $isRangeSelection, type TextNode } from 'lexical'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  LexicalTypeaheadMenuPlugin,
  MenuOption,
  type MenuTextMatch,
} from '@lexical/react/LexicalTypeaheadMenuPlugin'
import { $createNoteLinkNode, $isNoteLinkNode } from '../../src-main/core/notes/note-link-node'
import { NoteLinkContext } from './note-link-services'

/** One choice of the `[[` menu: an existing note, or a new note with the typed title. */
class NoteChoice extends MenuOption {
  constructor(
    readonly noteId: string | null,
    readonly label: string,
  ) {
    super(noteId ?? `new:${label}`)
  }
}

const MAX_CHOICES = 8

/** `[[` then the start of a title, up to the caret; the menu opens on it. */
export function matchNoteLinkTrigger(text: string): MenuTextMatch | null {
  const match = /\[\[([^[\]\n]{0,100})$/.exec(text)
  if (!match) return null
  return { leadOffset: match.index, matchingString: match[1]!, replaceableString: match[0] }
}

/** Typing `[[` offers the notes whose titles match what follows; choosing one links it, or makes a new note. */
export function NoteLinkPlugin() {
  const [editor] = useLexicalComposerContext()
  const services = useContext(NoteLinkContext)
  const [query, setQuery] = useState<string | null>(null)

  const options = useMemo(() => {
    if (query === null) return []
    const wanted = query.trim().toLowerCase()
    const found = (services.notes ?? [])
      .filter((note) => note.id !== services.currentNoteId && note.title.toLowerCase().includes(wanted))
      .slice(0, MAX_CHOICES)
      .map((note) => new NoteChoice(note.id, note.title))
    const exact = found.some((choice) => choice.label.toLowerCase() === wanted)
    return wanted && !exact ? [...found, new NoteChoice(null, query.trim())] : found
  }, [query, services.notes, services.currentNoteId])

  const $link = (noteId: string, title: string, replacing: TextNode | null) => {
    const node = $createNoteLinkNode({ noteId, title })
    if (replacing) replacing.replace(node)
    else {
      const selection = $getSelection()
      if ($isRangeSelection(selection)) selection.insertNodes([node])
    }
    // A space after the link, so typing goes on outside it.
    const after = $createTextNode(' ')
    node.insertAfter(after)
    after.select(1, 1)
    return node
  }

  const choose = (choice: NoteChoice, replacing: TextNode | null, closeMenu: () => void) => {
    closeMenu()
    if (choice.noteId) {
      const { noteId, label } = choice
      editor.update(() => $link(noteId, label, replacing))
      return
    }
    // The link goes in now, under the typed title, and gets its note's id once the note exists
    // (the typed text node would be merged away by then; a link node keeps its key).
    let key = ''
    editor.update(() => {
      key = $link('', choice.label, replacing).getKey()
    })
    void services.create(choice.label).then((note) =>
      editor.update(() => {
        const pending = $getNodeByKey(key)
        if (!$isNoteLinkNode(pending)) return
        if (note) pending.setLink({ noteId: note.id, title: note.title })
        else pending.replace($createTextNode(choice.label))
      }),
    )
  }

  return (
    <LexicalTypeaheadMenuPlugin<NoteChoice>
      onQueryChange={setQuery}
      onSelectOption={choose}
      triggerFn={matchNoteLinkTrigger}
      options={options}
      menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) =>
        anchor.current && options.length > 0
          ? createPortal(
              <ul className="note-link-menu" role="listbox" data-testid="note-link-menu">
                {options.map((option, index) => (
                  <li
                    key={option.key}
                    ref={(element) => option.setRefElement(element)}
                    role="option"
                    aria-selected={selectedIndex === index}
                    className={`note-link-menu__item${selectedIndex === index ? ' note-link-menu__item--selected' : ''}`}
                    onMouseEnter={() => setHighlightedIndex(index)}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => selectOptionAndCleanUp(option)}
                  >
                    {option.noteId ? option.label : `New note “${option.label}”`}
                  </li>
                ))}
              </ul>,
              anchor.current,
            )
          : null
      }
    />
  )
}
