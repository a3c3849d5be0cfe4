import type { EntityType } from '../extract/schema.js';
import { editDistance, escapeRegExp, hasHan, normalizeName } from '../util/text.js';
import { Memo } from '../util/memo.js';
import { charReadings, foldedKey, fuzzyBudget, isHan, syllableCost } from './pinyin.js';
import type { LexiconFiles, OrgKind, SuffixEntry } from './schema.js';
import { PRODUCT_CATEGORIES } from './schema.js';
import { PhraseIndex } from './phrases.js';
import { addEnd, childFor, childOf, childrenOf, endsAt, symbolNode, type SymbolNode } from './symbol-trie.js';

export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

/** One lexicon entity, whatever file it came from. */
export interface LexEntry {
  type: EntityType;
  name: string;
  aliases: string[];
  weakAliases: string[];
  kind?: OrgKind;
  category?: ProductCategory;
  /** Organisation that develops (models) or offers (products) it, or employs (people). */
  owner?: string | null;
  family?: string | null;
  parent?: string | null;
  titles?: string[];
}

export interface SpotHit {
  start: number;
  end: number;
  entry: LexEntry;
  /** The lexicon form (name or alias) that matched. */
  form: string;
  method: 'lexicon' | 'lexicon-pinyin';
}

interface Pattern {
  text: string;
  entry: LexEntry;
  form: string;
}

/**
 * A character trie of exact patterns, keyed by UTF-16 code unit (the text is walked unit by unit, so a
 * pattern's character outside the BMP is never matched); its ends are the patterns that end at a node.
 */
type CharNode = SymbolNode<Pattern>;

function rootArray(root: CharNode): Array<CharNode | undefined> {
  const first: Array<CharNode | undefined> = new Array(0x10000);
  for (const [code, node] of childrenOf(root)) first[code] = node;
  return first;
}

/** A trie of model family keys by syllable; `entry` where a key ends. */
interface FamilyNode {
  next: Map<string, FamilyNode>;
  entry?: LexEntry;
}

/** A trie of folded pinyin by syllable (numbered: see Lexicon.syllableIds). */
type PinyinNode = SymbolNode<{ entry: LexEntry; form: string }>;

const LATIN_WORD_CHAR = /[a-z0-9]/i;
/** Endings an organisation's name is written with or without (legal form, group). */
export const LEGAL_ENDINGS = ['股份有限公司', '集团有限公司', '有限责任公司', '集团股份有限公司', '集团公司', '有限公司', '集团', '公司', '科技'];
function anagramKey(form: string): string | undefined {
  const core = stripLegalEnding(form);
  return /^\p{Script=Han}{6,}$/u.test(core) ? [...core].sort().join('') : undefined;
}

function stripLegalEnding(form: string): string {
  for (const ending of LEGAL_ENDINGS) if (form.endsWith(ending) && form.length > ending.length) return form.slice(0, -ending.length);
  return form;
}

const TYPE_PRIORITY: Record<EntityType, number> = { Model: 0, Product: 1, Organization: 2, Person: 3 };

/** Common CJK ideographs only: text that normalizeName leaves unchanged (see util/text.ts). */
const COMMON_HAN_ONLY = /^[\u4e00-\u9fff]*$/;
/** At least three Han characters and nothing else, as isHan tests them one by one. */
const MAY_BE_FUZZY = /^\p{Script=Han}{3,}$/u;

function isHanOnly(text: string): boolean {
  return [...text].every(isHan);
}

/** The lexicons, indexed for spotting names in text and for matching candidate names. */
export class Lexicon {
  readonly entries: LexEntry[] = [];
  readonly titles: string[];
  readonly titleSet: Set<string>;
  /** Words an English title ends with, lower case. */
  readonly englishTitleWords: Set<string>;
  /** Executive titles of a place's government (市长, 副区长), and the body a place with one of them names (人民政府). */
  readonly placeGovernment: { titles: Set<string>; body: string };
  readonly suffixes: SuffixEntry[];
  readonly titleIndex: PhraseIndex<string>;
  readonly suffixIndex: PhraseIndex<SuffixEntry>;
  /** Suffixes that may end an organisation name in free text (not the slot-only ones). */
  readonly freeSuffixIndex: PhraseIndex<SuffixEntry>;
  readonly honorificIndex: PhraseIndex<string>;
  readonly honorifics: string[];
  readonly englishHonorifics: string[];
  readonly surnames: Set<string>;
  readonly compoundSurnames: Set<string>;
  readonly places: Set<string>;
  readonly orgWords: Set<string>;
  private readonly bareEndings: string[];
  private readonly modelWordPattern: RegExp | undefined;
  private readonly modelWord: string;
  readonly modelModifiers: Set<string>;
  readonly productWords: Set<string>;
  /** Generic Latin words and acronyms (AI, GPU, SDK), never names on their own. */
  readonly latinTerms: Set<string>;
  /** English words that name a body, never a person (Committee, Association, Securities), lower case. */
  readonly englishOrgWords: Set<string>;
  /** Endings of venues (博览中心, 会议中心, 酒店): where a forum is held, not an organisation. */
  readonly venueEndings: string[];

