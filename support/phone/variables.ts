import type { PhoneIdentity } from './ports';

/** The phone's own values that HTTPDIR and the settings file may name as $MODEL4, $MACADDR, $SERIALNO. */
export function phoneVariables(identity: PhoneIdentity): Readonly<Record<string, string>> {
  return {
    // Stryker disable next-line MethodExpression: every J100 model name (J129 to J189) is four characters long
    MODEL4: identity.model.slice(0, 4),
    MACADDR: identity.macAddress.replace(/:/g, '').toLowerCase(),
    SERIALNO: identity.serialNumber,
  };
}
