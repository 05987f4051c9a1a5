/** The reference phone's behaviour in other words (`PHONE=support/phone/other-wording-phone.ts`): proves the suite checks meanings, not wording. */
import type { PhoneFactory } from './ports';
import { phoneRunning } from './phone';
import { transition } from './state-chart';
import { terseGermanWording } from './other-wording';

export const createPhone: PhoneFactory = phoneRunning(transition, terseGermanWording);
