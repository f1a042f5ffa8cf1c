// Types for the part of @doyensec/electronegativity's programmatic API (its README) that we use.
declare module '@doyensec/electronegativity' {
  export interface Level {
    value: number
    name: string
  }
  export interface Issue {
    id: string
    file: string
    sample?: string
    location: { line: number; column: number }
    description: string
    severity: Level
    confidence: Level
    manualReview: boolean
    shortenedURL: string
  }
  export interface ScanResult {
    globalChecks: number
    atomicChecks: number
    errors: { file: string; message: string; tolerable: boolean }[]
    issues: Issue[]
  }
  export interface ScanOptions {
    input: string
    customScan?: string[]
    excludeFromScan?: string[]
    severitySet?: string
    confidenceSet?: string
    isRelative?: boolean
    electronVersion?: string
  }
  export default function run(options: ScanOptions): Promise<ScanResult>
}
