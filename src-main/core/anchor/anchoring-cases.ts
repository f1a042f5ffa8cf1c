import { readFileSync } from 'node:fs'
import { prepareArticleBody } from '../import/article-body'

// Real corpus articles for the anchoring tests and benchmark, each with the words that scripted
// edits act on. Tests only. The caller passes testing/corpus.ts's `corpusFile`, which stays out of
// the renderer's type project that includes this folder.

/** Resolves a path inside the shared test corpus (testing/corpus.ts). */
export type CorpusFile = (...parts: string[]) => string

/** A corpus article and the passages the scripted edits use. Every phrase occurs once in `text`. */
export interface AnchoringArticle {
  name: string
  text: string
  /** What separates paragraphs in the stored text: blank lines for plain text, a line break for HTML. */
  separator: string
  /** A sentence in the middle of the article, the passage most cases cite. */
  sentence: string
  /** Words inside `sentence` and what they are reworded to. */
  reword: [string, string]
  /** First and last words of a passage that spans several paragraphs. */
  long: [string, string]
  /** Words in the middle of the long passage, and at its very start, and what they become. */
  longReword: [string, string]
  longHeadReword: [string, string]
  /** Words in a paragraph before both passages, and in one after both. */
  earlier: string
  later: string
  /** A sentence in the article's language that is not in it, for insertions. */
  newSentence: string
}

/** Stored text of a Readability test page, derived as the import pipeline derives it. */
export function readabilityText(corpusFile: CorpusFile, page: string): string {
  return prepareArticleBody(readFileSync(corpusFile('readability', page, 'expected.html'), 'utf8')).text
}

/** The sample article, plus three Readability pages: whitespace-heavy English, Spanish, Chinese. */
export function anchoringArticles(corpusFile: CorpusFile): AnchoringArticle[] {
  return [
    {
      name: 'sample (plain text)',
      text: readFileSync(corpusFile('text', 'iraq-kurdish-referendum-2017.txt'), 'utf8'),
      separator: '\n\n',
      sentence: 'The U.S., Turkey and Iran have all criticized the vote.',
      reword: ['all criticized', 'all sharply condemned'],
      long: ['The Iraqi Kurdish referendum last month', 'including the city of Kirkuk.'],
      longReword: ['Sporadic fighting has erupted', 'Sporadic clashes have broken out'],
      longHeadReword: ['The Iraqi Kurdish referendum last month', 'Last month’s Iraqi Kurdish referendum'],
      earlier: 'Haider al-Abadi’s office released',
      later: 'IS militants have only to choose',
      newSentence: 'Officials in Baghdad declined to comment further on Thursday.',
    },
    {
      name: 'guardian-1 (HTML)',
      text: readabilityText(corpusFile, 'guardian-1'),
      separator: '\n',
      sentence:
        'Climate change is to blame too, scientists think, with warming ocean temperatures moving whales’ prey closer to the shore and forcing them to pursue their food into shallow waters.',
      reword: ['warming ocean temperatures', 'rising sea temperatures'],
      long: ['Ngātiwai believe the whales beach when', 'teeth for cultural purposes.'],
      longReword: ['stand back and allow', 'step aside and let'],
      longHeadReword: ['Ngātiwai believe the whales beach', 'The Ngātiwai hold that whales beach'],
      earlier: 'Whale whisperer Hori Parata was just seven',
      later: 'Māori harvest rights over dead whales',
      newSentence: 'The Department of Conservation did not respond to a request for comment.',
    },
    {
      name: 'la-nacion (HTML, Spanish)',
      text: readabilityText(corpusFile, 'la-nacion'),
      separator: '\n',
      sentence: 'Esta falsa noticia fue la más rocambolesca de una larga cadena.',
      reword: ['la más rocambolesca', 'la más extravagante'],
      long: ['En contraste, el conflicto entre el Partido', 'es social antes que policial.'],
      longReword: ['más que matar directamente', 'en lugar de matar directamente'],
      longHeadReword: ['En contraste, el conflicto', 'En cambio, la guerra'],
      earlier: 'Abdullah Ocalan, el líder independentista kurdo',
      later: 'Seamos claros: ningún individuo',
      newSentence: 'El Gobierno no respondió a las consultas de este diario.',
    },
    {
      name: 'gmw (HTML, Chinese)',
      text: readabilityText(corpusFile, 'gmw'),
      separator: '\n',
      sentence:
        '让我们来看看喝了酒的航天员究竟会发生什么—— 如果我们开始给予进入太空的人类更大的自由度，又可能会发生什么。',
      reword: ['究竟会发生什么', '到底会怎么样'],
      long: ['人们普遍认为，当一个人所处的海拔越高', '没有交互作用”。'],
      longReword: ['17名男子', '20名男子'],
      longHeadReword: ['人们普遍认为', '许多人以为'],
      earlier: '不幸的是，对于希望能喝上一杯',
      later: '所以，如果酒精对人体的物理效应',
      newSentence: '编者注：本文有删节。',
    },
  ]
}
