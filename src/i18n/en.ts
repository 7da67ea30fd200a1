/**
 * Every string the elements show or announce, in English: the default, and the shape every
 * translation follows (src/i18n/fr.ts). `{name}` is a placeholder; an object with `one` /
 * `other` (and `zero`, `two`, `few`, `many` where a language has them) is a plural chosen by
 * `{n}`. Numbers are formatted for the language; keep the placeholders when translating.
 */
import type { Plural } from '../core/i18n.js';

export const en = {
  card: {
    /** The card's study has no usable id or title. */
    invalid: 'This study cannot be shown: {problem}.',
    /** {what}: null, a list, a string… (in English: it is a developer's mistake). */
    notStudy: 'it is {what}, not a study',
    noId: 'it has no id',
    noTitle: 'it has no title',
    categories: 'Categories',
    showMore: 'Show more',
    showLess: 'Show less',
    /** Visually hidden, after "Show more"/"Show less". */
    ofAbstract: ' of the abstract',
    etAl: ' et al.',
    moreAuthors: '+{n} more',
    /** Visually hidden, after moreAuthors. */
    moreAuthorsHidden: ' authors',
    fewerAuthors: 'fewer',
    /** Visually hidden, after fewerAuthors. */
    fewerAuthorsHidden: ' authors',
    read: 'Read the study ({host})',
    /** Visually hidden, after the link. */
    newTab: ', opens in a new tab',
    notCoded: 'Not coded',
  },
  print: {
    /** The caption of each printed chunk of columns of a wide map. */
    chunk: '{dimension}: columns {from}–{to} of {of}',
    gap: '–',
    ofTotal: '{n} of {total}',
  },
} satisfies Record<string, Record<string, string | Plural>>;

/** The shape of the string table. */
export type EgmStrings = typeof en;
