/**
 * ASSUME-24: every text a wording catalogue can put on the screen fits a J100-class screen
 * (SCREEN_LIMIT in support/phone/screens.ts). Walks every screen meaning with every notice and
 * the extremes of what they carry (a 255-character server address, a long SIP domain, any lockout),
 * in every catalogue the project ships. A vendor's phone is held to the same limit by the
 * scenario "every screen the phone showed fits a desk phone's screen".
 */
import { describeMeaning } from '../devices';
import type { Notice, NoticeKind, ScreenKind, ScreenMeaning } from '../phone/ports';
import { SCREEN_LIMIT } from '../phone/ports';
import { render, type Wording } from '../phone/screens';
import { overflow } from '../screen-limit';
import { referenceWording } from '../phone/wording';
import { terseGermanWording } from '../phone/other-wording';
import { withTitleChanged } from '../phone/one-title-changed-phone';
import { runAsProgram, type Cli } from './cli';

const CATALOGUES: Record<string, Wording> = {
  'reference (support/phone/wording.ts)': referenceWording,
  'terse German (support/phone/other-wording.ts)': terseGermanWording,
  ...Object.fromEntries(
    (Object.keys(referenceWording.screens) as ScreenKind[]).map((kind) => [`the ${kind} renamed (support/phone/one-title-changed-phone.ts)`, withTitleChanged(kind)]),
  ),
};

/** Server addresses as the phone writes them: short, and up to past the 255 characters an entry may have. */
const SERVERS = ['http://192.0.2.40', 'https://prov.example.com/j100', ...[40, 64, 96, 97, 128, 255, 300].map((n) => `https://${'p'.repeat(n - 8)}`)];
const SIP_DOMAINS = [undefined, 'example.com', 'leeds.example.com', 'a'.repeat(63), `${'d'.repeat(63)}.`.repeat(4).slice(0, 253), 'two words'];

const NOTICES: { readonly [K in NoticeKind]: readonly Extract<Notice, { kind: K }>[] } = {
  'entry refused': [{ kind: 'entry refused' }],
  'code not accepted': [{ kind: 'code not accepted' }],
  'locked out': [1, 15, 60, 1440, 525_600, 2 ** 31].map((minutes) => ({ kind: 'locked out', minutes })),
  'DES unreachable': [{ kind: 'DES unreachable' }],
  'DES answered with an error': [{ kind: 'DES answered with an error' }],
  'DES has no server': [{ kind: 'DES has no server' }],
  'settings unavailable': [{ kind: 'settings unavailable' }],
};
const notices: readonly (Notice | undefined)[] = [undefined, ...Object.values(NOTICES).flat()];

/** Every screen meaning, each with every value that changes its words; typed so a new kind must be added here. */
const MEANINGS: { readonly [K in ScreenKind]: readonly Extract<ScreenMeaning, { kind: K }>[] } = {
  question: [{ kind: 'question' }],
  'contacting DES': [{ kind: 'contacting DES' }, { kind: 'contacting DES', codeDigits: 8 }, { kind: 'contacting DES', codeDigits: 12 }],
  'searching locally': [{ kind: 'searching locally' }],
  'no network': [{ kind: 'no network' }],
  'fetching settings': SERVERS.map((server) => ({ kind: 'fetching settings', server })),
  'enrollment code prompt': notices.map((notice) => (notice ? { kind: 'enrollment code prompt', notice } : { kind: 'enrollment code prompt' })),
  'configuration server prompt': notices.map((notice) => (notice ? { kind: 'configuration server prompt', notice } : { kind: 'configuration server prompt' })),
  'provisioning details prompt': notices.map((notice) => (notice ? { kind: 'provisioning details prompt', notice } : { kind: 'provisioning details prompt' })),
  'not provisioned': [{ kind: 'not provisioned' }],
  provisioned: SERVERS.flatMap((server) => SIP_DOMAINS.map((sipDomain) => (sipDomain === undefined ? { kind: 'provisioned', server } : { kind: 'provisioned', server, sipDomain }))),
};

export function screenTextProblems(): string[] {
  const problems: string[] = [];
  // The check itself must be able to fail: a text one line too long is caught.
  if (!overflow({ title: 'x'.repeat(SCREEN_LIMIT.columns * SCREEN_LIMIT.titleLines + 1) })) problems.push('the limit check lets an overlong title through');
  for (const [name, wording] of Object.entries(CATALOGUES)) {
    for (const meaning of Object.values(MEANINGS).flat()) {
      const content = render(meaning, wording);
      const problem = overflow(content);
      if (problem) problems.push(`${name}, ${describeMeaning(meaning).slice(0, 120)}: ${problem}`);
    }
  }
  return problems;
}

export const cli: Cli = () => {
  const problems = screenTextProblems();
  const count = Object.values(MEANINGS).flat().length * Object.keys(CATALOGUES).length;
  if (problems.length) {
    console.error(`Screen texts that do not fit ${SCREEN_LIMIT.titleLines} title lines and ${SCREEN_LIMIT.detailLines} detail lines of ${SCREEN_LIMIT.columns} characters:\n  - ${problems.join('\n  - ')}`);
    return 1;
  }
  console.log(
    `Screen texts: all ${count} screens of ${Object.keys(CATALOGUES).length} wordings fit ${SCREEN_LIMIT.titleLines} title lines and ${SCREEN_LIMIT.detailLines} detail lines of ${SCREEN_LIMIT.columns} characters.`,
  );
  return 0;
};

runAsProgram(module, cli, 'The screen text check');
