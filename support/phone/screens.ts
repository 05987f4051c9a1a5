import type { ScreenContent } from './ports';

/** The one text the source gives verbatim (PROMPT-1); every other text is ours (see ASSUME-24). */
export const AUTO_PROVISIONING_QUESTION = 'Do you want to activate Auto Provisioning now';

export const screens = {
  question: (): ScreenContent => ({ title: AUTO_PROVISIONING_QUESTION, softkeys: ['Yes', 'No'] }),
  askingDes: (): ScreenContent => ({ title: 'Contacting Device Enrollment Services' }),
  checkingCode: (maskedCode: string): ScreenContent => ({
    title: 'Contacting Device Enrollment Services',
    detail: `Enrollment code ${maskedCode}`,
  }),
  enterCode: (notice?: string): ScreenContent => ({
    title: 'Enter enrollment code',
    detail: notice ?? '8 or 12 digits, from Device Enrollment Services',
    softkeys: ['OK', 'Cancel'],
  }),
  searching: (): ScreenContent => ({ title: 'Searching for configuration server', detail: 'DHCP, LLDP' }),
  fetching: (server: string): ScreenContent => ({ title: 'Getting settings', detail: server }),
  enterServer: (notice?: string): ScreenContent => ({
    title: 'Enter configuration server',
    detail: notice ?? 'Address of the server that holds the settings file',
    softkeys: ['OK', 'Cancel'],
  }),
  enterProvisioningDetails: (notice?: string): ScreenContent => ({
    title: 'Enter provisioning details',
    detail: notice ?? 'File server address for the settings file',
    softkeys: ['OK', 'Cancel'],
  }),
  unprovisioned: (): ScreenContent => ({
    title: 'Not provisioned',
    detail: 'Set the configuration server in the administration menu',
  }),
  provisioned: (server: string, sipDomain: string | undefined): ScreenContent => ({
    title: 'Provisioned',
    detail: sipDomain ? `${server} (SIP domain ${sipDomain})` : server,
  }),
};
