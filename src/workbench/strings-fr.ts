/**
 * The workbench in French: every string of `STRINGS` (egm-workbench.ts), same keys and
 * arguments. Numbers are written the French way (`1 234`), and plurals follow French rules
 * (0 and 1 take the singular).
 */
import type { SourceFormat } from '../core/import/config.js';
import { MIN_GRAPHIC_CONTRAST, type CsvProblem, type MetaField, type Missing, type Role, type UnsupportedKind } from '../core/import/workbench-state.js';
import type { WorkbenchStrings } from './egm-workbench.js';

const rules = new Intl.PluralRules('fr');
const n = (value: number) => value.toLocaleString('fr');
const plural = (count: number, one: string, many: string) => `${n(count)} ${rules.select(count) === 'one' ? one : many}`;

export const STRINGS_FR: WorkbenchStrings = {
  lang: 'fr',
  // As src/i18n/fr.ts has them for the elements (not imported: that module registers the locale).
  issues: {
    heading: { one: '{heading} ({n} problème)', other: '{heading} ({n} problèmes)' },
    more: '… et {n} de plus',
  },
  title: 'Atelier de carte',
  intro: 'Faites une carte des données probantes et des lacunes à partir d’un export, dans ce navigateur : vos fichiers ne sont jamais envoyés.',
  fileHeading: '1. Votre fichier',
  dropHint: 'Déposez ici un export JSON d’EPPI-Reviewer, une page EPPI-Mapper, un fichier CSV ou une carte egm/1, ou',
  pick: 'Choisir des fichiers',
  configHint: 'Pour refaire une conversion enregistrée, déposez (ou choisissez) son fichier de configuration (.convert.json) avec l’export.',
  dropActive: 'Déposez pour ouvrir',
  loaded: (name: string, what: string) => `${name} : ${what}.`,
  kinds: {
    'eppi-reviewer': (refs: number, codes: number) => `un export EPPI-Reviewer de ${plural(refs, 'référence', 'références')} et ${plural(codes, 'code', 'codes')}`,
    'eppi-mapper': 'une page de carte EPPI-Mapper',
    csv: (rows: number, columns: number) => `un fichier CSV de ${plural(rows, 'ligne', 'lignes')} et ${plural(columns, 'colonne', 'colonnes')}`,
    egm: 'une carte egm/1',
    egmPage: 'une page de carte faite par egm-components (sa carte est lue)',
  },
  configLoaded: (name: string) => `${name} : une configuration de conversion. Ses choix sont appliqués.`,
  configMismatch: (from: string, kind: string) =>
    `La configuration convertit des ${from}, mais le fichier chargé est ${kind} : vos choix pour celui-ci sont gardés. Déposez un fichier qui lui correspond, et les choix de la configuration s’y appliqueront.`,
  configApplied: (name: string) => `Les choix de ${name} sont appliqués.`,
  formats: { 'eppi-reviewer': 'exports EPPI-Reviewer', 'eppi-mapper': 'pages EPPI-Mapper', csv: 'fichiers CSV', egm: 'cartes egm/1' } satisfies Record<SourceFormat, string>,
  empty: (name: string) => `${name} est vide.`,
  broken: {
    json: (name: string, detail: string) => `${name} semble être du JSON mais ne peut pas être lu (${detail}) : il est peut-être tronqué ou abîmé. Exportez-le de nouveau.`,
    csv: { 'no-rows': (name: string) => `${name} semble être un fichier CSV, mais il n’a qu’une ligne d’en-tête, sans aucune ligne d’étude en dessous.` } satisfies Record<CsvProblem, (name: string) => string>,
    config: (name: string) => `${name} est une configuration de conversion qui a des problèmes`,
  },
  unsupported: {
    pdf: 'est un document PDF',
    spreadsheet: 'est un classeur de tableur : enregistrez-le en CSV (UTF-8) et déposez celui-ci',
    word: 'est un document Word',
    zip: 'est une archive zip : décompressez-la et déposez l’export qu’elle contient',
    image: 'est une image',
    binary: 'n’est pas un fichier texte',
    json: 'est du JSON, mais ni un export EPPI-Reviewer (il n’a pas de « CodeSets »), ni une carte egm/1, ni une configuration de conversion',
    html: 'est une page web, mais ni une page de carte EPPI-Mapper, ni une page faite par egm-components',
    xml: 'est du XML (une bibliothèque EndNote, par exemple), qui ne contient aucun codage',
    ris: 'est une liste de références RIS, qui ne contient aucun codage : exportez plutôt la revue d’EPPI-Reviewer en JSON',
    text: 'est un fichier texte, mais pas un CSV : il n’a pas de ligne d’en-tête de deux colonnes ou plus',
  } satisfies Record<UnsupportedKind, string>,
  unsupportedMessage: (name: string, why: string, format?: string) =>
    `${name} ${why}${format ? ` (son format est ${JSON.stringify(format)})` : ''}. L’atelier lit les exports JSON d’EPPI-Reviewer, les pages EPPI-Mapper, les fichiers CSV et les cartes egm/1.`,
  readFailed: (name: string) => `${name} n’a pas pu être lu.`,
  reading: (names: string[]) => `Lecture de ${names.join(', ')}…`,
  making: 'Création de la carte…',

  choicesHeading: '2. Lignes, colonnes, segments et filtres',
  choicesFixed: 'Ce fichier indique lui-même ses lignes, ses colonnes, ses segments et ses filtres.',
  search: 'Rechercher dans les codes',
  searchColumns: 'Rechercher dans les colonnes',
  noMatch: 'Aucun code ne correspond.',
  roles: { '': 'Non utilisé', rows: 'Lignes', columns: 'Colonnes', segments: 'Segments (couleurs)', filters: 'Filtre' } satisfies Record<Role | '', string>,
  roleSummary: { rows: 'Lignes', columns: 'Colonnes', segments: 'Segments', filters: 'Filtres' } satisfies Record<Role, string>,
  none: 'aucun',
  csvFields: { title: 'Titre de l’étude', authors: 'Auteurs', year: 'Année', abstract: 'Résumé', url: 'Lien (URL)', doi: 'DOI', source: 'Source (revue)', id: 'Identifiant de l’étude' },
  codeCounts: (studies: number, codes: number) => `${plural(studies, 'étude', 'études')}, ${plural(codes, 'code', 'codes')}`,
  leafCount: (studies: number) => plural(studies, 'étude', 'études'),
  showCodes: (count: number) => `Afficher ses ${plural(count, 'code', 'codes')}`,
  hideCodes: 'Masquer ses codes',
  columnHint: (filled: number, distinct: number, samples: string[]) =>
    `${plural(filled, 'valeur', 'valeurs')}, ${plural(distinct, 'distincte', 'distinctes')}${samples.length ? ` : ${samples.join(', ')}…` : ''}`,
  separator: 'Plusieurs valeurs dans une cellule sont séparées par',
  missing: { rows: 'les lignes', columns: 'les colonnes', title: 'la colonne des titres des études' } satisfies Record<Missing, string>,
  choose: (what: string[]) => `Choisissez ${what.join(' et ')} pour voir la carte.`,

  metaHeading: '3. À propos de la carte',
  meta: { title: 'Titre', description: 'Description', citation: 'Comment citer', license: 'Licence', version: 'Version', searchDate: 'Date de recherche' } satisfies Record<MetaField, string>,
  metaPlaceholder: { license: 'CC-BY-4.0', version: '1.0', searchDate: '2024-06-30' },
  links: 'Liens',
  linkLabel: (i: number) => `Texte du lien ${n(i + 1)}`,
  linkUrl: (i: number) => `Adresse du lien ${n(i + 1)}`,
  addLink: 'Ajouter un lien',
  removeLink: (i: number) => `Supprimer le lien ${n(i + 1)}`,

  categoriesHeading: '4. Catégories',
  categoriesHint: 'Réordonnez-les, masquez celles que la carte doit laisser de côté et choisissez la couleur des segments.',
  dimensionHeading: (role: string, label: string) => `${role} : ${label}`,
  show: 'Afficher',
  moveUp: (label: string) => `Monter ${label}`,
  moveDown: (label: string) => `Descendre ${label}`,
  moved: (label: string, at: number, of: number) => `${label} déplacé en position ${n(at)} sur ${n(of)}.`,
  color: (label: string) => `Couleur de ${label}`,
  resetColor: (label: string) => `Rétablir la couleur de ${label}`,
  reset: 'Rétablir',
  lowContrast: (ratio: number) =>
    `Contraste faible avec le fond (${ratio.toLocaleString('fr', { maximumFractionDigits: 1 })}:1, sous ${n(MIN_GRAPHIC_CONTRAST)}:1) : certains lecteurs ne la verront pas.`,

  downloadHeading: '5. Télécharger',
  downloadMap: 'La carte (JSON egm/1)',
  downloadConfig: 'La configuration de conversion',
  downloadPage: 'Une page autonome (HTML)',
  downloaded: (name: string) => `${name} téléchargé.`,
  bundleLoading: 'La page autonome se prépare…',
  bundleMissing:
    'La page autonome a besoin du paquet d’intégration en un fichier (egm-components.standalone.js), qui n’a pas pu être chargé : publiez plutôt le fichier de la carte avec l’extrait ci-dessous.',
  configNote:
    'La configuration garde vos choix : la prochaine fois, déposez-la avec le nouvel export (ou lancez egm convert --config) pour refaire la carte en une étape.',
  snippet: 'Ou intégrez le fichier de la carte dans votre propre page (déposez egm-components.standalone.js et la carte à côté) :',
  snippetLabel: 'Extrait d’intégration',

  previewHeading: 'Aperçu',
  previewEmpty: 'Chargez un fichier pour voir sa carte ici.',
  stats: (studies: number, inGrid: number) =>
    `${plural(studies, 'étude', 'études')}, dont ${n(inGrid)} ${rules.select(inGrid) === 'one' ? 'a' : 'ont'} un code de ligne et un code de colonne (dans la grille).`,
  importFailed: 'Le fichier n’a pas pu être converti',
  editFailed: 'La carte n’est pas valide avec ces réglages',
  warningsHeading: (count: number) => `Ce que la conversion n’a pas pu reprendre (${n(count)})`,
  noWarnings: 'La conversion a tout repris.',
};
