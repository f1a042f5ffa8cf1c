import type { Page } from '@playwright/test'

/** Calls the API through the transport the app itself uses (preload in Electron, HTTP in browser mode). */
export async function callApi<T = unknown>(page: Page, name: string, input: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ({ name, input }) => {
      const desktop = (
        window as unknown as { commonplace?: { invoke(n: string, i: unknown): Promise<unknown> } }
      ).commonplace
      if (desktop) return { ok: true, result: await desktop.invoke(name, input) }
      const response = await fetch(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${sessionStorage.getItem('commonplace.token')}`,
        },
        body: JSON.stringify(input),
      })
      return (await response.json()) as { ok: boolean; result?: unknown; error?: { message: string } }
    },
    { name, input },
  )
  if (!reply.ok) throw new Error(`${name}: ${(reply as { error?: { message: string } }).error?.message}`)
  return reply.result as T
}
