/**
 * How long a campaign of boots may take in real time: five minutes per 100,000 boots (BOOTS), at least five.
 * Its own module, so that the step definitions can set their timeout without loading the boots' machinery.
 */
export const CAMPAIGN_LIMIT_MS = 5 * 60_000 * Math.max(1, Math.ceil(Number(process.env['BOOTS'] ?? 0) / 100_000));
