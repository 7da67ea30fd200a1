/**
 * French strings. Importing this module registers them: elements whose language is French
 * (`lang="fr"`, `fr-CA`, … on them or an ancestor) use them. In a page, load
 * `dist/locales/fr.js` beside the embed bundle.
 */
import { registerLocale, type EgmLocale } from './registry.js';

export const fr = {
  card: {
    invalid: 'Impossible d’afficher cette étude : {problem}.',
    notStudy: 'ce n’est pas une étude ({what})',
    noId: 'elle n’a pas d’identifiant',
    noTitle: 'elle n’a pas de titre',
    categories: 'Catégories',
    showMore: 'Afficher plus',
    showLess: 'Afficher moins',
    ofAbstract: ' du résumé',
    etAl: ' et al.',
    moreAuthors: '+{n} autres',
    moreAuthorsHidden: ' auteurs',
    fewerAuthors: 'moins',
    fewerAuthorsHidden: ' d’auteurs',
    read: 'Lire l’étude ({host})',
    newTab: ', s’ouvre dans un nouvel onglet',
    notCoded: 'Non codé',
  },
  print: {
    chunk: '{dimension} : colonnes {from} à {to} sur {of}',
    gap: '–',
    ofTotal: '{n} sur {total}',
  },
} satisfies EgmLocale;

registerLocale('fr', fr);
