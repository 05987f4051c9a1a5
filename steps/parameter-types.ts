import { defineParameterType } from '@cucumber/cucumber';
import type { Softkey } from '../support/phone/ports';
import { describeFault, type Fault } from '../support/faults';
import type { Service } from '../support/network/traffic';
import {
  LLDP_DAMAGES,
  LLDP_LAYOUTS,
  OPTION_43_DAMAGES,
  OPTION_43_ENDINGS,
  type LldpDamage,
  type LldpLayout,
  type Option43Damage,
  type Option43Ending,
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

/** What the phone says, in quotes; it may itself quote what the user typed. */
defineParameterType({ name: 'message', regexp: /"(.*)"/, transformer: (message: string): string => message });

/** A screen's detail line as the outlines write it: `the hint "…"`, or `no hint` for a screen without one. */
defineParameterType({ name: 'hint', regexp: /no hint|the hint "([^"]*)"/, transformer: (hint?: string): string | undefined => hint ?? undefined });

/** The softkeys a screen offers: `the keys OK and Cancel`, or `no keys`. */
defineParameterType({
  name: 'keys',
  regexp: /no keys|the keys (\w+) and (\w+)/,
  transformer: (...keys: (string | undefined)[]): string[] => keys.filter((key): key is string => key !== undefined),
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
    /(is not on the network|has a name that cannot be resolved|stays silent|drops the connection mid-reply|hangs up without answering|rejects the secure connection|does not speak HTTP|speaks only TLS|sends its reply a few bytes at a time|sends a malformed reply|answers with HTTP status \d{3})/,
  transformer: (phrase: string): Fault => describeFault(phrase),
});

defineParameterType({
  name: 'service',
  regexp: /DES|the configuration server/,
  transformer: (service: string): Service => (service === 'DES' ? 'DES' : 'configuration server'),
});

const oneOf = (phrases: readonly string[]): RegExp => new RegExp(phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

defineParameterType({ name: 'option 43 damage', regexp: oneOf(OPTION_43_DAMAGES), transformer: (damage: string) => damage as Option43Damage });

defineParameterType({ name: 'lldp damage', regexp: oneOf(LLDP_DAMAGES), transformer: (damage: string) => damage as LldpDamage });

defineParameterType({ name: 'option 43 ending', regexp: oneOf(OPTION_43_ENDINGS), transformer: (ending: string) => ending as Option43Ending });

defineParameterType({ name: 'lldp layout', regexp: oneOf(LLDP_LAYOUTS), transformer: (layout: string) => layout as LldpLayout });
