import { useState } from 'react'
import { api } from '../api'
import type { NoteSummary } from '../../src-main/core/records'
import { useCommand } from '../commands/registry'
import { useNotifier } from '../ui/notices'
import { LiveDialog } from './LiveDialog'
import { rememberUserName, saveLiveConnection } from './live-connections'

/**
 * The *Join live note…* command: asks for the server, token and document, makes a new empty note
 * and connects it. The joining device never seeds the document (Lexical's rule): it receives it.
 */
export function JoinLiveNote({ onJoined }: { onJoined(note: NoteSummary): Promise<void> | void }) {
  const [asking, setAsking] = useState(false)
  const notifier = useNotifier()
  useCommand('join-live-note', () => setAsking(true))
  if (!asking) return null
  return (
    <LiveDialog
      mode="join"
      onCancel={() => setAsking(false)}
      onSubmit={(fields) => {
        setAsking(false)
        void api.call('notes.create', { title: fields.documentName }).then(
          async (note) => {
            rememberUserName(fields.userName)
            saveLiveConnection(note.id, { ...fields, sharer: false })
            await onJoined(note)
          },
          (error: unknown) => notifier.error('Could not make a note to join into', error),
        )
      }}
    />
  )
}