  private readonly byForm = new Map<string, LexEntry[]>();
  private readonly weakByForm = new Map<string, LexEntry[]>();
  private readonly byName = new Map<string, LexEntry>();
  /** Patterns matched case-insensitively (walked on the lower-cased text) and short Latin acronyms matched exactly. */
  private readonly foldedTrie: CharNode = symbolNode();
  private readonly exactTrie: CharNode = symbolNode();
  /** The children of the two tries' roots, by code unit (the first step of every walk). */
  private firstNodes?: [Array<CharNode | undefined>, Array<CharNode | undefined>];
  private pinyinRoot?: PinyinNode;
  /** Readings of a UTF-16 code unit (charReadings), or null when it is not a Han character. */
  private readonly unitReadings: Array<number[] | null | undefined> = new Array(0x10000);
  /** Numbers of the syllables in the pinyin trie; a reading that is not one of them continues no name. */
  private readonly syllableIds = new Map<string, number>();
  /** Fuzzy forms by type, length, position and character: `${type}|${length}|${pos}|${ch}` → indexes, ascending. */
  private readonly fuzzyIndex = new Map<string, number[]>();
  private fuzzyStamp = 0;
  private fuzzySeen?: Int32Array;
  /** Sound cost of reading one character as another (syllableCost of their readings), by the pair. */
  private readonly charCosts = new Map<string, number>();
  private readonly fuzzyForms: Array<{ form: string; entry: LexEntry }> = [];
  private readonly orgLookups = new Memo<LexEntry | undefined>();
  /** Organisation keys (strong ones; any: strong, weak, and strong without a legal ending) and the last code units of the legal endings, for mayNameOrganization. */
  private orgKeys?: { strong: Set<string>; any: Set<string>; endingLasts: Set<number> };
  private familyKeys?: Map<string, LexEntry>;
  private familyFirsts?: Set<string>;
  private familyTrie?: FamilyNode;
  private readonly familyStartChars = new Map<string, boolean>();
  /** Whether a homophone can start with this UTF-16 code unit: 0 not known yet, 1 yes, 2 no. */
  private readonly pinyinStartUnits = new Int8Array(0x10000);
  /** closest() results by `${type}|${slack}`, then by form (no key string to build for each call). */
  private readonly closestCache = new Map<string, Memo<ReturnType<Lexicon['closestUncached']>>>();
  private homophoneKeys?: Map<string, LexEntry[]>;
  private readonly homophoneLookups = new Memo<LexEntry[]>();
  /** Syllable count, first and last syllable of every listed form's sound: a cheap test before the whole reading. */
  private readonly homophoneEnds = new Set<string>();
  /** Sounds of weak aliases (智源), which name an entity only where the context already says what it is. */
  private weakHomophoneKeys?: Map<string, LexEntry[]>;
  private anagramKeys?: Map<string, LexEntry>;
  private weak?: Map<string, LexEntry>;
  private latinForms?: Array<{ key: string; form: string; entry: LexEntry }>;
  /** Names and aliases with Latin letters, by the first two characters of their normal form (for closestMixed). */
  private mixedByStart?: Map<string, Array<{ key: string; form: string; entry: LexEntry }>>;
  private latinByLength?: Map<number, Array<{ key: string; form: string; entry: LexEntry }>>;
  private modelTails?: Map<string, LexEntry>;
  /** First two characters of every organisation form: a quick test before trying prefixes of a text. */
  private readonly orgStarts = new Set<string>();

