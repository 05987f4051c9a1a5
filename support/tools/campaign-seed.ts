/**
 * One FC_SEED for runs of the suite that must check the same generated boots (the order and shard checks, the
 * bench's pairs): the caller's, or a new one. Without it each Cucumber process draws its own seed.
 */
export const seedForRuns = (): string => process.env['FC_SEED'] ?? String(Math.floor(Math.random() * 0x7fffffff));
