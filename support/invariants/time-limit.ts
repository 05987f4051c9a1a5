/**
 * The campaign's settings from the environment that the step definitions need before any boot runs:
 * BOOTS, and the time limit that follows from it (five minutes per 100,000 boots, at least five).
 * Its own module, so that the step definitions can set their timeout without loading the boots' machinery.
 */

export const wholeNumber = (name: string, text: string): number => {
  if (!/^-?\d+$/.test(text)) throw new Error(`${name} must be a whole number, not "${text}".`);
  return Number(text);
};

/** BOOTS, when it is set: how many boots to run instead of the feature's number. */
export function bootsFromEnvironment(): number | undefined {
  const text = process.env['BOOTS'];
  if (!text) return undefined;
  const boots = wholeNumber('BOOTS', text);
  if (boots < 1) throw new Error(`BOOTS must be at least 1, not ${boots}.`);
  return boots;
}

function limitFor(): number {
  let boots = 0;
  try {
    boots = bootsFromEnvironment() ?? 0;
  } catch {
    // A malformed BOOTS gets the shortest limit here: the campaign refuses it with a sentence before any boot runs.
  }
  return 5 * 60_000 * Math.max(1, Math.ceil(boots / 100_000));
}

export const CAMPAIGN_LIMIT_MS = limitFor();
