/**
 * The campaign's settings from the environment that the step definitions need before any boot runs:
 * BOOTS, and the time limit that follows from it (five minutes per 100,000 boots, at least five).
 * Its own module, so that the step definitions can set their timeout without loading the boots' machinery.
 */

/** A setting from the environment (BOOTS, FC_SEED, BOOT_THREADS) that cannot be used: its message says why. */
export class SettingRefused extends Error {
  override name = 'SettingRefused';
}

/** Beyond this, the run indices would overflow the threads' shared counter and the steps' timeout Node's timers. */
export const MOST_BOOTS = 100_000_000;

export const wholeNumber = (name: string, text: string): number => {
  if (!/^-?\d+$/.test(text)) throw new SettingRefused(`${name} must be a whole number, not "${text}".`);
  return Number(text);
};

/** BOOTS, when it is set: how many boots to run instead of the feature's number. */
export function bootsFromEnvironment(): number | undefined {
  const text = process.env['BOOTS'];
  if (!text) return undefined;
  const boots = wholeNumber('BOOTS', text);
  if (boots < 1) throw new SettingRefused(`BOOTS must be at least 1, not ${boots}.`);
  if (boots > MOST_BOOTS) throw new SettingRefused(`BOOTS may be at most ${MOST_BOOTS.toLocaleString('en-GB')}, not ${boots.toLocaleString('en-GB')}: share a larger campaign out over jobs with seeds of their own (README, "Invariants").`);
  return boots;
}

function limitFor(): number {
  let boots = 0;
  try {
    boots = bootsFromEnvironment() ?? 0;
  } catch {
    // A refused BOOTS gets the shortest limit here: the campaign refuses it with a sentence before any boot runs.
  }
  return 5 * 60_000 * Math.max(1, Math.ceil(boots / 100_000));
}

export const CAMPAIGN_LIMIT_MS = limitFor();