  constructor(files: LexiconFiles) {
    for (const e of files.organizations.entries) {
      this.add({ type: 'Organization', name: e.name, aliases: e.aliases, weakAliases: e.weakAliases, kind: e.kind, parent: e.parent });
    }
    for (const e of files.models.entries) {
      this.add({ type: 'Model', name: e.name, aliases: e.aliases, weakAliases: e.weakAliases, owner: e.developer, family: e.family });
    }
    for (const e of files.products.entries) {
      this.add({ type: 'Product', name: e.name, aliases: e.aliases, weakAliases: e.weakAliases, owner: e.owner, category: e.category });
    }
    for (const e of files.people.entries) {
      this.add({ type: 'Person', name: e.name, aliases: e.aliases, weakAliases: [], owner: e.affiliation, titles: e.titles });
    }

    this.titles = [...new Set(expandTitles(files.titles))].sort((a, b) => b.length - a.length);
    this.titleSet = new Set(this.titles);
    this.englishTitleWords = new Set(files.titles.englishTitleWords.map((w) => w.toLowerCase()));
    this.placeGovernment = { titles: new Set(files.titles.placeGovernment.titles), body: files.titles.placeGovernment.body };
    this.suffixes = [...files.orgSuffixes.entries].sort((a, b) => b.suffix.length - a.suffix.length);
    this.honorifics = [...new Set(files.honorifics.items)].sort((a, b) => b.length - a.length);
    this.titleIndex = PhraseIndex.of(this.titles);
    this.suffixIndex = new PhraseIndex(this.suffixes.map((s) => ({ phrase: s.suffix, value: s })));
    this.freeSuffixIndex = new PhraseIndex(this.suffixes.filter((s) => s.strength !== 'slot').map((s) => ({ phrase: s.suffix, value: s })));
    this.honorificIndex = PhraseIndex.of(this.honorifics);
    this.englishHonorifics = files.honorifics.englishItems;
    this.surnames = new Set(files.surnames.items.filter((s) => [...s].length === 1));
    this.compoundSurnames = new Set(files.surnames.items.filter((s) => [...s].length === 2));
    this.places = new Set(files.places.items);
    this.orgWords = new Set(files.genericTerms.orgWords);
    this.bareEndings = files.genericTerms.bareEndings;
    const variants = [...files.genericTerms.modelWordVariants].sort((a, b) => b.length - a.length);
    this.modelWordPattern = variants.length > 0 ? new RegExp(variants.map(escapeRegExp).join('|'), 'iu') : undefined;
    this.modelWord = variants.at(-1) ?? '';
    this.modelModifiers = new Set(files.genericTerms.modelModifiers);
    this.productWords = new Set(files.genericTerms.productWords);
    this.latinTerms = new Set(files.genericTerms.latinTerms.map((t) => t.toLowerCase()));
    this.englishOrgWords = new Set(files.genericTerms.englishOrgWords.map((t) => t.toLowerCase()));
    this.venueEndings = files.genericTerms.venueEndings;
  }

  private add(entry: LexEntry): void {
    const existing = this.byName.get(`${entry.type}|${entry.name}`);
    if (existing) {
      existing.aliases = [...new Set([...existing.aliases, ...entry.aliases])];
      return;
    }
    this.byName.set(`${entry.type}|${entry.name}`, entry);
    this.entries.push(entry);
    const forms = [...new Set([entry.name, ...entry.aliases])];
    for (const form of forms) {
      const key = normalizeName(form);
      if (key.length < 2) continue;
      push(this.byForm, key, entry);
      this.addPattern(form, entry);
      if (hasHan(form) && isHanOnly(form) && [...form].length >= 3) this.addPinyin(form, entry);
    }
    for (const form of entry.weakAliases) push(this.weakByForm, normalizeName(form), entry);
    if (entry.type === 'Organization') for (const form of [...forms, ...entry.weakAliases]) this.orgStarts.add(normalizeName(form).slice(0, 2));
  }

  private addPattern(form: string, entry: LexEntry): void {
    const variants = new Set<string>([form]);
    if (!hasHan(form)) {
      variants.add(form.replace(/[-\s]/g, ''));
      variants.add(form.replace(/-/g, ' '));
      variants.add(form.replace(/\s/g, '-'));
    }
    for (const variant of variants) {
      if ([...variant].length < 2) continue;
      const latin = !hasHan(variant);
      const caseSensitive = latin && variant.length <= 4;
      const text = caseSensitive ? variant : variant.toLowerCase();
      let node = caseSensitive ? this.exactTrie : this.foldedTrie;
      let reachable = true;
      for (const ch of text) {
        // a character of two code units can never equal the one unit the walk compares with it
        if (ch.length !== 1) {
          reachable = false;
          break;
        }
        node = childFor(node, ch.charCodeAt(0));
      }
      if (reachable) addEnd(node, { text, entry, form });
    }
  }

  /** The trie of the fuzzy forms' folded pinyin, made on first use (the pinyin of every name takes a while; resolution does not need it). */
  private pinyinTrie(): PinyinNode {
    if (this.pinyinRoot) return this.pinyinRoot;
    const root: PinyinNode = symbolNode();
    for (const { form, entry } of this.fuzzyForms) {
      let node = root;
      for (const syllable of foldedKey(form).split(' ')) {
        let id = this.syllableIds.get(syllable);
        if (id === undefined) this.syllableIds.set(syllable, (id = this.syllableIds.size));
        node = childFor(node, id);
      }
      addEnd(node, { entry, form });
    }
    this.pinyinRoot = root;
    return root;
  }

  private addPinyin(form: string, entry: LexEntry): void {
    const index = this.fuzzyForms.length;
    this.fuzzyForms.push({ form, entry });
    const chars = [...form];
    chars.forEach((ch, pos) => {
      push(this.fuzzyIndex, `${entry.type}|${chars.length}|${pos}|${ch}`, index);
    });
  }

