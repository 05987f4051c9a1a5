/**
 * How the phone puts a meaning on its screen: the softkeys each meaning offers (behaviour, the same
 * for every wording) and the words from a wording catalogue (support/phone/wording.ts), which must
 * fit SCREEN_LIMIT (support/phone/ports.ts).
 */
import type { Notice, NoticeKind, ScreenContent, ScreenKind, ScreenMeaning, SoftkeyRole } from './ports';

/** The one text the source gives verbatim (PROMPT-1); every other text is a wording's own (ASSUME-24). */
export const AUTO_PROVISIONING_QUESTION = 'Do you want to activate Auto Provisioning now';

/** The words of one screen, before the interpreter adds the meaning and the softkeys. */
export interface Words {
  readonly title: string;
  readonly detail?: string;
}

/**
 * A complete set of screen texts: one entry per screen meaning and one per notice. A prompt
 * with a notice shows the notice's text in place of its own detail.
 */
export interface Wording {
  readonly screens: { readonly [K in ScreenKind]: (meaning: Extract<ScreenMeaning, { kind: K }>) => Words };
  readonly notices: { readonly [K in NoticeKind]: (notice: Extract<Notice, { kind: K }>) => string };
}

const PROMPT_KEYS: readonly SoftkeyRole[] = ['OK', 'Cancel'];
const softkeys: { readonly [K in ScreenKind]: readonly SoftkeyRole[] } = {
  question: ['Yes', 'No'],
  'contacting DES': [],
  'searching locally': [],
  'no network': [],
  'fetching settings': [],
  'enrollment code prompt': PROMPT_KEYS,
  'configuration server prompt': PROMPT_KEYS,
  'provisioning details prompt': PROMPT_KEYS,
  'not provisioned': [],
  provisioned: [],
};

type Render<K extends ScreenKind> = (meaning: Extract<ScreenMeaning, { kind: K }>) => Words;

/** The screen a meaning becomes in a wording. */
export function render(meaning: ScreenMeaning, wording: Wording): ScreenContent {
  const words = (wording.screens[meaning.kind] as Render<typeof meaning.kind>)(meaning);
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: equivalent, only which words show changes; the meaning carries the notice
  const notice = 'notice' in meaning && meaning.notice ? (wording.notices[meaning.notice.kind] as (n: Notice) => string)(meaning.notice) : undefined;
  // Stryker disable next-line LogicalOperator: equivalent, as above
  const detail = notice ?? words.detail;
  const keys = softkeys[meaning.kind];
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ObjectLiteral: equivalent, no detail and no softkeys read the same as empty ones
  return { meaning, title: words.title, ...(detail === undefined ? {} : { detail }), ...(keys.length ? { softkeys: keys } : {}) };
}
