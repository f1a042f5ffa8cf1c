import type { CommonplaceApi, MethodInput, MethodName, MethodOutput } from '../src-main/api/contract'
import type {
  DesktopBridge,
  FolderAnswer,
  FolderConfirmationState,
  MenuCommand,
  PathGrant,
  Reply,
} from '../src-main/api/bridge'
import type { DeepLink } from '../src-main/core/deep-links'

/** A failed API call: the core's error code and its one-sentence message, ready to show to the user. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

const TOKEN_KEY = 'commonplace.token'

const bridge: DesktopBridge | undefined = (window as Window & { commonplace?: DesktopBridge }).commonplace

/** True inside the Electron app, false in browser mode. */
export const isDesktop = bridge?.platform === 'desktop'

/**
 * The browser-mode token arrives once in the address (`?token=`). It is kept for this tab only and
 * taken out of the address bar so that it does not end up in history, bookmarks or screenshots.
 */
function takeToken(): string | null {
  const url = new URL(window.location.href)
  const fromAddress = url.searchParams.get('token')
  if (fromAddress) {
    sessionStorage.setItem(TOKEN_KEY, fromAddress)
    url.searchParams.delete('token')
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
    return fromAddress
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

const token = bridge ? null : takeToken()

/** Browser mode: POSTs `body` as JSON to the server with the launch's token, and unwraps the reply. */
async function postToServer(route: string, body: unknown): Promise<unknown> {
  if (!token) {
    throw new ApiError(
      'UNAUTHORIZED',
      'This page was opened without its access token. Open the address Commonplace printed when it started (it ends in ?token=…).',
    )
  }
  let response: Response
  try {
    response = await fetch(route, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body ?? {}),
    })
  } catch {
    throw new ApiError(
      'UNREACHABLE',
      'Commonplace could not be reached. Is it still running? Start it again, then reload.',
    )
  }
  return unwrap(await readReply(response))
}

function httpApi(): CommonplaceApi {
  return {
    async call<K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
      return (await postToServer(`/api/${encodeURIComponent(name)}`, input)) as MethodOutput<K>
    },
  }
}

/**
 * Browser mode: may the page write into `path`? Yes at once for the default export folder and folders
 * confirmed before; otherwise the address of the page, on another origin, where the user says so.
 */
export async function askToWriteInto(path: string): Promise<FolderAnswer> {
  return (await postToServer('/folders/ask', { path })) as FolderAnswer
}

/** Browser mode: where the confirmation `id` stands. */
export async function folderConfirmationState(id: string): Promise<FolderConfirmationState> {
  return ((await postToServer('/folders/status', { id })) as { state: FolderConfirmationState }).state
}

async function readReply(response: Response): Promise<WireReply> {
  const body = await response.text()
  if (response.status === 401) {
    return {
      ok: false,
      error: {
        code: 'UNAUTHORIZED',
        message:
          'Commonplace refused this page’s access token (a new one is made at every start). Open the address it printed.',
      },
    }
  }
  try {
    const parsed = JSON.parse(body) as WireReply
    if (typeof parsed === 'object' && parsed !== null && typeof parsed.ok === 'boolean') return parsed
  } catch {
    // Not JSON: fall through to a message built from the HTTP status.
  }
  const detail = body.trim().slice(0, 200) || response.statusText
  return {
    ok: false,
    error: { code: `HTTP_${response.status}`, message: `The server answered ${response.status}: ${detail}` },
  }
}

function desktopApi(desktop: DesktopBridge): CommonplaceApi {
  return {
    async call<K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
      return unwrap(await desktop.invoke(name, input)) as MethodOutput<K>
    },
  }
}

/** A reply as it arrives: the contract's Reply, or one made up here from an HTTP failure. */
type WireReply = Reply | { ok: false; error: { code: string; message: string } }

function unwrap(reply: WireReply): unknown {
  if (reply.ok) return reply.result
  throw new ApiError(reply.error.code, reply.error.message)
}

/** The one API client of the renderer: the preload's bridge in the desktop app, HTTP in browser mode. */
export const api: CommonplaceApi = bridge ? desktopApi(bridge) : httpApi()

/**
 * Listens for the files picked in File ▸ Import, the desktop app's native dialog run by its main
 * process; the window imports them by their grants. In the browser there is no such menu, so nothing
 * ever arrives.
 */
export function onDesktopImport(listener: (grants: PathGrant[]) => void): () => void {
  return bridge ? bridge.onImportGrants(listener) : () => {}
}

/** Desktop only: the native folder dialog for a vault export; the chosen folder's grant, or null. */
export function chooseDesktopExportFolder(): Promise<PathGrant | null> {
  return bridge ? bridge.chooseExportFolder() : Promise.resolve(null)
}

/** Desktop: shows a vault folder chosen in the folder dialog (by its grant) in the file manager. */
export function showDesktopExportFolder(grant: string): Promise<boolean> {
  return bridge ? bridge.showExportFolder(grant) : Promise.resolve(false)
}

/** Desktop: opens the library folder in the file manager; a browser cannot, so it answers false. */
export function openDesktopLibraryFolder(): Promise<boolean> {
  return bridge ? bridge.openLibraryFolder() : Promise.resolve(false)
}

/** Listens for desktop menu commands; in the browser there is no menu, so nothing ever arrives. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return bridge ? bridge.onMenuCommand(listener) : () => {}
}

/** Listens for `commonplace://` links the desktop app was opened with; browser mode uses the address instead. */
export function onDesktopDeepLink(listener: (link: DeepLink) => void): () => void {
  return bridge ? bridge.onDeepLink(listener) : () => {}
}

/** The message to show for any failure: the API's own sentence, or the error's message. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
