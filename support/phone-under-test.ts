/**
 * The one seam between the specification and a phone implementation: `PHONE=<module>` names a
 * module exporting `createPhone: PhoneFactory`; without it the reference phone runs.
 */
import { resolve } from 'node:path';
import { createReferencePhone } from './phone/phone';
import type { PhoneFactory } from './phone/ports';

let factory: PhoneFactory | undefined;

export function loadPhoneFactory(): PhoneFactory {
  factory ??= process.env['PHONE'] ? fromModule(process.env['PHONE']) : createReferencePhone;
  return factory;
}

function fromModule(modulePath: string): PhoneFactory {
  // A module chosen at run time, so a plain require.
  const loaded = require(resolve(modulePath)) as { createPhone?: unknown };
  if (typeof loaded.createPhone !== 'function') {
    throw new Error(`PHONE=${modulePath} must export createPhone(ports) (see README, "Any phone implementation").`);
  }
  return loaded.createPhone as PhoneFactory;
}
