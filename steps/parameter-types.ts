import { defineParameterType } from '@cucumber/cucumber';
import type { Softkey } from '../support/phone/ports';
import { describeFault, type Fault } from '../support/faults';
import type { Service } from '../support/network/traffic';
import { LLDP_DAMAGES, OPTION_43_DAMAGES, type LldpDamage, type Option43Damage } from '../support/site';

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

defineParameterType({ name: 'ip', regexp: /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/, transformer: (ip: string): string => ip });

defineParameterType({ name: 'path', regexp: /Yes|No|timeout/, transformer: (path: string) => path as 'Yes' | 'No' | 'timeout' });

defineParameterType({
  name: 'manual form',
  regexp: /configuration server|provisioning details/,
  transformer: (form: string) => form as 'configuration server' | 'provisioning details',
});

defineParameterType({
  name: 'fault',
  regexp: /(is not on the network|has a name that cannot be resolved|stays silent|drops the connection mid-reply|rejects the secure connection|does not speak HTTP|sends a malformed reply|answers with HTTP status \d{3})/,
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