  /**
   * Model families by the folded pinyin of their distinctive part (星辰 of 星辰大模型, 盘古 of 盘古大模型):
   * an ASR-garbled family name before a model word (形成语音大模型) is recognised by sound.
   */
  modelFamilyByKey(key: string): LexEntry | undefined {
    if (!this.familyKeys) {
      this.familyKeys = new Map();
      for (const entry of this.entries) {
        if (entry.type !== 'Model') continue;
        for (const form of [entry.name, ...entry.aliases, ...entry.weakAliases]) {
          const stem = form.replace(/(大模型|模型)$/, '');
          if (stem !== form && /^\p{Script=Han}{2,4}$/u.test(stem) && !this.familyKeys.has(foldedKey(stem))) this.familyKeys.set(foldedKey(stem), entry);
        }
      }
    }
    return this.familyKeys.get(key);
  }

  /**
   * The model family whose distinctive part sounds like text[start, start + size): every reading of
   * each character is tried (polyphones), without converting the whole text to pinyin.
   */
  modelFamilyAt(text: string, start: number, size: number): LexEntry | undefined {
    this.modelFamilyByKey('');
    if (!this.familyFirsts) this.familyFirsts = new Set([...this.familyKeys!.keys()].map((k) => k.split(' ')[0]!));
    const ch = text[start]!;
    let starts = this.familyStartChars.get(ch);
    if (starts === undefined) {
      starts = charReadings(ch).some((r) => this.familyFirsts!.has(r));
      this.familyStartChars.set(ch, starts);
    }
    if (!starts) return undefined;
    if (!this.familyTrie) {
      this.familyTrie = { next: new Map() };
      for (const [key, entry] of this.familyKeys!) {
        let node = this.familyTrie;
        for (const syllable of key.split(' ')) {
          let child = node.next.get(syllable);
          if (!child) node.next.set(syllable, (child = { next: new Map() }));
          node = child;
        }
        node.entry = entry;
      }
    }
    return this.familyAt(text, start, size, 0, this.familyTrie);
  }

  /**
   * The first family key (in the order of the characters' readings, as in a loop over every combination)
   * that these readings spell, walked down the trie of family keys.
   */
  private familyAt(text: string, start: number, size: number, k: number, node: FamilyNode): LexEntry | undefined {
    if (k === size) return node.entry;
    for (const r of charReadings(text[start + k]!)) {
      const child = node.next.get(r);
      const found = child && this.familyAt(text, start, size, k + 1, child);
      if (found) return found;
    }
    return undefined;
  }

  /** The model whose name or alias ends with this text (日新 → 日日新), for versions written after a short form. */
  modelEndingWith(text: string): LexEntry | undefined {
    if (!this.modelTails) {
      this.modelTails = new Map();
      for (const entry of this.entries) {
        if (entry.type !== 'Model') continue;
        for (const form of [entry.name, ...entry.aliases, ...entry.weakAliases]) {
          const chars = [...normalizeName(form).replace(/(大模型|模型)$/, '')];
          for (let k = 0; k <= chars.length - 2; k++) {
            const tail = chars.slice(k).join('');
            if (!this.modelTails.has(tail)) this.modelTails.set(tail, entry);
          }
        }
      }
    }
    return this.modelTails.get(normalizeName(text));
  }

  /**
   * The lexicon name a Latin form is a misspelling of (GBT4O → GPT-4o, chGPT → ChatGPT): edit distance
   * 1 for names of four to six letters, 2 for longer ones, ignoring case, spaces and hyphens.
   */
  closestLatin(form: string, type?: EntityType): { entry: LexEntry; form: string; distance: number } | undefined {
    const key = form.toLowerCase().replace(/[\s\-_.]/g, '');
    if (key.length < 4 || !/^[a-z0-9]+$/.test(key)) return undefined;
    if (!this.latinForms) {
      this.latinForms = [];
      for (const entry of this.entries) {
        for (const f of [entry.name, ...entry.aliases]) {
          const k = f.toLowerCase().replace(/[\s\-_.]/g, '');
          if (k.length >= 4 && /^[a-z0-9]+$/.test(k)) this.latinForms.push({ key: k, form: f, entry });
        }
      }
    }
    const budget = key.length >= 7 ? 2 : 1;
    let best: { entry: LexEntry; form: string; distance: number } | undefined;
    if (!this.latinByLength) {
      this.latinByLength = new Map();
      for (const f of this.latinForms) this.latinByLength.set(f.key.length, [...(this.latinByLength.get(f.key.length) ?? []), f]);
    }
    const nearby: Array<{ key: string; form: string; entry: LexEntry }> = [];
    for (let length = key.length - budget; length <= key.length + budget; length++) nearby.push(...(this.latinByLength.get(length) ?? []));
    let bestFolded = Infinity;
    for (const candidate of nearby) {
      if (type && candidate.entry.type !== type) continue;
      // a brand's name and a model number (Galbot G1, CyberDog 2) is a product of that brand, not a misspelling
      if (!sameVersion(key, candidate.key) || (key.startsWith(candidate.key) && /\d/.test(key.slice(candidate.key.length)))) continue;
      // in a versioned name speech recognition hears b for p and d for t (GBT4bo for GPT-4o): those count as one,
      // but a slip all the same (distance 1 at least)
      const versioned = /\d/.test(key) && /\d/.test(candidate.key);
      const folded = versioned ? editDistance(voiceless(key), voiceless(candidate.key), budget) : editDistance(key, candidate.key, budget);
      const distance = folded === 0 && key !== candidate.key ? 1 : folded;
      if (distance <= budget && (!best || folded < bestFolded)) {
        best = { entry: candidate.entry, form: candidate.form, distance };
        bestFolded = folded;
      }
    }
    return best;
  }

