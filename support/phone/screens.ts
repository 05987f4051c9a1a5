/**
 * How the phone puts a meaning on its screen: the softkeys each meaning offers (behaviour, the same
 * for every wording), the words from a wording catalogue (support/phone/wording.ts), and the
 * screen-size limit every text must fit.
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

/**
 * ASSUME-24: a J100-class screen (J169/J179) shows the title in at most 2 lines and the detail in
 * at most 3 lines of 32 characters, words wrapped; what does not fit goes to the phone's log.
 */
export const SCREEN_LIMIT = { columns: 32, titleLines: 2, detailLines: 3 } as const;

const PROMPT_KEYS: readonly SoftkeyRole[] = ['OK', 'Cancel'];
const softkeys: { readonly [K in ScreenKind]: readonly SoftkeyRole[] } = {
  question: ['Yes', 'No'],
  'contacting DES': [],
  'searching locally': [],
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
  const notice = 'notice' in meaning && meaning.notice ? (wording.notices[meaning.notice.kind] as (n: Notice) => string)(meaning.notice) : undefined;
  const detail = notice ?? words.detail;
  const keys = softkeys[meaning.kind];
  return { meaning, title: words.title, ...(detail === undefined ? {} : { detail }), ...(keys.length ? { softkeys: keys } : {}) };
}

/** Lines of at most `columns` characters, words wrapped; a word longer than a line is broken. */
export function wrap(text: string, columns: number = SCREEN_LIMIT.columns): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (joined.length <= columns) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (rest.length > columns) {
      lines.push(rest.slice(0, columns));
      rest = rest.slice(columns);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/** What of a screen does not fit the limit, in a sentence; undefined when it fits. */
export function overflow({ title, detail }: Pick<ScreenContent, 'title' | 'detail'>): string | undefined {
  const problems = [
    wrap(title).length > SCREEN_LIMIT.titleLines ? `its title "${title}" needs ${wrap(title).length} lines, at most ${SCREEN_LIMIT.titleLines} fit` : undefined,
    detail !== undefined && wrap(detail).length > SCREEN_LIMIT.detailLines
      ? `its detail "${detail}" needs ${wrap(detail).length} lines, at most ${SCREEN_LIMIT.detailLines} fit`
      : undefined,
  ].filter(Boolean);
  return problems.length ? problems.join('; ') : undefined;
}

/** A long name (a server's URL) cut in the middle to `max` characters, so its start and end stay readable. */
export function abbreviate(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (max - 1 - head))}`;
}
