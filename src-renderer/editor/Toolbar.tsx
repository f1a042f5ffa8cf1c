import { Fragment, useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import {
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  KEY_DOWN_COMMAND,
  mergeRegister,
  type BaseSelection,
  type LexicalEditor,
  type TextFormatType,
} from 'lexical'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils'
import { ListNode } from '@lexical/list'
import { $createLinkNode, $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link'
import {
  ACTIONS,
  actionForKey,
  actionTitle,
  blockKindOf,
  runAction,
  type BlockKind,
  type ToolbarAction,
} from './toolbar-actions'
import { TOOLBAR_ICONS } from './toolbar-icons'
import { LinkPrompt } from './LinkPrompt'
import { TableTools } from './TableTools'

const FORMATS = [
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'code',
] as const satisfies readonly TextFormatType[]
type Format = (typeof FORMATS)[number]

/** What the toolbar shows as pressed or unavailable. */
interface ToolbarState {
  formats: ReadonlySet<Format>
  block: BlockKind
  inLink: boolean
  canUndo: boolean
  canRedo: boolean
}

const GROUPS: ToolbarAction[][] = [
  ['bold', 'italic', 'underline', 'strikethrough', 'code'],
  ['h1', 'h2', 'h3'],
  ['bullet', 'number', 'check', 'quote', 'codeblock'],
  ['link', 'hr', 'table'],
  ['undo', 'redo'],
]

function useToolbarState(editor: LexicalEditor): ToolbarState {
  const [state, setState] = useState<ToolbarState>({
    formats: new Set(),
    block: 'paragraph',
    inLink: false,
    canUndo: false,
    canRedo: false,
  })
  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) =>
          editorState.read(() => {
            const selection = $getSelection()
            if (!$isRangeSelection(selection)) {
              // A selected block (rule, excerpt) has no text formats or block kind to show.
              if (selection !== null)
                setState((previous) => ({ ...previous, formats: new Set(), block: 'other', inLink: false }))
              return
            }
            const anchor = selection.anchor.getNode()
            const list = $getNearestNodeOfType(anchor, ListNode)
            const block = list ? list.getListType() : blockKindOf(anchor)
            const formats = new Set(FORMATS.filter((format) => selection.hasFormat(format)))
            const inLink = $findMatchingParent(anchor, $isLinkNode) !== null
            setState((previous) => ({ ...previous, formats, block, inLink }))
          }),
        ),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (canUndo) => {
            setState((previous) => ({ ...previous, canUndo }))
            return false
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (canRedo) => {
            setState((previous) => ({ ...previous, canRedo }))
            return false
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  )
  return state
}

/** Where the link prompt will act: the selection when it opened, and the link already there. */
interface LinkTarget {
  selection: BaseSelection | null
  url: string
  existing: boolean
}

/** The formatting toolbar, its keyboard shortcuts and the link prompt. `status` is shown at its end. */
export function Toolbar({ status }: { status: ReactNode }) {
  const [editor] = useLexicalComposerContext()
  const state = useToolbarState(editor)
  const [linkTarget, setLinkTarget] = useState<LinkTarget | null>(null)
  const blockRef = useRef(state.block)
  useEffect(() => {
    blockRef.current = state.block
  }, [state.block])

  const openLinkPrompt = useCallback(() => {
    const target = editor.getEditorState().read((): LinkTarget => {
      const selection = $getSelection()
      const link = $isRangeSelection(selection)
        ? $findMatchingParent(selection.anchor.getNode(), $isLinkNode)
        : null
      return { selection: selection?.clone() ?? null, url: link?.getURL() ?? '', existing: link !== null }
    })
    setLinkTarget(target)
  }, [editor])

  const run = useCallback(
    (action: ToolbarAction) => runAction(editor, action, blockRef.current, openLinkPrompt),
    [editor, openLinkPrompt],
  )

  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const action = actionForKey(event)
          // Focus can stay in the note while the selection is in the article (the reader owns that chord then).
          const selected = window.getSelection()?.anchorNode ?? null
          if (!action || !editor.getRootElement()?.contains(selected)) return false
          event.preventDefault()
          run(action)
          return true
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, run],
  )

  const closeLinkPrompt = () => {
    setLinkTarget(null)
    editor.focus()
  }
  const applyLink = (url: string | null) => {
    const target = linkTarget
    editor.update(() => {
      if (target?.selection) $setSelection(target.selection.clone())
      const selection = $getSelection()
      if (url && $isRangeSelection(selection) && selection.isCollapsed() && !target?.existing) {
        // Nothing selected: the address itself becomes the link's text.
        selection.insertNodes([$createLinkNode(url).append($createTextNode(url))])
      } else {
        editor.dispatchCommand(TOGGLE_LINK_COMMAND, url)
      }
      // Leave the caret after the link, so the next key typed cannot replace the linked words.
      const after = $getSelection()
      if ($isRangeSelection(after) && !after.isCollapsed()) {
        const { key, offset, type } = after.isBackward() ? after.anchor : after.focus
        after.anchor.set(key, offset, type)
        after.focus.set(key, offset, type)
      }
    })
    closeLinkPrompt()
  }

  const pressed = (action: ToolbarAction): boolean | undefined => {
    if ((FORMATS as readonly string[]).includes(action)) return state.formats.has(action as Format)
    if (action === 'link') return state.inLink
    if (['h1', 'h2', 'h3', 'bullet', 'number', 'check', 'quote', 'codeblock'].includes(action))
      return state.block === action
    return undefined
  }
  const disabled = (action: ToolbarAction) =>
    (action === 'undo' && !state.canUndo) || (action === 'redo' && !state.canRedo)

  return (
    <div className="ne-toolbar-area">
      <div className="ne-toolbar" role="toolbar" aria-label="Formatting" aria-orientation="horizontal">
        {GROUPS.map((group, index) => (
          <Fragment key={group[0]}>
            {index > 0 ? <span className="ne-toolbar__divider" aria-hidden="true" /> : null}
            {group.map((action) => (
              <button
                key={action}
                type="button"
                className="ne-tool"
                data-testid={`toolbar-${action}`}
                aria-label={ACTIONS[action].label}
                title={actionTitle(action)}
                aria-pressed={pressed(action)}
                disabled={disabled(action)}
                // Keep the caret and selection in the note while a button is clicked.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => run(action)}
              >
                {TOOLBAR_ICONS[action]}
              </button>
            ))}
          </Fragment>
        ))}
        <span className="ne-toolbar__status">{status}</span>
      </div>
      <TableTools />
      {linkTarget ? (
        <LinkPrompt
          initialUrl={linkTarget.url}
          onApply={applyLink}
          onRemove={linkTarget.existing ? () => applyLink(null) : null}
          onCancel={closeLinkPrompt}
        />
      ) : null}
    </div>
  )
}
