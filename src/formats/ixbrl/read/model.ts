import type { ContextInfo, HrefRef, Position, UnitInfo } from '../../../core/xbrl/infoset.js';
import type { Report } from '../../../core/model/report.js';
import type { QName } from '../../../core/model/qname.js';

/** What an Inline XBRL document set says beyond the facts: where each fact was, its ix attributes, footnotes. */
export interface InlineFactInfo extends Position {
  /** The Report fact's id (items in the Report), or the element's own id. */
  readonly factId: string;
  readonly file: string;
  readonly kind: 'nonFraction' | 'nonNumeric' | 'fraction' | 'tuple';
  readonly element: QName;
  readonly xmlId?: string;
  readonly contextRef?: string;
  readonly unitRef?: string;
  readonly format?: string;
  readonly scale?: string;
  readonly sign?: string;
  /** Inside ix:hidden. */
  readonly hidden: boolean;
  /** The text as displayed (for nonNumeric, continuations included). */
  readonly displayed: string;
  /** Enclosing or referenced tuple (its factId), and the member order. */
  readonly tuple?: string;
  readonly order?: string;
  readonly notInReport?: 'contextMissing' | 'periodInvalid' | 'unitMissing' | 'unitInvalid' | 'tuple';
}

export interface InlineFootnote extends Position {
  readonly file: string;
  readonly id: string;
  readonly role?: string;
  readonly lang?: string;
  readonly text: string;
}

export interface InlineRelationship extends Position {
  readonly file: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly arcrole: string;
  readonly linkRole: string;
}

export interface InlineDocumentSet {
  readonly files: readonly string[];
  /** The Inline XBRL version of the set's first document: `1.0` or `1.1`. */
  readonly version: '1.0' | '1.1';
  readonly refs: readonly (HrefRef & { file: string })[];
  readonly contexts: ReadonlyMap<string, ContextInfo>;
  readonly units: ReadonlyMap<string, UnitInfo>;
  readonly facts: readonly InlineFactInfo[];
  readonly footnotes: readonly InlineFootnote[];
  readonly relationships: readonly InlineRelationship[];
}

export interface InlineReport extends Report {
  readonly inline: InlineDocumentSet;
}
