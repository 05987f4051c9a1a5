import { defineParameterType } from '@cucumber/cucumber';
import type { Notice, ScreenKind, Softkey, SoftkeyRole } from '../support/phone/ports';
import { describeFault, type Fault } from '../support/faults';
import type { Service } from '../support/network/traffic';
import type {
  LldpDamage,
  LldpLayout,
  Option43Damage,
  Option43Ending,
} from '../support/site';

const UNITS_MS: Record<string, number> = { millisecond: 1, second: 1000, minute: 60_000 };

defineParameterType({
  name: 'duration',
  regexp: /(\d+(?:\.\d+)?) (millisecond|second|minute)s?/,
  transformer: (amount: string, unit: string): number => Math.round(Number(amount) * UNITS_MS[unit]!),
});

defineParameterType({ name: 'answer', regexp: /Yes|No/, transformer: (key: string): Softkey => key as Softkey });

defineParameterType({ name: 'softkey', regexp: /Yes|No|Cancel/, transformer: (key: string): Softkey => key as Softkey });

/** An enrollment code exactly as typed: kept as text, so leading zeros and bad input survive. */
defineParameterType({ name: 'code', regexp: /"([^"]*)"/, transformer: (code: string): string => code });

/** A server address exactly as written: the phone, not the step, decides whether it is valid. */
defineParameterType({ name: 'url', regexp: /"([^"]*)"/, transformer: (url: string): string => url });

/** The softkeys a screen offers, by role: `the keys OK and Cancel`, or `no keys`. */
defineParameterType({
  name: 'keys',
  regexp: /no keys|the keys (Yes|No|OK|Cancel) and (Yes|No|OK|Cancel)/,
  transformer: (...keys: (string | undefined)[]): SoftkeyRole[] => keys.filter((key): key is SoftkeyRole => key !== undefined),
});

/** What a prompt tells the user, by meaning (support/phone/ports.ts Notice); never the phone's words. */
const NOTICES: Record<string, Notice> = {
  'the entry was refused': { kind: 'entry refused' },
  'DES did not accept the code': { kind: 'code not accepted' },
  'DES could not be reached': { kind: 'DES unreachable' },
  'DES answered with an error': { kind: 'DES answered with an error' },
  'DES has no server for it': { kind: 'DES has no server' },
  'the settings could not be fetched': { kind: 'settings unavailable' },
};

defineParameterType({
  name: 'notice',
  regexp: /(the entry was refused|DES did not accept the code|DES could not be reached|DES answered with an error|DES has no server for it|the settings could not be fetched)|DES locked it out for (\d+) minutes/,
  transformer: (phrase: string | undefined, minutes: string | undefined): Notice => (phrase ? NOTICES[phrase]! : { kind: 'locked out', minutes: Number(minutes) }),
});

/** A screen by its meaning (support/phone/ports.ts ScreenMeaning), in the features' words. */
const SCREENS: Record<string, ScreenKind> = {
  'the question': 'question',
  'the DES progress screen': 'contacting DES',
  'the search progress screen': 'searching locally',
  'the settings progress screen': 'fetching settings',
  'the no-network screen': 'no network',
  'the enrollment code prompt': 'enrollment code prompt',
  'the configuration server prompt': 'configuration server prompt',
  'the provisioning details prompt': 'provisioning details prompt',
  'the not-provisioned screen': 'not provisioned',
  'the provisioned screen': 'provisioned',
};

defineParameterType({
  name: 'screen',
  regexp: /the question|the DES progress screen|the search progress screen|the settings progress screen|the no-network screen|the enrollment code prompt|the configuration server prompt|the provisioning details prompt|the not-provisioned screen|the provisioned screen/,
  transformer: (phrase: string): ScreenKind => SCREENS[phrase]!,
});

defineParameterType({ name: 'ip', regexp: /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/, transformer: (ip: string): string => ip });

defineParameterType({ name: 'path', regexp: /Yes|No|timeout/, transformer: (path: string) => path as 'Yes' | 'No' | 'timeout' });

defineParameterType({
  name: 'manual form',
  regexp: /configuration server|provisioning details/,
  transformer: (form: string) => form as 'configuration server' | 'provisioning details',
});

defineParameterType({
  name: 'fault',
  regexp:
    /(is not on the network|has a name that cannot be resolved|stays silent|drops the connection mid-reply|hangs up without answering|rejects the secure connection|does not speak HTTP|speaks only TLS|sends its reply a few bytes at a time, with lower-case headers and no space after their colons|sends its reply a few bytes at a time|sends a malformed reply|answers with HTTP status \d{3})/,
  transformer: (phrase: string): Fault => describeFault(phrase),
});

defineParameterType({
  name: 'service',
  regexp: /DES|the configuration server/,
  transformer: (service: string): Service => (service === 'DES' ? 'DES' : 'configuration server'),
});

/*
 * Phrases written out as literal regexps: the Cucumber language service (the editor's engine) reads
 * parameter types without running code. support/site.ts keeps the lists the network is built from;
 * npm test (support/tools/language-service-check.ts) fails when a literal and its list differ.
 */
defineParameterType({
  name: 'option 43 damage',
  regexp: /cut off in the middle of the server name|cut off after a sub-option number|with a control character after the server name/,
  transformer: (damage: string) => damage as Option43Damage,
});

defineParameterType({
  name: 'lldp damage',
  regexp:
    /cut off in the middle|cut off inside its End TLV|without its End TLV|with stray bytes after the address|under another organisation's OUI|cut off after its Chassis ID|without its TTL|with an End TLV that is not empty|with an organisationally specific TLV too short for its subtype|with the address left out|padded to 1501 bytes/,
  transformer: (damage: string) => damage as LldpDamage,
});

defineParameterType({
  name: 'option 43 ending',
  regexp: /padded at the end|closed with an End byte|followed by an empty sub-option the phone does not use/,
  transformer: (ending: string) => ending as Option43Ending,
});

defineParameterType({
  name: 'lldp layout',
  regexp: /padded to 1500 bytes|after an organisationally specific TLV of only an OUI and subtype/,
  transformer: (layout: string) => layout as LldpLayout,
});
