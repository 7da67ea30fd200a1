/**
 * Seeded generators for the demo and test maps.
 *
 * - `peerSupportMap()` is an illustrative 91-study map whose shape follows a published UK
 *   evidence and gap map of peer support in health and social care. Its studies are invented:
 *   titles, authors, abstracts and DOIs (10.5555 is a test prefix) are generated, not cited.
 * - `syntheticMap()` is a map of any size for stress tests, stories and the benchmark.
 *
 * Both are deterministic for a seed and use no dependencies, so tests, stories and the
 * benchmark can import them in Node or the browser and get byte-identical maps.
 */
import type { EgmCategory, EgmDimension, EgmMap, EgmStudy } from '../src/core/types.js';

// ---- seeded randomness ---------------------------------------------------------------------

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a tiny 32-bit PRNG. Not cryptographic, but fast, well spread for demo data and
 * identical on every JavaScript engine (it uses only 32-bit integer maths).
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [min, max], bounds included. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** True with probability `p`. */
export function chance(random: Random, p: number): boolean {
  return random() < p;
}

/** One item of a non-empty list, uniformly. */
export function pick<T>(random: Random, items: readonly T[]): T {
  return itemAt(items, Math.floor(random() * items.length));
}

/** A list entry that must exist (keeps `noUncheckedIndexedAccess` honest without `!`). */
function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`no item at index ${index} of ${items.length}`);
  return item;
}

/** A shuffled copy (Fisher–Yates). */
export function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = itemAt(out, i);
    out[i] = itemAt(out, j);
    out[j] = tmp;
  }
  return out;
}

/** `[value, weight]` pairs; weights need not sum to anything in particular. */
export type Weighted<T> = readonly (readonly [T, number])[];

/** One value, with probability proportional to its weight. */
export function pickWeighted<T>(random: Random, choices: Weighted<T>): T {
  let total = 0;
  for (const [, w] of choices) total += w;
  let r = random() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  return itemAt(choices, choices.length - 1)[0];
}

/** `count` distinct values, each drawn by weight from those not yet drawn. */
export function sampleWeighted<T>(random: Random, choices: Weighted<T>, count: number): T[] {
  const left = choices.slice();
  const out: T[] = [];
  while (out.length < count && left.length > 0) {
    const value = pickWeighted(random, left);
    out.push(value);
    left.splice(left.findIndex(([v]) => v === value), 1);
  }
  return out;
}

/**
 * Weighted sampling over many options in O(log n) per draw (a cumulative table and a binary
 * search): what keeps `syntheticMap` at 50,000 studies well under a second.
 */
