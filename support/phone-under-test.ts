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

/** Which phone the run drives, in one line, so that a mistyped variable does not pass unnoticed against the reference phone. */
export function phoneUnderTest(): string {
  const modulePath = process.env['PHONE'];
  return modulePath ? `PHONE=${modulePath} (${resolve(modulePath)})` : 'the reference phone (PHONE is not set)';
}

/** A phone module that cannot be loaded, said once in a sentence rather than by every scenario: no stack, which would point into the suite. */
class PhoneModuleRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PhoneModuleRefused';
    this.stack = `${this.name}: ${message}`;
  }
}

function fromModule(modulePath: string): PhoneFactory {
  const file = resolve(modulePath);
  let loaded: { createPhone?: unknown };
  try {
    // A module chosen at run time, so a plain require.
    loaded = require(file) as { createPhone?: unknown };
  } catch (error) {
    // The compiler's message with its code frame, without Node's require stack; where in the module, if it threw.
    const why = error instanceof Error ? error.message.split('\nRequire stack:')[0]!.trim() : String(error);
    const where = error instanceof Error ? error.stack?.split('\n').find((line) => line.includes(file) && line.trim().startsWith('at '))?.trim() : undefined;
    throw new PhoneModuleRefused(`PHONE=${modulePath} could not be loaded: ${why}${where ? `\n  ${where}` : ''}`);
  }
  if (typeof loaded.createPhone !== 'function') {
    throw new PhoneModuleRefused(`PHONE=${modulePath} must export createPhone(ports) (see support/phone/README.md).`);
  }
  return loaded.createPhone as PhoneFactory;
}
