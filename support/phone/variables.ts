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

/** The J100's group number: 0 until the installer sets another in the administration menu, which this phone does not model. */
export const DEFAULT_GROUP = '0';

/** The variables an IF in the settings file may test (ASSUME-29): $GROUP, $MACADDR, $MODEL, $MODEL4. */
export function settingsFileVariables(identity: PhoneIdentity): Readonly<Record<string, string>> {
  const { MACADDR, MODEL4 } = phoneVariables(identity);
  return { GROUP: DEFAULT_GROUP, MACADDR: MACADDR!, MODEL: identity.model, MODEL4: MODEL4! };
}
