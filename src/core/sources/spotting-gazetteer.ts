// The gazetteer as place spotting reads it. Each name's records are asked once and remembered
// (news repeats its names, and resolving a name asks again what finding it asked), and every
// query is charged to the item being read: the query and each record it returns cost one. Once
// an item's allowance is spent the gazetteer answers nothing more for that item, and what it did
// not answer is not remembered: an item naming many real places (a hostile feed can) costs a
// bounded few milliseconds, and the next item reads as before.
import type { Gazetteer, GazetteerPlace } from '../places/gazetteer-port.js';

type Named = ReturnType<Gazetteer['named']>;

export class SpottingGazetteer implements Gazetteer {
  readonly #named = new Map<string, Named>();
  readonly #own = new Map<string, GazetteerPlace[]>();
  readonly #peoples = new Map<string, string[]>();
  readonly #countries = new Map<string, string[]>();
  readonly #latin = new Map<string, string[]>();
  #left = 0;
  #spent = false;

  /** `remembered`: names kept of each kind; past it, all are forgotten at once. */
  constructor(
    private readonly inner: Gazetteer,
    private readonly remembered: number,
  ) {}

  /** Starts reading an item that may cost this much. */
  startItem(allowance: number): void {
    this.#left = allowance;
    this.#spent = false;
  }

  /** Whether the item's allowance ran out: what was read since may be short of the truth. */
  get spent(): boolean {
    return this.#spent;
  }

  named(key: string): Named {
    return this.#ask(this.#named, key, () => this.inner.named(key));
  }

  ownNamed(key: string): GazetteerPlace[] {
    return this.#ask(this.#own, key, () => this.inner.ownNamed(key));
  }

  byRef(ref: string): GazetteerPlace | undefined {
    return this.inner.byRef(ref);
  }

  arabicNames(ref: string): string[] {
    return this.inner.arabicNames(ref);
  }

  /** Asked again for each place a spelling locates to (the area it reads): remembered, not charged. */
  latinNames(ref: string): string[] {
    return this.#free(this.#latin, ref, () => this.inner.latinNames(ref));
  }

  demonyms(countryCode: string): string[] {
    return this.inner.demonyms(countryCode);
  }

  countriesOfPeople(key: string): string[] {
    return this.#free(this.#peoples, key, () => this.inner.countriesOfPeople(key));
  }

  neighbours(countryCode: string): string[] {
    return this.inner.neighbours(countryCode);
  }

  countryNames(countryCode: string): string[] {
    return this.inner.countryNames(countryCode);
  }

  countriesNamed(key: string): string[] {
    return this.#free(this.#countries, key, () => this.inner.countriesNamed(key));
  }

  /**
   * Not charged to the item: the tables of peoples' and countries' names are small and each word
   * of an item asks them at most once, so the allowance is left for the places.
   */
  #free(memo: Map<string, string[]>, key: string, query: () => string[]): string[] {
    let countries = memo.get(key);
    if (countries === undefined) {
      countries = query();
      if (memo.size >= this.remembered) memo.clear();
      memo.set(key, countries);
    }
    return countries;
  }

  /** Spotting never suggests a spelling it was not given. */
  closest(): { name: string; place: GazetteerPlace }[] {
    return [];
  }

  #ask<T>(memo: Map<string, T[]>, key: string, query: () => T[]): T[] {
    const known = memo.get(key);
    if (known) return known;
    if (this.#left <= 0) {
      this.#spent = true;
      return [];
    }
    const records = query();
    this.#left -= 1 + records.length;
    if (memo.size >= this.remembered) memo.clear();
    memo.set(key, records);
    return records;
  }
}
