import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { AppearanceSettings } from '../../src-main/core/records'
import { api } from '../api'
import { ExportFolderSetting, LibraryFolderSetting } from './FolderSettings'
import type { LibrarySettingsState } from './use-library-settings'
import { SyncSettings } from '../sync/SyncSettings'
import '../ui/confirm.css'
import './settings.css'

/** Props of the Settings screen. */
export interface SettingsDialogProps {
  open: boolean
  onClose(): void
  state: LibrarySettingsState
}

const SIZES = [15, 16, 17, 18, 20, 22, 24]
const WIDTHS = [55, 62, 70, 80, 90]
const LEADINGS = [1.4, 1.5, 1.6, 1.8, 2]

/**
 * Settings: the theme, how articles are set for reading, the export styles, where the library lives.
 * Each choice is saved to the library's settings as it is made (validated there), and shows at once.
 */
export function SettingsDialog({ open, onClose, state }: SettingsDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [libraryDir, setLibraryDir] = useState<string | null>(null)

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (open && !dialog.open) {
      dialog.showModal()
      api.call('library.info', {}).then(
        (info) => setLibraryDir(info.dir),
        () => setLibraryDir(null), // shown as unknown; the rest of the screen still works
      )
    } else if (!open && dialog.open) dialog.close()
  }, [open])

  const { settings, setAppearance, setExport } = state
  const appearance = settings?.appearance
  const choose = <K extends keyof AppearanceSettings>(key: K, value: AppearanceSettings[K]) =>
    void setAppearance({ [key]: value })

  return (
    <dialog
      ref={dialogRef}
      className="dialog settings"
      aria-labelledby="settings-title"
      data-testid="settings-dialog"
      onClose={onClose}
    >
      <h2 id="settings-title" className="dialog__title">
        Settings
      </h2>
      {!settings || !appearance ? (
        <p className="settings__loading">Reading the settings…</p>
      ) : (
        <div className="settings__sections">
          <Section title="Appearance">
            <Choice
              label="Theme"
              value={appearance.theme}
              options={[
                ['system', 'Same as the system'],
                ['light', 'Light'],
                ['dark', 'Dark'],
              ]}
              onChange={(theme) => choose('theme', theme)}
            />
          </Section>
          <Section title="Reading">
            <Choice
              label="Font"
              value={appearance.readingFont}
              options={[
                ['serif', 'Serif'],
                ['sans', 'Sans serif'],
              ]}
              onChange={(font) => choose('readingFont', font)}
            />
            <Choice
              label="Text size"
              value={String(appearance.readingSize)}
              options={withCurrent(SIZES, appearance.readingSize).map((size) => [String(size), `${size} px`])}
              onChange={(size) => choose('readingSize', Number(size))}
            />
            <Choice
              label="Line width"
              value={String(appearance.lineWidth)}
              options={withCurrent(WIDTHS, appearance.lineWidth).map((width) => [
                String(width),
                `${width} characters`,
              ])}
              onChange={(width) => choose('lineWidth', Number(width))}
            />
            <Choice
              label="Line height"
              value={String(appearance.lineHeight)}
              options={withCurrent(LEADINGS, appearance.lineHeight).map((leading) => [
                String(leading),
                leading.toFixed(1),
              ])}
              onChange={(leading) => choose('lineHeight', Number(leading))}
            />
          </Section>
          <Section title="Export" id="settings-export">
            <Choice
              label="Citations"
              value={settings.export.citations}
              options={[
                ['inline', 'A line under each quote'],
                ['footnotes', 'Footnotes'],
              ]}
              onChange={(citations) => void setExport({ citations })}
            />
            <Choice
              label="Note links"
              value={settings.export.links}
              options={[
                ['wiki', '[[wiki links]]'],
                ['markdown', 'Markdown links'],
              ]}
              onChange={(links) => void setExport({ links })}
            />
            <p className="settings__hint">
              Export Markdown, Export library as vault and the command line use these styles.
            </p>
            <ExportFolderSetting state={state} />
          </Section>
          <Section title="Sync" id="settings-sync">
            <SyncSettings />
          </Section>
          <Section title="Library">
            <LibraryFolderSetting dir={libraryDir} />
          </Section>
        </div>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={() => dialogRef.current?.close()}>
          Done
        </button>
      </div>
    </dialog>
  )
}

function Section({ title, id, children }: { title: string; id?: string; children: ReactNode }) {
  return (
    <section className="settings__section" id={id} aria-label={title}>
      <h3 className="settings__heading">{title}</h3>
      {children}
    </section>
  )
}

/** One setting as a labelled drop-down. */
function Choice<T extends string>(props: {
  label: string
  value: T
  options: [T, string][]
  onChange(value: T): void
}) {
  return (
    <label className="settings__row">
      <span className="settings__label">{props.label}</span>
      <select value={props.value} onChange={(event) => props.onChange(event.target.value as T)}>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  )
}

/** The offered values, with the stored one among them (a value set by hand elsewhere stays choosable). */
function withCurrent(values: number[], current: number): number[] {
  return values.includes(current) ? values : [...values, current].sort((a, b) => a - b)
}
