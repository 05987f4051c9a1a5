/**
 * The reference phone with one screen title reworded (`PHONE=support/phone/one-title-changed-phone.ts`):
 * renaming "Enter configuration server" once failed 101 scenarios with the phone in the right state.
 * `CHANGED_TITLE=<screen kind>` (support/phone/ports.ts ScreenKind) renames another screen instead;
 * renaming the question's title must fail PROMPT-1, the one text compared word for word.
 */
import type { PhoneFactory, ScreenKind } from './ports';
import { phoneRunning } from './phone';
import type { Wording } from './screens';
import { transition } from './state-chart';
import { referenceWording } from './wording';

export const RENAMED_TITLE = 'Renamed by the vendor';

export const withTitleChanged = (kind: ScreenKind): Wording => ({
  ...referenceWording,
  screens: { ...referenceWording.screens, [kind]: (meaning: never) => ({ ...referenceWording.screens[kind](meaning), title: RENAMED_TITLE }) },
});

const kind = (process.env['CHANGED_TITLE'] ?? 'configuration server prompt') as ScreenKind;
if (!(kind in referenceWording.screens)) throw new Error(`CHANGED_TITLE must name a screen kind (${Object.keys(referenceWording.screens).join(', ')}), not "${kind}".`);

export const createPhone: PhoneFactory = phoneRunning(transition, withTitleChanged(kind));
