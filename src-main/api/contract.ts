import type { z } from 'zod'
import type { AnyMethod } from './method'
import { articleMethods } from './articles'
import { excerptMethods } from './excerpts'
import { noteMethods } from './notes'
import { exportMethods } from './export'
import { libraryMethods } from './library'
import { graphMethods } from './graph'
import { searchMethods } from './search'
import { quoteMethods } from './quotes'
import { syncMethods } from './sync'
import { collabMethods } from './collab'

/** Joins the per-domain method maps, refusing a name declared twice. */
function joinDomains<T extends Record<string, AnyMethod>[]>(...domains: T): UnionToIntersection<T[number]> {
  const joined: Record<string, AnyMethod> = {}
  for (const domain of domains) {
    for (const [name, definition] of Object.entries(domain)) {
      if (name in joined) throw new Error(`API method ${name} is declared twice`)
      joined[name] = definition
    }
  }
  return joined as UnionToIntersection<T[number]>
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never

/** The one API of Commonplace: every transport (IPC, HTTP, CLI) serves exactly these methods. */
export const contract = joinDomains(
  articleMethods,
  excerptMethods,
  noteMethods,
  exportMethods,
  libraryMethods,
  graphMethods,
  searchMethods,
  quoteMethods,
  syncMethods,
  collabMethods,
)

export type Contract = typeof contract
export type MethodName = keyof Contract & string
export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>
export type MethodOutput<K extends MethodName> = z.output<Contract[K]['output']>

/** What the renderer holds, whichever transport carries it. */
export interface CommonplaceApi {
  call<K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodOutput<K>>
}

export const METHOD_NAMES = Object.keys(contract) as MethodName[]
