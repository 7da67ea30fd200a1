/**
 * A fixed-size set of study positions, 32 to a word. Filtering and facet counts are a few
 * word-wise ANDs and ORs over these, so they cost (studies / 32) operations per category.
 */
export class Bitset {
  readonly size: number;
  readonly words: Uint32Array;

  constructor(size: number, words?: Uint32Array) {
    this.size = size;
    this.words = words ?? new Uint32Array((size + 31) >>> 5);
  }

  /** A set holding every position below `size`. */
  static full(size: number): Bitset {
    const b = new Bitset(size);
    b.words.fill(0xffffffff);
    const tail = size & 31;
    if (tail && b.words.length) b.words[b.words.length - 1] = (1 << tail) - 1;
    return b;
  }

  add(i: number): void {
    this.words[i >>> 5] |= 1 << (i & 31);
  }

  has(i: number): boolean {
    return (this.words[i >>> 5] & (1 << (i & 31))) !== 0;
  }

  clone(): Bitset {
    return new Bitset(this.size, this.words.slice());
  }

  /** this ∪= other */
  orWith(other: Bitset): this {
    const a = this.words, b = other.words;
    for (let i = 0; i < a.length; i++) a[i] |= b[i];
    return this;
  }

  /** this ∩= other */
  andWith(other: Bitset): this {
    const a = this.words, b = other.words;
    for (let i = 0; i < a.length; i++) a[i] &= b[i];
    return this;
  }

  /** this −= other */
  andNotWith(other: Bitset): this {
    const a = this.words, b = other.words;
    for (let i = 0; i < a.length; i++) a[i] &= ~b[i];
    return this;
  }

  count(): number {
    let n = 0;
    for (const w of this.words) n += popcount(w);
    return n;
  }

  /** |this ∩ other| without allocating. */
  andCount(other: Bitset): number {
    const a = this.words, b = other.words;
    let n = 0;
    for (let i = 0; i < a.length; i++) {
      const w = a[i] & b[i];
      if (w) n += popcount(w);
    }
    return n;
  }

  /** |this △ other|: how many positions are in one set but not both. */
  xorCount(other: Bitset): number {
    const a = this.words, b = other.words;
    let n = 0;
    for (let i = 0; i < a.length; i++) {
      const w = a[i] ^ b[i];
      if (w) n += popcount(w);
    }
    return n;
  }

  /** Calls `fn` with each position in ascending order. */
  forEach(fn: (i: number) => void): void {
    const a = this.words;
    for (let k = 0; k < a.length; k++) {
      let w = a[k];
      while (w) {
        const t = w & -w;
        fn((k << 5) + 31 - Math.clz32(t));
        w ^= t;
      }
    }
  }

  toArray(): number[] {
    const out: number[] = [];
    this.forEach((i) => out.push(i));
    return out;
  }
}

export function popcount(w: number): number {
  w = w - ((w >>> 1) & 0x55555555);
  w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
  return (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