  /**
   * The organisation whose name, without its legal ending, has exactly the same characters in another
   * order (上海国有投资资本公司 / 上海国有资本投资有限公司): a speaker's slip, six characters or more.
   */
  anagram(form: string): LexEntry | undefined {
    if (!this.anagramKeys) {
      this.anagramKeys = new Map();
      for (const entry of this.entries) {
        if (entry.type !== 'Organization') continue;
        for (const f of [entry.name, ...entry.aliases]) {
          const key = anagramKey(f);
          if (key && !this.anagramKeys.has(key)) this.anagramKeys.set(key, entry);
        }
      }
    }
    const key = anagramKey(form);
    return key ? this.anagramKeys.get(key) : undefined;
  }

  /** Weak aliases (ordinary words that can also name an entity: 苹果, 中兴), by form. */
  weakForms(): Map<string, LexEntry> {
    if (!this.weak) {
      this.weak = new Map();
      for (const entry of this.entries) for (const f of entry.weakAliases) if ([...f].length >= 2 && !this.weak.has(f)) this.weak.set(f, entry);
    }
    return this.weak;
  }

  /** A lexicon name with exactly the same toneless pinyin (ASR confusions folded): 库帕斯 → 库帕思. */
  homophone(form: string, type?: EntityType): LexEntry | undefined {
    return this.homophones(form, type)[0];
  }

  /** Every entry a Han form sounds like, by its name and aliases, and with `weak` by its weak aliases after them. */
  homophones(form: string, type?: EntityType, { weak = false }: { weak?: boolean } = {}): LexEntry[] {
    if (!SOUNDED_FORM.test(form)) return [];
    // most forms asked about cannot sound like any name: say so without keeping them in the cache
    if (!this.mightSoundLikeAName(form)) return [];
    return this.homophoneLookups.get(`${type ?? '*'}|${weak}|${form}`, () => this.homophonesUncached(form, type, weak));
  }

  /**
   * The reading of a whole form is dear (pinyin in context): first its first and last characters must be able
   * to sound like a listed name's, in any of their readings.
   */
  private mightSoundLikeAName(form: string): boolean {
    this.homophoneIndex();
    const chars = [...form];
    const firsts = charReadings(chars[0]!);
    const lasts = charReadings(chars.at(-1)!);
    return firsts.some((a) => lasts.some((b) => this.homophoneEnds.has(`${chars.length}|${a}|${b}`)));
  }

  private homophonesUncached(form: string, type: EntityType | undefined, weak: boolean): LexEntry[] {
    const { homophoneKeys, weakHomophoneKeys } = this.homophoneIndex();
    const key = foldedKey(form);
    const found: LexEntry[] = [];
    const types: EntityType[] = type ? [type] : ['Model', 'Product', 'Organization', 'Person'];
    for (const t of types) found.push(...(homophoneKeys.get(`${t}|${key}`) ?? []));
    if (weak) for (const t of types) found.push(...(weakHomophoneKeys.get(`${t}|${key}`) ?? []));
    return [...new Set(found)];
  }

  /** Entries by the folded reading of their names (and weak aliases), built on first use. */
  private homophoneIndex(): { homophoneKeys: Map<string, LexEntry[]>; weakHomophoneKeys: Map<string, LexEntry[]> } {
    if (!this.homophoneKeys || !this.weakHomophoneKeys) {
      this.homophoneKeys = new Map();
      this.weakHomophoneKeys = new Map();
      for (const entry of this.entries) {
        for (const [keys, forms] of [[this.homophoneKeys, [entry.name, ...entry.aliases]], [this.weakHomophoneKeys, entry.weakAliases]] as const) {
          for (const f of forms) {
            if (!SOUNDED_FORM.test(f)) continue;
            const key = foldedKey(f);
            push(keys, `${entry.type}|${key}`, entry);
            const syllables = key.split(' ');
            this.homophoneEnds.add(`${syllables.length}|${syllables[0]}|${syllables.at(-1)}`);
          }
        }
      }
    }
    return { homophoneKeys: this.homophoneKeys, weakHomophoneKeys: this.weakHomophoneKeys };
  }

