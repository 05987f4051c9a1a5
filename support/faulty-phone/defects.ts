/**
 * The defects the faulty phone carries, each with the requirement the suite must name when it catches it
 * (and, where given, evidence some failure message must quote: what a stub said was wrong).
 */
export const INJECTED_DEFECTS: readonly { readonly requirement: string; readonly defect: string; readonly evidence?: string }[] = [
  { requirement: 'NO-1', defect: 'after No the phone still asks DES, then searches the local network as it should' },
  { requirement: 'PROMPT-2', defect: 'the question times out after 59 seconds instead of 60' },
  { requirement: 'CODE-3', defect: 'Cancel at the enrollment code asks DES again instead of asking for the server' },
  { requirement: 'ASSUME-19', defect: 'after a timeout the phone asks DES without TLS' },
  { requirement: 'ASSUME-20', defect: 'the enrollment code is shown in clear while DES checks it' },
  {
    requirement: 'CODE-2',
    defect: 'with an enrollment code, the phone leaves its serial number out of the DES request',
    evidence: 'missing or not a string: serialNumber',
  },
];
