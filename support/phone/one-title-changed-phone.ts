/**
 * The reference phone with one screen title reworded (`PHONE=support/phone/one-title-changed-phone.ts`):
 * renaming "Enter configuration server" once failed 101 scenarios with the phone in the right state.
 */
import type { PhoneFactory } from './ports';
import { phoneRunning } from './phone';
import type { Wording } from './screens';
import { transition } from './state-chart';
import { referenceWording } from './wording';

export const oneTitleChangedWording: Wording = {
  ...referenceWording,
  screens: { ...referenceWording.screens, 'configuration server prompt': () => ({ title: 'Provisioning server address' }) },
};

export const createPhone: PhoneFactory = phoneRunning(transition, oneTitleChangedWording);
