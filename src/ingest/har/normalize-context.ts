/** What normalizing one HAR entry needs to know, and what it reports back. */
import type { BodyLocation, BodyRef } from '../../model/index.js';
import type { HeaderInterner } from '../intern.js';
import type { FragmentScannerOptions } from '../scan/index.js';
import type { CutRegistry, CutString } from './cut-strings.js';
import type { LargeStringMode } from './large-string.js';

/** A large body whose first scan did not match its encoding (or an attachment): scan it again from disk. */
export interface Rescan {
  body: BodyRef;
  location: Exclude<BodyLocation, { kind: 'saz-member' }>;
  /** 'raw' for attachment files: their bytes are the body as is. */
  mode: LargeStringMode | 'raw';
}

export interface NormalizeContext {
  input: number;
  /** The HAR file (large bodies point back into it). */
  path: string;
  /** Folder that Playwright `_file` attachments are relative to. */
  harDir: string;
  /** Bodies above this many decoded bytes keep fragments instead of text. */
  largeBodyBytes: number;
  /** Options for scanning bodies that keep fragments instead of text. */
  scanner?: FragmentScannerOptions;
  registry: CutRegistry;
  /** Shares equal headers and short producer strings between the entries of this file. */
  interner: HeaderInterner;
  /** The current entry's cut strings. */
  cuts: CutString[];
  /** Problems with the current entry, by kind (aggregated into warnings by the reader). */
  problems: string[];
  rescans: Rescan[];
}