  /**
   * A lexicon name written with Han and Latin (星辰MaaS平台) that a form misspells in its Latin part
   * (星辰mas平台): same first two characters, one edit (two for names of eight characters or more).
   */
  closestMixed(form: string): { entry: LexEntry; form: string; distance: number } | undefined {
    const key = normalizeName(form);
    if (!/[a-z]/.test(key) || !/\p{Script=Han}/u.test(key) || key.length < 5) return undefined;
    const budget = key.length >= 8 ? 2 : 1;
    if (!this.mixedByStart) {
      this.mixedByStart = new Map();
      for (const entry of this.entries) {
        for (const form of [entry.name, ...entry.aliases]) {
          const k = normalizeName(form);
          if (/[a-z]/.test(k)) push(this.mixedByStart, k.slice(0, 2), { key: k, form, entry });
        }
      }
    }
    let best: { entry: LexEntry; form: string; distance: number } | undefined;
    for (const { key: k, form: f, entry } of this.mixedByStart.get(key.slice(0, 2)) ?? []) {
      if (Math.abs(k.length - key.length) > budget || !sameVersion(key, k)) continue;
      const distance = editDistance(key, k, budget);
      if (distance <= budget && (!best || distance < best.distance)) best = { entry, form: f, distance };
    }
    return best;
  }

  /** Whether some organisation's name or alias starts like this text (its first two characters). */
  mayStartOrganization(text: string): boolean {
    return this.orgStarts.has(normalizeName(text.slice(0, 2)));
  }

  /** The lexicon entry with this exact canonical name. */
  entry(type: EntityType, name: string): LexEntry | undefined {
    return this.byName.get(`${type}|${name}`);
  }

  /** Entries whose name or alias equals the form (after normalisation), optionally of one type. */
  lookup(form: string, type?: EntityType, includeWeak = false): LexEntry | undefined {
    const key = normalizeName(form);
    const strong = this.byForm.get(key);
    const weak = includeWeak ? this.weakByForm.get(key) : undefined;
    if (!strong && !weak) return undefined;
    const found = [...(strong ?? []), ...(weak ?? [])];
    const typed = type ? found.filter((e) => e.type === type) : found;
    return typed.sort((a, b) => TYPE_PRIORITY[a.type] - TYPE_PRIORITY[b.type])[0];
  }

  /**
   * The organisation a form names, allowing weak aliases and a legal ending added or dropped
   * (中国兵器装备 → 中国兵器装备集团, 中国海洋石油 → 中国海洋石油集团有限公司).
   */
  lookupOrganization(form: string): LexEntry | undefined {
    if (!this.mayNameOrganization(form)) return undefined;
    return this.orgLookups.get(form, () => this.lookupOrganizationUncached(form));
  }

  /**
   * False only when lookupOrganization would surely find nothing: for a form of common Han characters
   * (which normalisation leaves as it is, as it does the form with a legal ending added or dropped),
   * none of the keys that lookupOrganization tries is an organisation's. A quick test for the many
   * clauses and prefixes that name no organisation.
   */
  private mayNameOrganization(form: string): boolean {
    if (!COMMON_HAN_ONLY.test(form)) return true;
    if (!this.orgKeys) {
      const strong = new Set<string>();
      const stems = new Set<string>();
      const weak = new Set<string>();
      for (const [key, entries] of this.byForm) if (entries.some((e) => e.type === 'Organization')) strong.add(key);
      for (const [key, entries] of this.weakByForm) if (entries.some((e) => e.type === 'Organization')) weak.add(key);
      for (const key of strong) for (const ending of LEGAL_ENDINGS) if (key.endsWith(ending)) stems.add(key.slice(0, -ending.length));
      this.orgKeys = { strong, any: new Set([...strong, ...weak, ...stems]), endingLasts: new Set(LEGAL_ENDINGS.map((e) => e.charCodeAt(e.length - 1))) };
    }
    const { strong, any, endingLasts } = this.orgKeys;
    if (any.has(form)) return true;
    if (!endingLasts.has(form.charCodeAt(form.length - 1))) return false;
    for (const ending of LEGAL_ENDINGS) if (form.endsWith(ending) && form.length - ending.length >= 2 && strong.has(form.slice(0, -ending.length))) return true;
    return false;
  }

  private lookupOrganizationUncached(form: string): LexEntry | undefined {
    const direct = this.lookup(form, 'Organization', true);
    if (direct) return direct;
    for (const ending of LEGAL_ENDINGS) {
      const longer = this.lookup(form + ending, 'Organization');
      if (longer) return longer;
      if (form.endsWith(ending) && form.length - ending.length >= 2) {
        const shorter = this.lookup(form.slice(0, -ending.length), 'Organization');
        if (shorter) return shorter;
      }
    }
    return undefined;
  }

