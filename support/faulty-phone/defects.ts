/**
 * The defects the faulty phone carries, each with the requirement the suite must name when it catches it
 * (and, where given, evidence some failure message must quote: what a stub said was wrong).
 * `breaksAlso` names a requirement whose rules honestly stand behind the broken one (with its refinements),
 * and why: their scenarios fail with the defect without having taken a detour through it.
 */
export interface InjectedDefect {
  readonly requirement: string;
  readonly defect: string;
  readonly evidence?: string;
  readonly breaksAlso?: { readonly requirement: string; readonly why: string };
}

export const INJECTED_DEFECTS: readonly InjectedDefect[] = [
  { requirement: 'NO-1', defect: 'after No the phone still asks DES, then searches the local network as it should' },
  { requirement: 'PROMPT-2', defect: 'the question times out after 59 seconds instead of 60' },
  { requirement: 'CODE-3', defect: 'Cancel at the enrollment code asks DES again instead of asking for the server' },
  {
    requirement: 'ASSUME-19',
    defect: 'after a timeout the phone asks DES without TLS',
    breaksAlso: { requirement: 'TIMEOUT-2', why: 'DES answers only over TLS, so no rule that needs its answer after a timeout can pass' },
  },
  { requirement: 'ASSUME-20', defect: 'the enrollment code is shown in clear while DES checks it' },
  {
    requirement: 'CODE-2',
    defect: 'with an enrollment code, the phone leaves its serial number out of the DES request',
    evidence: 'missing or not a string: serialNumber',
  },
];
