// Excerpts as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), the standard way to
// hand highlights to another tool: each excerpt targets its source's extracted text with a quote
// selector and a position selector (counted in Unicode code points, as the model requires).
import type { Excerpt } from '../records'

/** One excerpt as a Web Annotation; `source` is the path of the article's text in the export. */
export function excerptAnnotation(excerpt: Excerpt, text: string, source: string): Record<string, unknown> {
  const codePoints = (end: number) => Array.from(text.slice(0, end)).length
  const body = [
    ...(excerpt.comment.trim()
      ? [{ type: 'TextualBody', value: excerpt.comment, format: 'text/plain', purpose: 'commenting' }]
      : []),
    ...excerpt.tags.map((tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' })),
  ]
  return {
    id: `urn:commonplace:excerpt:${excerpt.id}`,
    type: 'Annotation',
    created: excerpt.createdAt,
    motivation: body.some((b) => b.purpose === 'commenting') ? 'commenting' : 'highlighting',
    ...(body.length > 0 ? { body } : {}),
    target: {
      source,
      selector: [
        { type: 'TextQuoteSelector', exact: excerpt.quote, prefix: excerpt.prefix, suffix: excerpt.suffix },
        // An orphaned excerpt's words are no longer in the text; only its quote can describe it.
        ...(excerpt.state === 'orphaned'
          ? []
          : [
              {
                type: 'TextPositionSelector',
                start: codePoints(excerpt.start),
                end: codePoints(excerpt.end),
              },
            ]),
      ],
    },
  }
}

/** Annotations as one JSON-LD AnnotationCollection with a single page. */
export function annotationCollection(items: Record<string, unknown>[]): string {
  const collection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:commonplace:excerpts',
    type: 'AnnotationCollection',
    label: 'Commonplace excerpts',
    total: items.length,
    first: { id: 'urn:commonplace:excerpts:page1', type: 'AnnotationPage', startIndex: 0, items },
  }
  return JSON.stringify(collection, null, 2) + '\n'
}
