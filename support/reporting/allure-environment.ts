/** What Allure's Environment widget and executor.json say about a run (see allure-reporter.js). */
import { spawnSync } from 'node:child_process';
import { liveEntries, readProject, signOffStates, type SignOffState } from './sign-offs';
import { PHONE_IDENTITY } from '../world';

export function environmentInfo(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const cucumber = require('@cucumber/cucumber/package.json') as { version: string };
  return {
    'Node.js': process.version,
    Cucumber: cucumber.version,
    'Phone model': PHONE_IDENTITY.model,
    'Phone firmware': PHONE_IDENTITY.firmware,
    'Implementation under test': env['PHONE'] ? `PHONE=${env['PHONE']}` : 'the reference phone (support/phone)',
    Commit: env['GITHUB_SHA'] ?? gitCommit(),
  };
}

function gitCommit(): string {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  return git.status === 0 ? git.stdout.trim() : 'unknown (not a git checkout)';
}

export interface ExecutorInfo {
  readonly name: string;
  readonly type: string;
  readonly url?: string;
  readonly buildOrder?: number;
  readonly buildName?: string;
  readonly buildUrl?: string;
  readonly reportUrl?: string;
  readonly reportName?: string;
}

/** Only a CI run has an executor; GitHub Actions says which build it was and where its report is published. */
export function executorInfo(env: NodeJS.ProcessEnv): ExecutorInfo | undefined {
  if (env['CI'] !== 'true') return undefined;
  const repository = env['GITHUB_REPOSITORY'];
  if (env['GITHUB_ACTIONS'] !== 'true' || !repository) return { name: 'CI', type: 'ci', buildName: 'CI run (.ci/run)' };
  const server = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
  const [owner, name] = repository.split('/');
  const runNumber = env['GITHUB_RUN_NUMBER'] ?? '0';
  return {
    name: 'GitHub Actions',
    type: 'github',
    url: `${server}/${repository}/actions`,
    buildOrder: Number(runNumber),
    buildName: `${env['GITHUB_WORKFLOW'] ?? 'workflow'} #${runNumber} (${env['GITHUB_REF_NAME'] ?? 'unknown ref'})`,
    buildUrl: `${server}/${repository}/actions/runs/${env['GITHUB_RUN_ID'] ?? ''}`,
    reportUrl: `https://${owner}.github.io/${name}/allure-report/`,
    reportName: 'Allure report',
  };
}

export interface CatalogueEntry {
  /** The requirement's paraphrase, or the assumption's decision. */
  readonly text: string;
  readonly decision: boolean;
  /** awaiting, signed off, or changed since sign-off (features/sign-offs.json). */
  readonly signOff: SignOffState['state'];
}

export function loadCatalogueEntries(): Map<string, CatalogueEntry> {
  const project = readProject();
  const signOffs = signOffStates(project);
  const entries = new Map<string, CatalogueEntry>();
  for (const entry of liveEntries(project.catalogue)) {
    const decision = !('summary' in entry);
    entries.set(entry.id, { text: 'summary' in entry ? entry.summary : entry.decision, decision, signOff: signOffs.get(entry.id)!.state });
  }
  return entries;
}