  /**
   * Finds lexicon names in a text: exact names and aliases (Latin ones case-insensitively, short
   * acronyms exactly, on word boundaries) and Han names of three or more characters written with other
   * characters of the same toneless pinyin (ASR homophones). Leftmost-longest, no overlaps.
   */
  spot(text: string): SpotHit[] {
    const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const hits: SpotHit[] = [];
    for (let i = 0; i < text.length; ) {
      const best = this.longestAt(text, lower, i);
      if (best) {
        hits.push(best);
        i = best.end;
      } else {
        i++;
      }
    }
    return hits;
  }

  private longestAt(text: string, lower: string, i: number): SpotHit | undefined {
    let best: SpotHit | undefined;
    if (!this.firstNodes) this.firstNodes = [rootArray(this.foldedTrie), rootArray(this.exactTrie)];
    for (let t = 0; t < 2; t++) {
      const haystack = t === 0 ? lower : text;
      let node: CharNode | undefined = this.firstNodes[t]![haystack.charCodeAt(i)];
      for (let k = i + 1; node; k++) {
        for (const p of endsAt(node)) {
          const end = i + p.text.length;
          if (LATIN_WORD_CHAR.test(p.text[0]!) && i > 0 && LATIN_WORD_CHAR.test(text[i - 1]!)) continue;
          if (LATIN_WORD_CHAR.test(p.text[p.text.length - 1]!) && end < text.length && LATIN_WORD_CHAR.test(text[end]!)) continue;
          if (!best || p.text.length > best.end - best.start || (p.text.length === best.end - best.start && TYPE_PRIORITY[p.entry.type] < TYPE_PRIORITY[best.entry.type])) {
            best = { start: i, end, entry: p.entry, form: p.form, method: 'lexicon' };
          }
        }
        node = k < haystack.length ? childOf(node, haystack.charCodeAt(k)) : undefined;
      }
    }
    const homophone = this.pinyinAt(text, i);
    if (homophone && (!best || homophone.end - homophone.start > best.end - best.start)) best = homophone;
    return best;
  }

  /** The readings (charReadings, in order) of a Han code unit that are syllables of the pinyin trie, by number; null when it is not Han. */
  private readingsOfUnit(code: number): number[] | null {
    let readings = this.unitReadings[code];
    if (readings === undefined) {
      const ch = String.fromCharCode(code);
      this.pinyinTrie();
      readings = isHan(ch) ? charReadings(ch).flatMap((r) => this.syllableIds.get(r) ?? []) : null;
      this.unitReadings[code] = readings;
    }
    return readings;
  }

  private pinyinAt(text: string, i: number): SpotHit | undefined {
    const code = text.charCodeAt(i);
    if (this.pinyinStartUnits[code] === 0) {
      const root = this.pinyinTrie();
      this.pinyinStartUnits[code] = this.readingsOfUnit(code)?.some((r) => childOf(root, r) !== undefined) ? 1 : 2;
    }
    if (this.pinyinStartUnits[code] !== 1) return undefined;
    const found: { best?: SpotHit } = {};
    this.walkPinyin(text, i, this.pinyinTrie(), i, found);
    return found.best;
  }

  private walkPinyin(text: string, i: number, node: PinyinNode, pos: number, found: { best?: SpotHit }): void {
    for (const end of endsAt(node)) {
      const span = text.slice(i, pos);
      if (span === end.form) continue;
      if (![...span].some((ch, k) => ch === end.form[k])) continue;
      if (!found.best || pos - i > found.best.end - found.best.start) found.best = { start: i, end: pos, entry: end.entry, form: end.form, method: 'lexicon-pinyin' };
    }
    if (pos >= text.length) return;
    const readings = this.readingsOfUnit(text.charCodeAt(pos));
    if (!readings) return;
    for (const r of readings) {
      const child = childOf(node, r);
      if (child) this.walkPinyin(text, i, child, pos + 1, found);
    }
  }

  private charCost(a: string, b: string): number {
    const key = a + b;
    let cost = this.charCosts.get(key);
    if (cost === undefined) this.charCosts.set(key, (cost = syllableCost(charReadings(a), charReadings(b))));
    return cost;
  }

  /**
   * The lexicon name closest in sound to a candidate name of three or more Han characters (ASR errors
   * beyond exact homophones: 好威云 → 华为云), within a cost budget (plus `slack`, for near misses to
   * review), sharing at least one character.
   */
  closest(form: string, type: EntityType, slack = 0): { entry: LexEntry; form: string; cost: number; withinBudget: boolean } | undefined {
    if (!MAY_BE_FUZZY.test(form)) return undefined; // closestUncached needs three Han characters or more
    const kind = `${type}|${slack}`;
    let cache = this.closestCache.get(kind);
    if (!cache) this.closestCache.set(kind, (cache = new Memo()));
    return cache.get(form, () => this.closestUncached(form, type, slack));
  }

