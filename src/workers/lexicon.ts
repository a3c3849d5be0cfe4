import { builtinLexiconFiles, mergeLexiconFiles, readUserLexicon } from '../lexicon/load.js';
import { Lexicon } from '../lexicon/lexicon.js';

/** The lexicon of a build (built-in lexicons plus the user's files); every thread of a build makes its own. */
export function loadLexicon(lexiconFiles: string[] = []): Lexicon {
  return new Lexicon(mergeLexiconFiles(builtinLexiconFiles(), lexiconFiles.map(readUserLexicon)));
}