class WeightedTable {
  private readonly cumulative: Float64Array;

  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += w;
      this.cumulative[i] = sum;
    });
  }

  get size(): number {
    return this.cumulative.length;
  }

  /** An index in [0, size). */
  sample(random: Random): number {
    const c = this.cumulative;
    const r = random() * (c[c.length - 1] ?? 0);
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((c[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * Zipf-like weights in a seeded random order: a few categories get much of the evidence and
 * many get little, as in real maps, so the synthetic grid has hot spots and real gaps.
 */
function skewedWeights(random: Random, n: number): number[] {
  const ranks = shuffle(random, Array.from({ length: n }, (_, i) => i));
  return ranks.map((rank) => 1 / Math.pow(rank + 1, 0.9));
}

// ---- text helpers --------------------------------------------------------------------------

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** `a`, `a and b`, `a, b and c`. */
function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${itemAt(items, items.length - 1)}`;
}

/**
 * Surnames for generated authors. Some carry accents, an apostrophe or a space so the
 * accent-insensitive search (`nunez` finds "Núñez") can be demonstrated and tested.
 */
const SURNAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Garcia', 'Nguyen', 'Patel', 'Okafor', 'Chen', 'Kim',
  'Singh', 'Campbell', 'MacLeod', 'Fraser', 'Jansen', 'Rossi', 'Ahmed', 'Mensah', 'Tanaka',
  'Kowalski', 'Anderson', 'Taylor', 'Thompson', 'Lee', 'Wilson', 'Martin', 'Walker', 'Robinson',
  'Núñez', 'Müller', 'Ó Briain', 'Søndergaard', 'Hernández', 'Lefèvre', 'Björk', 'Dvořák',
  'Çelik', "O'Connor", 'Ngata', 'Ruiz', 'Murphy', 'Hughes', 'Evans', 'Davies', 'Wright',
];
const INITIALS: readonly string[] = 'ABCDEFGHJKLMNOPRSTW'.split('');

/**
 * Every "Surname X" and one "Surname XY" per initial, built once: large synthetic maps then
 * pick names instead of allocating 150,000 new strings.
 */
const AUTHOR_NAMES: readonly (readonly string[])[] = SURNAMES.map((surname, s) =>
  INITIALS.flatMap((first, i) => [`${surname} ${first}`, `${surname} ${first}${itemAt(INITIALS, (i * 5 + s) % INITIALS.length)}`]),
);

/**
 * "Surname X", a quarter of them "Surname XY"; the surnames of one study are distinct. Drawn
 * by rejection rather than by shuffling the list, as a study has only a handful of authors.
 */
function authorList(random: Random, count: number): string[] {
  const authors: string[] = [];
  const used: number[] = [];
  while (authors.length < Math.min(count, SURNAMES.length)) {
    const s = Math.floor(random() * SURNAMES.length);
    if (used.includes(s)) continue;
    used.push(s);
    const names = itemAt(AUTHOR_NAMES, s);
    const initial = Math.floor(random() * INITIALS.length);
    authors.push(itemAt(names, 2 * initial + (chance(random, 0.25) ? 1 : 0)));
  }
  // An exact-size copy: see `distinctDraws`.
  return authors.slice();
}

// ---- the illustrative peer-support map -----------------------------------------------------

const PEER_STUDY_COUNT = 91;

type SupportType = 'education' | 'emotional-support' | 'self-management' | 'social-support' | 'case-management' | 'service-liaison';
type Outcome = 'physical-health' | 'mental-health' | 'wellbeing' | 'social-connection' | 'health-behaviours' | 'service-use' | 'cost-effectiveness';
type Quality = 'high' | 'medium' | 'low';
type Population = 'chronic' | 'mental-health-conditions' | 'vulnerable-groups' | 'carers';
type Design = 'sr' | 'rct' | 'economic';
type Region = 'us' | 'canada' | 'uk' | 'europe' | 'australia-nz';
type DeliveryMode = 'in-person' | 'remote';
type Facilitation = 'peer-led' | 'co-facilitated';
type Duration = 'up-to-3-months' | 'up-to-6-months' | 'over-6-months';
/** How remote support reached people, so the title and the abstract say the same thing. */
type Channel = 'telephone' | 'online' | 'video-call';

function peerSupportDimensions(): EgmDimension[] {
  return [
    {
      id: 'support',
      label: 'Type of peer support',
      categories: [
        { id: 'education', label: 'Education', description: 'Peers share information and skills about a condition, its treatment or staying healthy.' },
        { id: 'emotional-support', label: 'Emotional and wellbeing support', description: 'Peers listen, encourage and share lived experience to support emotional wellbeing.' },
        { id: 'self-management', label: 'Self-care and self-management', description: 'Peers help people set goals, monitor symptoms and manage a long-term condition day to day.' },
        { id: 'social-support', label: 'Social support', description: 'Peers offer companionship and build social networks, for example through groups or befriending.' },
        { id: 'case-management', label: 'Case management', description: 'Peers coordinate care and practical help across services for an individual.' },
        { id: 'service-liaison', label: 'Health service liaison', description: 'Peers help people find, reach and use health and care services.' },
        {
          id: 'delivery',
          label: 'Delivery mode',
          description: 'How the peer support reached people; studies that report only a mixed or unclear mode are coded to this group itself.',
          children: [
            { id: 'in-person', label: 'In person', description: 'Face-to-face sessions, one to one or in groups.' },
            { id: 'remote', label: 'Remote', description: 'Support by telephone, video call, text message or online forum.' },
          ],
        },
        {
          id: 'facilitation',
          label: 'Who facilitates',
          description: 'Who leads the peer support.',
          children: [
            { id: 'peer-led', label: 'Peer-led', description: 'Led by trained peers with lived experience, without a professional in the sessions.' },
            { id: 'co-facilitated', label: 'Co-facilitated with professionals', description: 'Led jointly by a peer and a health or social care professional.' },
          ],
        },
        {
          id: 'duration',
          label: 'Duration',
          description: 'How long the peer support lasted.',
          children: [
            { id: 'up-to-3-months', label: 'Up to 3 months', description: 'Support lasting three months or less.' },
            { id: 'up-to-6-months', label: 'Up to 6 months', description: 'Support lasting more than three and up to six months.' },
            { id: 'over-6-months', label: 'Over 6 months', description: 'Support lasting more than six months.' },
          ],
        },
      ],
    },
    {
      id: 'outcome',
      label: 'Outcome',
      categories: [
        { id: 'physical-health', label: 'Physical health', description: 'Clinical measures and symptoms such as blood glucose, blood pressure or pain.' },
        { id: 'mental-health', label: 'Mental health', description: 'Symptoms of depression, anxiety or other mental health conditions.' },
        { id: 'wellbeing', label: 'Wellbeing', description: 'Quality of life, self-efficacy, hope and general wellbeing.' },
        { id: 'social-connection', label: 'Social connection', description: 'Loneliness, social isolation and the size or quality of social networks.' },
        { id: 'health-behaviours', label: 'Health behaviours', description: 'Physical activity, diet, medication adherence and other behaviours.' },
        { id: 'service-use', label: 'Service use', description: 'Use of primary care, emergency departments, hospital stays and other services.' },
        { id: 'cost-effectiveness', label: 'Cost-effectiveness', description: 'Costs of the support weighed against its benefits.' },
      ],
    },
    {
      id: 'quality',
      label: 'Study quality',
      description: 'Confidence in the study’s findings, from a critical appraisal.',
      categories: [
        { id: 'high', label: 'High', color: '#1b7837', description: 'Few or no important limitations.' },
        { id: 'medium', label: 'Medium', color: '#e08214', description: 'Some limitations that may affect the findings.' },
        { id: 'low', label: 'Low', color: '#b2182b', description: 'Important limitations; treat the findings with caution.' },
      ],
    },
    {
      id: 'population',
      label: 'Population',
      categories: [
        { id: 'chronic', label: 'Chronic physical conditions', description: 'People living with long-term physical conditions such as diabetes, heart disease or HIV.' },
        { id: 'mental-health-conditions', label: 'Mental health conditions', description: 'People living with depression, psychosis or other mental health conditions.' },
        { id: 'vulnerable-groups', label: 'Vulnerable groups', description: 'People facing social disadvantage, such as homelessness, isolation or leaving prison.' },
        { id: 'carers', label: 'Carers', description: 'Unpaid family members and friends who care for someone.' },
      ],
    },
    {
      id: 'design',
      label: 'Study type',
      categories: [
        { id: 'sr', label: 'Systematic review', description: 'A review that searches for, appraises and synthesises studies systematically.' },
        { id: 'rct', label: 'Randomised controlled trial', description: 'A trial that allocates people to peer support or a comparison at random.' },
        { id: 'economic', label: 'Economic evaluation', description: 'A study that compares the costs and consequences of peer support.' },
      ],
    },
    {
      id: 'region',
      label: 'Region',
      categories: [
        { id: 'us', label: 'United States', description: 'Studies carried out in the United States.' },
        { id: 'canada', label: 'Canada', description: 'Studies carried out in Canada.' },
        { id: 'uk', label: 'United Kingdom', description: 'Studies carried out in England, Scotland, Wales or Northern Ireland.' },
        { id: 'europe', label: 'Europe (outside the UK)', description: 'Studies carried out in other European countries.' },
        { id: 'australia-nz', label: 'Australia and New Zealand', description: 'Studies carried out in Australia or New Zealand.' },
      ],
    },
  ];
}

/*
 * The pattern of the published map, as quotas and weights. Designs, primary regions and the
 * quality of each design are quotas (shuffled by the seed), so "most from the US, few from the
 * UK or Europe", the mix of study types and "RCTs mostly high quality" hold for every seed;
 * everything else is drawn by weight and varies a little from seed to seed.
 */
const DESIGN_QUOTA: Weighted<Design> = [['rct', 58], ['sr', 26], ['economic', 7]];
const REGION_QUOTA: Weighted<Region> = [['us', 52], ['australia-nz', 14], ['canada', 10], ['europe', 8], ['uk', 7]];

/** RCTs are mostly high quality; reviews and economic evaluations mostly low or medium. Each sums to its design's quota. */
const QUALITY_BY_DESIGN: Record<Design, Weighted<Quality>> = {
  rct: [['high', 36], ['medium', 16], ['low', 6]],
  sr: [['high', 4], ['medium', 10], ['low', 12]],
  economic: [['high', 1], ['medium', 3], ['low', 3]],
};

const POPULATION_WEIGHTS: Weighted<Population> = [['chronic', 42], ['mental-health-conditions', 30], ['vulnerable-groups', 15], ['carers', 13]];

/** Most evidence is on education, emotional, self-management and social support; case management is rare. */
const SUPPORT_BY_POPULATION: Record<Population, Weighted<SupportType>> = {
  chronic: [['education', 30], ['emotional-support', 18], ['self-management', 34], ['social-support', 14], ['case-management', 2], ['service-liaison', 5]],
  'mental-health-conditions': [['education', 14], ['emotional-support', 34], ['self-management', 20], ['social-support', 26], ['case-management', 3], ['service-liaison', 6]],
  'vulnerable-groups': [['education', 18], ['emotional-support', 20], ['self-management', 10], ['social-support', 28], ['case-management', 7], ['service-liaison', 14]],
  carers: [['education', 24], ['emotional-support', 34], ['self-management', 6], ['social-support', 30], ['case-management', 1], ['service-liaison', 4]],
};

/** Cost-effectiveness is left out here: only economic evaluations (and a rare review) report it. */
const OUTCOMES_BY_POPULATION: Record<Population, Weighted<Outcome>> = {
  chronic: [['physical-health', 36], ['mental-health', 14], ['wellbeing', 18], ['social-connection', 8], ['health-behaviours', 30], ['service-use', 10]],
  'mental-health-conditions': [['physical-health', 6], ['mental-health', 40], ['wellbeing', 26], ['social-connection', 18], ['health-behaviours', 6], ['service-use', 12]],
  'vulnerable-groups': [['physical-health', 12], ['mental-health', 18], ['wellbeing', 20], ['social-connection', 26], ['health-behaviours', 14], ['service-use', 16]],
  carers: [['physical-health', 4], ['mental-health', 32], ['wellbeing', 30], ['social-connection', 22], ['health-behaviours', 4], ['service-use', 6]],
};

/** How many codes a study carries in one dimension: mostly one or two. */
const CODE_COUNT: Weighted<number> = [[1, 45], [2, 40], [3, 15]];

/** Few studies are co-facilitated or last over six months; not every study reports these. */
const FACILITATION: Weighted<Facilitation | undefined> = [['peer-led', 72], ['co-facilitated', 8], [undefined, 18]];
const DURATION: Weighted<Duration | undefined> = [['up-to-3-months', 36], ['up-to-6-months', 28], ['over-6-months', 7], [undefined, 28]];
const DELIVERY: Weighted<readonly DeliveryMode[]> = [[['in-person'], 58], [['remote'], 22], [['in-person', 'remote'], 8], [[], 12]];

/**
 * Edge cases that exercise the counting rules (spec §3), each given to distinct studies chosen
 * by the seed so that every seed produces all of them.
 */
type EdgeCase =
  | 'delivery-group-only' // coded to the group `delivery` itself, to neither child
  | 'quality-absent' // no `quality` key: the "Not coded" segment
  | 'quality-empty' // `quality: []`: also "Not coded", through the other code path
  | 'two-qualities' // appears in two segments; the cell total stays distinct
  | 'no-year'; // fails any active year range

const EDGE_CASES: Weighted<EdgeCase> = [
  ['delivery-group-only', 3],
  ['quality-absent', 2],
  ['quality-empty', 2],
  ['two-qualities', 2],
  ['no-year', 2],
];

/** A quota list expanded into one entry per study: `[['a', 2]]` → `['a', 'a']`. */
function expandQuota<T>(quota: Weighted<T>): T[] {
  return quota.flatMap(([value, n]) => Array.from({ length: n }, () => value));
}

/** What the quotas fix for one study before anything is drawn by weight. */
interface PeerStudyPlan {
  design: Design;
  primaryRegion: Region;
  quality: Quality;
  edge: EdgeCase | undefined;
}

/** Deals the quotas out over the studies in a seeded order. */
function planPeerStudies(random: Random): PeerStudyPlan[] {
  const designs = shuffle(random, expandQuota(DESIGN_QUOTA));
  const regions = shuffle(random, expandQuota(REGION_QUOTA));
  if (designs.length !== PEER_STUDY_COUNT || regions.length !== PEER_STUDY_COUNT) {
    throw new Error(`DESIGN_QUOTA and REGION_QUOTA must each add up to ${PEER_STUDY_COUNT} studies`);
  }
  const qualities: Record<Design, Quality[]> = {
    rct: shuffle(random, expandQuota(QUALITY_BY_DESIGN.rct)),
    sr: shuffle(random, expandQuota(QUALITY_BY_DESIGN.sr)),
    economic: shuffle(random, expandQuota(QUALITY_BY_DESIGN.economic)),
  };
  const order = shuffle(random, designs.map((_, i) => i));
  const edges = new Map(expandQuota(EDGE_CASES).map((edge, i) => [itemAt(order, i), edge]));
  return designs.map((design, i) => {
    const quality = qualities[design].pop();
    if (quality === undefined) throw new Error(`QUALITY_BY_DESIGN.${design} does not add up to its DESIGN_QUOTA`);
    return { design, primaryRegion: itemAt(regions, i), quality, edge: edges.get(i) };
  });
}

// Wording for titles and abstracts, keyed by code so the text agrees with the coding.

const SUPPORT_PHRASES: Record<SupportType, readonly string[]> = {
  education: ['health education', 'group education', 'structured education', 'health literacy sessions'],
  'emotional-support': ['emotional support', 'mentoring for emotional wellbeing', 'one-to-one emotional support', 'listening support'],
  'self-management': ['self-management support', 'self-management coaching', 'self-care coaching', 'self-management education'],
  'social-support': ['social support groups', 'befriending', 'community support groups', 'social connection groups'],
  'case-management': ['case management', 'care coordination'],
  'service-liaison': ['navigation to health services', 'health service navigation', 'liaison with primary care'],
};

const POPULATION_PHRASES: Record<Population, readonly string[]> = {
  chronic: ['adults with type 2 diabetes', 'people living with heart failure', 'adults living with HIV', 'stroke survivors', 'people with chronic obstructive pulmonary disease', 'adults with chronic pain', 'women with breast cancer'],
  'mental-health-conditions': ['adults with severe mental illness', 'people with depression', 'new mothers at risk of postnatal depression', 'veterans with post-traumatic stress', 'young people with first-episode psychosis'],
  'vulnerable-groups': ['people experiencing homelessness', 'older adults living alone', 'refugees and asylum seekers', 'people leaving prison', 'people in recovery from substance use'],
  carers: ['family carers of people with dementia', 'parents of children with autism', 'carers of stroke survivors', 'young carers'],
};

const OUTCOME_PHRASES: Record<Outcome, string> = {
  'physical-health': 'physical health',
  'mental-health': 'mental health',
  wellbeing: 'wellbeing',
  'social-connection': 'loneliness and social connection',
  'health-behaviours': 'health behaviours',
  'service-use': 'use of health services',
  'cost-effectiveness': 'costs',
};

const PLACES: Record<Region, readonly string[]> = {
  us: ['the United States'],
  canada: ['Canada'],
  uk: ['England', 'Scotland', 'Wales', 'the United Kingdom'],
  europe: ['the Netherlands', 'Denmark', 'Germany', 'Spain', 'Ireland'],
  'australia-nz': ['Australia', 'New Zealand'],
};

const JOURNALS_BY_POPULATION: Record<Population, readonly string[]> = {
  chronic: ['BMJ Open', 'Patient Education and Counseling', 'Chronic Illness', 'Journal of General Internal Medicine', 'Health Expectations'],
  'mental-health-conditions': ['Psychiatric Services', 'BMC Psychiatry', 'Journal of Mental Health', 'Community Mental Health Journal'],
  'vulnerable-groups': ['Health & Social Care in the Community', 'BMC Public Health', 'Journal of Urban Health'],
  carers: ['Health & Social Care in the Community', 'International Journal of Care and Caring', 'Health Expectations'],
};
const REVIEW_JOURNALS: readonly string[] = ['Systematic Reviews', 'BMJ Open', 'Campbell Systematic Reviews', 'Health Technology Assessment'];
const ECONOMIC_JOURNALS: readonly string[] = ['Value in Health', 'PharmacoEconomics', 'Health Economics'];

/** Everything decided about one study before its text is written. */
interface PeerStudyFacts {
  design: Design;
  regions: Region[];
  populations: Population[];
  support: SupportType[];
  delivery: readonly DeliveryMode[] | 'group-only';
  channel: Channel;
  facilitation: Facilitation | undefined;
  duration: Duration | undefined;
  outcomes: Outcome[];
  quality: Quality[] | 'absent';
  year: number | undefined;
}

/**
 * Primary studies have one region. Some reviews span two: most of the studies they pool are
 * American, so the second region is the US, or for a US review one more region by weight.
 */
function drawRegions(random: Random, design: Design, primary: Region): Region[] {
  if (design !== 'sr' || !chance(random, 0.45)) return [primary];
  if (primary !== 'us') return [primary, 'us'];
  return [primary, pickWeighted(random, REGION_QUOTA.filter(([r]) => r !== primary))];
}

function drawOutcomes(random: Random, design: Design, population: Population): Outcome[] {
  const weights = OUTCOMES_BY_POPULATION[population];
  if (design === 'economic') {
    // Every economic evaluation reports cost-effectiveness, usually with service use too.
    const extra = sampleWeighted(random, weights.map(([o, w]) => [o, o === 'service-use' ? w * 4 : w] as const), randomInt(random, 0, 2));
    return ['cost-effectiveness', ...extra];
  }
  const outcomes = sampleWeighted(random, weights, pickWeighted(random, CODE_COUNT));
  if (design === 'sr' && chance(random, 0.08)) outcomes.push('cost-effectiveness');
  return outcomes;
}

/**
 * The planned rating, or (edge cases) none, or two adjacent ones, as when two appraisal tools
 * disagree. A study with no rating still uses up its slot in the quota.
 */
function drawQuality(random: Random, rating: Quality, edge: EdgeCase | undefined): PeerStudyFacts['quality'] {
  if (edge === 'quality-absent') return 'absent';
  if (edge === 'quality-empty') return [];
  if (edge !== 'two-qualities') return [rating];
  return rating === 'medium' ? ['medium', pick(random, ['high', 'low'] as const)] : [rating, 'medium'];
}

/** Years 2000–2021, more of them recent, as the field grew. */
function drawYear(random: Random): number {
  return Math.min(2021, 2000 + Math.floor(22 * Math.pow(random(), 0.7)));
}

function drawPeerFacts(random: Random, { design, primaryRegion, quality, edge }: PeerStudyPlan): PeerStudyFacts {
  const populations = sampleWeighted(random, POPULATION_WEIGHTS, chance(random, 0.15) ? 2 : 1);
  const main = itemAt(populations, 0);
  return {
    design,
    regions: drawRegions(random, design, primaryRegion),
    populations,
    support: sampleWeighted(random, SUPPORT_BY_POPULATION[main], pickWeighted(random, CODE_COUNT)),
    delivery: edge === 'delivery-group-only' ? 'group-only' : pickWeighted(random, DELIVERY),
    channel: pick(random, ['telephone', 'online', 'video-call'] as const),
    facilitation: pickWeighted(random, FACILITATION),
    duration: pickWeighted(random, DURATION),
    outcomes: drawOutcomes(random, design, main),
    quality: drawQuality(random, quality, edge),
    year: edge === 'no-year' ? undefined : drawYear(random),
  };
}

/** The intervention as a noun phrase: "online peer-led befriending". */
function interventionPhrase(random: Random, facts: PeerStudyFacts): string {
  const mode = facts.delivery === 'group-only' || facts.delivery.length !== 1 || facts.delivery[0] === 'in-person'
    ? ''
    : `${facts.channel} `;
  const leader = facts.facilitation === 'co-facilitated' ? 'peer and professional co-led' : facts.facilitation === 'peer-led' ? 'peer-led' : 'peer-delivered';
  return `${mode}${leader} ${pick(random, SUPPORT_PHRASES[itemAt(facts.support, 0)])}`;
}

function firstHealthOutcome(facts: PeerStudyFacts): string {
  const outcome = facts.outcomes.find((o) => o !== 'cost-effectiveness') ?? 'wellbeing';
  return OUTCOME_PHRASES[outcome];
}

function peerTitle(random: Random, facts: PeerStudyFacts, intervention: string, population: string): string {
  const outcome = firstHealthOutcome(facts);
  const templates: Record<Design, readonly string[]> = {
    rct: [
      `${capitalise(intervention)} for ${population}: a randomised controlled trial`,
      `${capitalise(intervention)} for ${population}: a pragmatic randomised controlled trial`,
      `Effect of ${intervention} on ${outcome} in ${population}: a randomised controlled trial`,
      `${capitalise(intervention)} for ${population}: a cluster randomised trial`,
      ...(facts.duration === 'over-6-months' ? [`${capitalise(intervention)} for ${population}: 12-month results of a randomised controlled trial`] : []),
    ],
    sr: [
      `${capitalise(intervention)} for ${population}: a systematic review`,
      `${capitalise(intervention)} for ${population}: a systematic review and meta-analysis`,
      `Does ${intervention} improve ${outcome} in ${population}? A systematic review`,
    ],
    economic: [
      `Cost-effectiveness of ${intervention} for ${population}: an economic evaluation`,
      `Costs and consequences of ${intervention} for ${population}: an economic evaluation alongside a randomised trial`,
    ],
  };
  return pick(random, templates[facts.design]);
}

function openingSentence(random: Random, facts: PeerStudyFacts, intervention: string, population: string): string {
  const place = pick(random, PLACES[itemAt(facts.regions, 0)]);
  switch (facts.design) {
    case 'rct':
      return `We randomised ${randomInt(random, 4, 60) * 10} ${population} in ${place} to ${intervention} or usual care.`;
    case 'sr':
      return `We searched for studies of ${intervention} for ${population} and included ${randomInt(random, 5, 40)}, most of them from ${place}.`;
    case 'economic':
      return `We estimated the costs and benefits of ${intervention} for ${population} in ${place}, alongside a randomised trial.`;
  }
}

const CHANNEL_PHRASES: Record<Channel, string> = {
  telephone: ' by telephone',
  online: ' through an online platform',
  'video-call': ' by video call',
};

const DURATION_PHRASES: Record<Duration, string> = {
  'up-to-3-months': ' for up to three months',
  'up-to-6-months': ' for four to six months',
  'over-6-months': ' for more than six months',
};

/** How the support was delivered, or nothing when the study reports none of it. */
function deliverySentence(facts: PeerStudyFacts): string | undefined {
  const who = facts.facilitation === 'co-facilitated' ? 'Trained peers and a health professional' : facts.facilitation === 'peer-led' ? 'Trained peers' : undefined;
  const how = facts.delivery === 'group-only'
    ? ' in a format that was not described in detail'
    : facts.delivery.length === 2 ? ' in person and remotely' : facts.delivery[0] === 'remote' ? CHANNEL_PHRASES[facts.channel] : facts.delivery[0] === 'in-person' ? ' face to face' : '';
  const howLong = facts.duration ? DURATION_PHRASES[facts.duration] : '';
  if (who === undefined && how === '' && howLong === '') return undefined;
  const sentence = `${who ?? 'Peer supporters'} delivered the support${how}${howLong}.`;
  // A review describes the interventions of the studies it includes, not one of its own.
  return facts.design === 'sr' ? `In most included studies, ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}` : sentence;
}

function findingSentence(random: Random, facts: PeerStudyFacts): string {
  const outcomes = joinAnd(facts.outcomes.filter((o) => o !== 'cost-effectiveness').map((o) => OUTCOME_PHRASES[o]));
  const measured = outcomes === '' ? 'health outcomes' : outcomes;
  const findings: Record<Design, readonly string[]> = {
    rct: [
      `Peer support led to small improvements in ${measured}.`,
      `There were no clear differences in ${measured} at follow-up.`,
      `Effects on ${measured} favoured peer support but were imprecise.`,
    ],
    sr: [
      `Evidence on ${measured} was mixed and mostly of low certainty.`,
      `Pooled results suggested modest benefits for ${measured}.`,
    ],
    economic: [
      'Peer support was likely to be cost-effective, mainly through fewer hospital admissions.',
      `Costs were higher than usual care, with uncertain gains in ${measured}.`,
    ],
  };
  return pick(random, findings[facts.design]);
}

function peerSource(random: Random, facts: PeerStudyFacts): string {
  if (facts.design === 'sr') return pick(random, REVIEW_JOURNALS);
  if (facts.design === 'economic') return pick(random, ECONOMIC_JOURNALS);
  return pick(random, JOURNALS_BY_POPULATION[itemAt(facts.populations, 0)]);
}

/** The `support` codes: types of support first, then delivery mode, facilitation, duration. */
function supportCodes(facts: PeerStudyFacts): string[] {
  const codes: string[] = [...facts.support];
  if (facts.delivery === 'group-only') codes.push('delivery');
  else codes.push(...facts.delivery);
  if (facts.facilitation) codes.push(facts.facilitation);
  if (facts.duration) codes.push(facts.duration);
  return codes;
}

function peerCodes(facts: PeerStudyFacts): Record<string, string[]> {
  const codes: Record<string, string[]> = { support: supportCodes(facts), outcome: [...facts.outcomes] };
  if (facts.quality !== 'absent') codes.quality = [...facts.quality];
  codes.population = [...facts.populations];
  codes.design = [facts.design];
  codes.region = [...facts.regions];
  return codes;
}

function peerStudy(random: Random, index: number, facts: PeerStudyFacts): EgmStudy {
  const id = `s${String(index + 1).padStart(3, '0')}`;
  const population = pick(random, POPULATION_PHRASES[itemAt(facts.populations, 0)]);
  const intervention = interventionPhrase(random, facts);
  const sentences = [openingSentence(random, facts, intervention, population), deliverySentence(facts), findingSentence(random, facts)];
  const doi = `10.5555/egm.${id}`;
  return {
    id,
    title: peerTitle(random, facts, intervention, population),
    authors: authorList(random, facts.design === 'sr' ? randomInt(random, 2, 6) : randomInt(random, 1, 6)),
    ...(facts.year !== undefined ? { year: facts.year } : {}),
    source: peerSource(random, facts),
    abstract: sentences.filter((s): s is string => s !== undefined).join(' '),
    url: `https://doi.org/${doi}`,
    doi,
    codes: peerCodes(facts),
  };
}

/**
 * An ILLUSTRATIVE map of 91 invented studies, shaped like a published UK evidence and gap map
 * of peer support in health and social care: most studies from the US, few from the UK or
 * Europe; most on education, emotional, self-management and social support; few on case
 * management, co-facilitated support, support over six months or cost-effectiveness.
 */
export function peerSupportMap(seed = 2022): EgmMap {
  const random = mulberry32(seed);
  const studies = planPeerStudies(random).map((plan, i) => peerStudy(random, i, drawPeerFacts(random, plan)));
  return {
    format: 'egm/1',
    id: 'peer-support-illustrative',
    title: 'Peer support in health and social care (illustrative)',
    description:
      'An illustrative demo map. Its structure and broad pattern follow a published UK evidence and gap map of 91 studies of peer support in health and social care, but every study here is generated: the titles, authors, abstracts and DOIs are invented and are not real citations.',
    aboutHtml:
      '<p>Methods (illustrative): studies of peer support in health and social care were coded by type of support, delivery, outcome, population, study type and region, and each was appraised for quality. This demo reproduces the shape of the evidence, not its records: every study is generated by <code>scripts/demo-data.ts</code> (seed ' +
      `${seed}), and its DOI uses the test prefix 10.5555.</p>`,
    links: [{ label: 'About egm-components', url: 'https://example.org/egm-components' }],
    version: '1.0',
    searchDate: '2021-06-30',
    citation: `egm-components contributors. Peer support in health and social care: an illustrative evidence and gap map (generated demo data, seed ${seed}).`,
    license: 'CC-BY-4.0',
    dimensions: peerSupportDimensions(),
    layout: {
      rows: 'support',
      columns: 'outcome',
      segments: 'quality',
      filters: ['population', 'design', 'region'],
      reviews: { dimension: 'design', categories: ['sr'] },
    },
    studies,
  };
}

// ---- synthetic maps of any size ------------------------------------------------------------

export interface SyntheticMapOptions {
  /** How many studies. */
  studies: number;
  /** Defaults to 1. */
  seed?: number;
  /** Leaf rows (default 60). */
  rowLeaves?: number;
  /** Row groups the leaves are spread over (default 8, or fewer when there are fewer leaves; 0 for a flat list). */
  rowGroups?: number;
  /** Leaf columns (default 40). */
  columnLeaves?: number;
  /** Column groups (default 6, or fewer when there are fewer leaves; 0 for a flat list). */
  columnGroups?: number;
  /** Segment categories (default 5; 0 for no segment dimension). */
  segments?: number;
  /** Filter dimensions of 3–8 categories each (default 6). */
  filterDimensions?: number;
  /** Make some category labels 60–120 characters long, to test wrapping. */
  longLabels?: boolean;
}

type ResolvedSyntheticOptions = Required<SyntheticMapOptions>;

const SYNTHETIC_DEFAULTS: Omit<ResolvedSyntheticOptions, 'studies'> = {
  seed: 1,
  rowLeaves: 60,
  rowGroups: 8,
  columnLeaves: 40,
  columnGroups: 6,
  segments: 5,
  filterDimensions: 6,
  longLabels: false,
};

function resolveSyntheticOptions(options: SyntheticMapOptions): ResolvedSyntheticOptions {
  const o: ResolvedSyntheticOptions = { ...SYNTHETIC_DEFAULTS, ...options };
  // Default group counts shrink to fit a small axis (`rowLeaves: 3` alone should just work);
  // only explicitly asked-for impossible ones are an error.
  if (options.rowGroups === undefined) o.rowGroups = Math.min(o.rowGroups, o.rowLeaves);
  if (options.columnGroups === undefined) o.columnGroups = Math.min(o.columnGroups, o.columnLeaves);
  const counts = ['studies', 'rowLeaves', 'rowGroups', 'columnLeaves', 'columnGroups', 'segments', 'filterDimensions'] as const;
  for (const key of counts) {
    if (!Number.isInteger(o[key]) || o[key] < 0) throw new RangeError(`syntheticMap: ${key} must be a whole number ≥ 0, but is ${String(o[key])}`);
  }
  if (o.rowLeaves < 1 || o.columnLeaves < 1) throw new RangeError('syntheticMap: rowLeaves and columnLeaves must be at least 1');
  if (o.rowGroups > o.rowLeaves || o.columnGroups > o.columnLeaves) throw new RangeError('syntheticMap: there cannot be more groups than leaves');
  return o;
}

/**
 * Paul Tol's "bright" qualitative palette: distinguishable with the common colour-vision
 * deficiencies. More segments than colours reuse them in order.
 */
const COLOUR_BLIND_SAFE: readonly string[] = ['#4477aa', '#ee6677', '#228833', '#ccbb44', '#66ccee', '#aa3377', '#bbbbbb'];

const ROW_WORDS_A: readonly string[] = ['Community', 'Digital', 'School-based', 'Clinical', 'Financial', 'Family', 'Workplace', 'Housing', 'Nutrition', 'Mobile', 'Group', 'Legal', 'Vocational', 'Outreach', 'Home'];
const ROW_WORDS_B: readonly string[] = ['coaching', 'incentives', 'training', 'screening', 'counselling', 'vouchers', 'mentoring', 'reminders', 'navigation', 'campaigns', 'subsidies', 'visits', 'classes', 'networks'];
const COLUMN_WORDS_A: readonly string[] = ['Child', 'Maternal', 'Adult', 'Household', 'School', 'Employment', 'Mental', 'Physical', 'Social', 'Economic', 'Civic', 'Dental', 'Sexual', 'Food'];
const COLUMN_WORDS_B: readonly string[] = ['health', 'attendance', 'income', 'wellbeing', 'security', 'outcomes', 'behaviour', 'safety', 'participation', 'literacy', 'access', 'mortality'];
const GROUP_WORDS: readonly string[] = ['Prevention', 'Treatment', 'Education', 'Social protection', 'Governance', 'Infrastructure', 'Health systems', 'Livelihoods', 'Environment', 'Justice', 'Technology', 'Culture'];
const LONG_TAILS: readonly string[] = [
  'delivered through community organisations', 'with follow-up at twelve months', 'in low- and middle-income settings',
  'combined with routine primary care', 'including carers and family members', 'as reported by participants themselves',
  'adapted for rural and remote areas', 'measured with validated instruments',
];
const SEGMENT_LABELS: readonly string[] = ['Systematic review', 'Randomised trial', 'Quasi-experimental', 'Observational', 'Qualitative', 'Economic evaluation', 'Process evaluation'];
const FILTER_DIMENSIONS: readonly { id: string; label: string; categories: readonly string[] }[] = [
  { id: 'population', label: 'Population', categories: ['Children', 'Adolescents', 'Adults', 'Older adults', 'Families', 'Women', 'Men', 'Mixed'] },
  { id: 'region', label: 'Region', categories: ['Africa', 'Asia', 'Europe', 'Latin America', 'North America', 'Oceania', 'Middle East', 'Global'] },
  { id: 'setting', label: 'Setting', categories: ['Urban', 'Rural', 'Clinic', 'School', 'Home', 'Workplace', 'Online', 'Prison'] },
  { id: 'age-group', label: 'Age group', categories: ['0–4', '5–11', '12–17', '18–25', '26–64', '65+', 'All ages', 'Not reported'] },
  { id: 'funding', label: 'Funding', categories: ['Public', 'Charity', 'Industry', 'Mixed', 'None', 'Not reported', 'International', 'Academic'] },
  { id: 'language', label: 'Language', categories: ['English', 'Español', 'Français', 'Português', 'Deutsch', 'Türkçe', '中文', 'Other'] },
];
/** Words for titles and abstracts; a few accented ones for accent-insensitive search. */
const TEXT_WORDS: readonly string[] = [
  'effects', 'community', 'health', 'programme', 'evaluation', 'trial', 'outcomes', 'support', 'children', 'adults',
  'rural', 'urban', 'school', 'cash', 'transfers', 'nutrition', 'mental', 'wellbeing', 'mobile', 'digital', 'training',
  'income', 'women', 'workers', 'households', 'care', 'access', 'quality', 'cost', 'impact', 'pilot', 'scale-up',
  'café', 'naïve', 'coöperative', 'résumé', 'São Paulo', 'Zürich', 'Malmö',
];
const SYNTHETIC_SOURCES: readonly string[] = ['Journal of Development Effectiveness', 'BMJ Global Health', 'PLOS ONE', 'The Lancet', 'World Development', 'Campbell Systematic Reviews', 'Working paper'];

/** A label of 60–120 characters: the base, then descriptive tails, cut at a word boundary. */
function longLabel(random: Random, base: string): string {
  const target = randomInt(random, 60, 120);
  let label = base;
  while (label.length < target) label += `, ${pick(random, LONG_TAILS)}`;
  if (label.length <= 120) return label;
  return label.slice(0, label.lastIndexOf(' ', 120)).replace(/,$/, '');
}

/** Two-word labels from word lists, made unique with a number when the words run out. */
function uniqueLabel(random: Random, used: Set<string>, first: readonly string[], second: readonly string[]): string {
  let label = `${pick(random, first)} ${pick(random, second)}`;
  for (let n = 2; used.has(label); n++) label = `${label.replace(/ \d+$/, '')} ${n}`;
  used.add(label);
  return label;
}

/** The sizes of `groups` groups holding `leaves` leaves as evenly as possible. */
function groupSizes(leaves: number, groups: number): number[] {
  return Array.from({ length: groups }, (_, g) => Math.floor(leaves / groups) + (g < leaves % groups ? 1 : 0));
}

/** A grid axis, with the lookup tables that drawing codes needs. */
interface SyntheticAxis {
  dimension: EgmDimension;
  leafIds: string[];
  groupIds: string[];
  leafTable: WeightedTable;
}

interface AxisSpec {
  id: string;
  label: string;
  /** Short id prefix: leaves are `${prefix}1…`, groups `${prefix}g1…`. */
  prefix: string;
  leaves: number;
  groups: number;
  words: readonly [readonly string[], readonly string[]];
  longLabels: boolean;
}

function syntheticAxis(random: Random, spec: AxisSpec): SyntheticAxis {
  const used = new Set<string>();
  const leafIds: string[] = [];
  const makeLeaf = (): EgmCategory => {
    const n = leafIds.length + 1;
    const id = `${spec.prefix}${n}`;
    leafIds.push(id);
    const base = uniqueLabel(random, used, spec.words[0], spec.words[1]);
    // Every fourth leaf gets a long label: enough to test wrapping without making every header long.
    return { id, label: spec.longLabels && n % 4 === 2 ? longLabel(random, base) : base };
  };
  const groupIds: string[] = [];
  let categories: EgmCategory[];
  if (spec.groups === 0) {
    categories = Array.from({ length: spec.leaves }, makeLeaf);
  } else {
    categories = groupSizes(spec.leaves, spec.groups).map((size, g) => {
      const id = `${spec.prefix}g${g + 1}`;
      groupIds.push(id);
      const base = g < GROUP_WORDS.length ? itemAt(GROUP_WORDS, g) : `Group ${g + 1}`;
      const label = spec.longLabels && g % 3 === 1 ? longLabel(random, base) : base;
      return { id, label, children: Array.from({ length: size }, makeLeaf) };
    });
  }
  return {
    dimension: { id: spec.id, label: spec.label, categories },
    leafIds,
    groupIds,
    leafTable: new WeightedTable(skewedWeights(random, spec.leaves)),
  };
}

/** A flat dimension with skewed weights, for segments and filters. */
interface SyntheticFlat {
  dimension: EgmDimension;
  ids: string[];
  table: WeightedTable;
}

function syntheticSegments(random: Random, count: number): SyntheticFlat {
  // The first segment is `sr` so `layout.reviews` has a category to name.
  const categories = Array.from({ length: count }, (_, i): EgmCategory => ({
    id: i === 0 ? 'sr' : `design-${i + 1}`,
    label: i < SEGMENT_LABELS.length ? itemAt(SEGMENT_LABELS, i) : `Design ${i + 1}`,
    color: itemAt(COLOUR_BLIND_SAFE, i % COLOUR_BLIND_SAFE.length),
  }));
  return {
    dimension: { id: 'design', label: 'Study design', categories },
    ids: categories.map((c) => c.id),
    table: new WeightedTable(skewedWeights(random, count)),
  };
}

function syntheticFilter(random: Random, index: number, longLabels: boolean): SyntheticFlat {
  const known = FILTER_DIMENSIONS[index];
  const id = known?.id ?? `filter-${index + 1}`;
  const label = known?.label ?? `Filter ${index + 1}`;
  const categories = Array.from({ length: randomInt(random, 3, 8) }, (_, i): EgmCategory => {
    const base = known?.categories[i] ?? `${label} ${i + 1}`;
    return { id: `${id}-${i + 1}`, label: longLabels && i === 2 ? longLabel(random, base) : base };
  });
  return {
    dimension: { id, label, categories },
    ids: categories.map((c) => c.id),
    table: new WeightedTable(skewedWeights(random, categories.length)),
  };
}

const AXIS_CODE_COUNT: Weighted<number> = [[1, 40], [2, 30], [3, 20], [4, 10]];

/** 1–4 distinct codes, mostly leaves; now and then a group id, to exercise group-only counting. */
function axisCodes(random: Random, axis: SyntheticAxis): string[] {
  return distinctDraws(pickWeighted(random, AXIS_CODE_COUNT), () =>
    axis.groupIds.length > 0 && chance(random, 0.05) ? pick(random, axis.groupIds) : itemAt(axis.leafIds, axis.leafTable.sample(random)),
  );
}

/** `count` distinct ids drawn by weight (small counts, so a linear `includes` is cheapest). */
function flatCodes(random: Random, flat: SyntheticFlat, count: number): string[] {
  return distinctDraws(count, () => itemAt(flat.ids, flat.table.sample(random)));
}

/** Reused by `distinctDraws`; never handed out. */
const scratch: string[] = [];

/**
 * Up to `count` distinct values of `draw()` (a few retries on repeats, then fewer). Collects into
 * a reused scratch list and returns an exact-size copy: a list grown by `push` keeps spare
 * capacity, which across 50,000 studies × 9 code lists doubled the memory and GC time.
 */
function distinctDraws(count: number, draw: () => string): string[] {
  scratch.length = 0;
  for (let attempt = 0; scratch.length < count && attempt < count * 4; attempt++) {
    const id = draw();
    if (!scratch.includes(id)) scratch.push(id);
  }
  return scratch.slice();
}

function words(random: Random, count: number): string {
  return Array.from({ length: count }, () => pick(random, TEXT_WORDS)).join(' ');
}

/**
 * Titles and abstract texts are drawn once into pools of up to this many, and study i takes
 * entry i modulo the pool size: in maps of up to 4,093 studies every study gets its own draw,
 * and 50,000 studies cost 8,000 random texts rather than 100,000 (string building dominated
 * the time). The sizes are coprime so a title and an abstract do not repeat in lockstep.
 */
const TITLE_POOL = 4096;
const ABSTRACT_POOL = 4093;

interface TextPools {
  titles: string[];
  abstracts: string[];
}

function textPools(random: Random, studies: number): TextPools {
  return {
    titles: Array.from({ length: Math.min(studies, TITLE_POOL) }, () => capitalise(words(random, randomInt(random, 3, 7)))),
    abstracts: Array.from({ length: Math.min(studies, ABSTRACT_POOL) }, () => `${capitalise(words(random, randomInt(random, 8, 16)))}.`),
  };
}

interface SyntheticParts {
  rows: SyntheticAxis;
  columns: SyntheticAxis;
  segments: SyntheticFlat | undefined;
  filters: SyntheticFlat[];
  text: TextPools;
}

function syntheticStudy(random: Random, index: number, idWidth: number, parts: SyntheticParts): EgmStudy {
  const codes: Record<string, string[]> = {
    [parts.rows.dimension.id]: axisCodes(random, parts.rows),
    [parts.columns.dimension.id]: axisCodes(random, parts.columns),
  };
  if (parts.segments) {
    // Mostly one segment; a few studies with none ("Not coded") or two.
    const r = random();
    codes[parts.segments.dimension.id] = flatCodes(random, parts.segments, r < 0.04 ? 0 : r < 0.92 ? 1 : 2);
  }
  for (const filter of parts.filters) codes[filter.dimension.id] = flatCodes(random, filter, chance(random, 0.75) ? 1 : 2);
  const id = `syn-${String(index + 1).padStart(idWidth, '0')}`;
  const title = itemAt(parts.text.titles, index % parts.text.titles.length);
  const authors = authorList(random, randomInt(random, 1, 5));
  const source = pick(random, SYNTHETIC_SOURCES);
  const abstract = itemAt(parts.text.abstracts, index % parts.text.abstracts.length);
  // About 2% have no year, as in real imports. Two plain literals rather than a conditional
  // spread, which made the whole generator 20% slower.
  return chance(random, 0.02)
    ? { id, title, authors, source, abstract, codes }
    : { id, title, authors, year: randomInt(random, 1990, 2024), source, abstract, codes };
}

/**
 * A seeded synthetic map for stress tests, stories and the benchmark. Category weights are
 * skewed (Zipf-like), so the grid has hot spots and gaps like a real map.
 */
export function syntheticMap(options: SyntheticMapOptions): EgmMap {
  const o = resolveSyntheticOptions(options);
  const random = mulberry32(o.seed);
  const rows = syntheticAxis(random, { id: 'intervention', label: 'Intervention', prefix: 'i', leaves: o.rowLeaves, groups: o.rowGroups, words: [ROW_WORDS_A, ROW_WORDS_B], longLabels: o.longLabels });
  const columns = syntheticAxis(random, { id: 'outcome', label: 'Outcome', prefix: 'o', leaves: o.columnLeaves, groups: o.columnGroups, words: [COLUMN_WORDS_A, COLUMN_WORDS_B], longLabels: o.longLabels });
  const segments = o.segments > 0 ? syntheticSegments(random, o.segments) : undefined;
  const filters = Array.from({ length: o.filterDimensions }, (_, i) => syntheticFilter(random, i, o.longLabels));
  const parts: SyntheticParts = { rows, columns, segments, filters, text: textPools(random, o.studies) };
  const idWidth = Math.max(3, String(o.studies).length);
  const studies = Array.from({ length: o.studies }, (_, i) => syntheticStudy(random, i, idWidth, parts));

  const map: EgmMap = {
    format: 'egm/1',
    id: `synthetic-${o.studies}-seed-${o.seed}`,
    title: `Synthetic map: ${o.studies} generated studies`,
    description: `Synthetic test data generated by scripts/demo-data.ts (seed ${o.seed}). The studies, categories and names are random and mean nothing.`,
    dimensions: [rows.dimension, columns.dimension, ...(segments ? [segments.dimension] : []), ...filters.map((f) => f.dimension)],
    layout: { rows: rows.dimension.id, columns: columns.dimension.id },
    studies,
  };
  if (segments) {
    map.layout.segments = segments.dimension.id;
    map.layout.reviews = { dimension: segments.dimension.id, categories: ['sr'] };
  }
  if (filters.length > 0) map.layout.filters = filters.map((f) => f.dimension.id);
  return map;
}