  private closestUncached(form: string, type: EntityType, slack: number): { entry: LexEntry; form: string; cost: number; withinBudget: boolean } | undefined {
    const chars = [...form];
    if (chars.length < 3 || !chars.every(isHan)) return undefined;
    // candidates share at least one character at the same place (blocking: no comparison with every name)
    // in the order of the first position they share, then of the lexicon (a stamp per call marks those already taken)
    const candidates: number[] = [];
    const stamp = ++this.fuzzyStamp;
    this.fuzzySeen ??= new Int32Array(this.fuzzyForms.length);
    chars.forEach((ch, pos) => {
      for (const idx of this.fuzzyIndex.get(`${type}|${chars.length}|${pos}|${ch}`) ?? []) {
        if (this.fuzzySeen![idx] === stamp) continue;
        this.fuzzySeen![idx] = stamp;
        candidates.push(idx);
      }
    });
    let best: { entry: LexEntry; form: string; cost: number; withinBudget: boolean } | undefined;
    const budget = fuzzyBudget(chars.length);
    const limit = budget + slack;
    let place: string | undefined; // the form's leading place ('' for none), looked up once a candidate is close
    for (const idx of candidates) {
      const candidate = this.fuzzyForms[idx]!;
      // nameCost(form, candidate.form), summed in the same order, given up once over the limit (costs are never negative)
      const other = [...candidate.form];
      let cost = 0;
      for (let k = 0; k < chars.length && cost <= limit; k++) if (chars[k] !== other[k]) cost += this.charCost(chars[k]!, other[k]!);
      if (cost > limit || (best && cost >= best.cost)) continue;
      // another place is another body, however close the sound (福建省数据局 is not 浙江省数据局)
      if (place === undefined) place = this.leadingPlace(form) ?? '';
      const otherPlace = place && this.leadingPlace(candidate.form);
      if (place && otherPlace && place !== otherPlace) continue;
      best = { entry: candidate.entry, form: candidate.form, cost, withinBudget: cost <= budget };
    }
    return best;
  }

  /** A generic organisation word (运营商), or a bare place with a bare ending (中国集团, 上海公司): never a name. */
  isGenericOrganization(text: string): boolean {
    if (this.orgWords.has(text)) return true;
    return this.bareEndings.some((ending) => text.length > ending.length && text.endsWith(ending) && this.places.has(text.slice(0, text.length - ending.length)));
  }

  /** A longer name with its way of saying "AI model" made one (AI模型评测基地 → 大模型评测基地), for comparing names. */
  withOneModelWord(name: string): string {
    if (!this.modelWordPattern) return name;
    const match = this.modelWordPattern.exec(name);
    return match && name.length - match[0].length >= 4 ? name.replace(match[0], this.modelWord) : name;
  }

  /** The place a name starts with (福建 of 福建省数据局), if the places list knows it. */
  leadingPlace(text: string): string | undefined {
    for (let length = Math.min(text.length - 1, 4); length >= 2; length--) if (this.places.has(text.slice(0, length))) return text.slice(0, length);
    return undefined;
  }
}

/** A form compared by sound: two Han characters or more, with Latin letters or digits beside them (智谱AI). */
const SOUNDED_FORM = /^(?=(?:.*\p{Script=Han}){2})[\p{Script=Han}A-Za-z0-9]+$/u;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const existing = map.get(key);
  if (existing) existing.push(value);
  else map.set(key, [value]);
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds the limit. */
/** A Latin key with voiced stops as their voiceless pairs (b → p, d → t). */
function voiceless(key: string): string {
  return key.replace(/b/g, 'p').replace(/d/g, 't');
}

/** Two names that both carry numbers and not the same ones (GLM-5, GLM-4) are two versions, not a misspelling. */
function sameVersion(a: string, b: string): boolean {
  const numbers = (text: string) => text.replace(/\D+/g, ' ').trim();
  const [x, y] = [numbers(a), numbers(b)];
  return !x || !y || x === y;
}

/** Every title as written, with each scope in front (中国区联席总裁), and as speech recognition hears it (联系总裁). */
export function expandTitles(titles: LexiconFiles['titles']): string[] {
  const out = new Set(titles.items);
  for (const title of titles.items) {
    for (const { heard, meant } of titles.soundAlikes) if (title.includes(meant)) out.add(title.replaceAll(meant, heard));
  }
  for (const title of [...out]) {
    if (titles.grades.heads.some((head) => title.endsWith(head))) for (const grade of titles.grades.words) if (!title.startsWith(grade)) out.add(grade + title);
  }
  const unscoped = [...out].filter((t) => !titles.scopes.some((scope) => t.startsWith(scope)));
  for (const title of unscoped) for (const scope of titles.scopes) out.add(scope + title);
  return [...out];
}
