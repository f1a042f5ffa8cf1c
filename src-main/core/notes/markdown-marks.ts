// Marks that transformers write while a note is converted and $noteToMarkdown resolves once the
// whole document is out. Noncharacters are reserved for process-internal use and never meaningful
// text, so the same characters in a note are replaced (withoutMark) before they can be mistaken.

/**
 * @lexical/markdown backslash-escapes `\ ` * _ ~` in the text it is given, so our own escapes (for
 * `[`, `<`, `#` at a line start …) are written with this mark and turned into backslashes at the end.
 */
export const ESCAPE_MARK = '\uFDD0'
/** A hard line break is written as BREAK_MARK + newline so emphasis closed and reopened around it can be joined again. */
export const BREAK_MARK = '\uFDD1'
/** Put before a text run whose emphasis continues from the bold and italic run before it. */
export const JOIN_MARK = '\uFDD2'

/** The text with any of our marks it holds made U+FFFD. */
export const withoutMark = (text: string): string => text.replace(/[\uFDD0-\uFDD2]/g, '\uFFFD')
