/**
 * `npm run typecheck`: the compiler over the whole project and, with PHONE=<module>, over that module
 * too, checked against the ports: its `createPhone` must be a PhoneFactory. A phone that does not
 * type-check fails here with the compiler's message, before any scenario runs (swc, which runs the
 * scenarios, would only strip its types).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const tsc = require.resolve('typescript/bin/tsc');

function projectFor(phone: string): string {
  const directory = mkdtempSync(join(tmpdir(), 'phone-typecheck-'));
  const module = resolve(phone).replace(/\.[cm]?[jt]s$/, '');
  // The module's export, assigned to the port's type: a wrong shape fails here, naming both.
  const conformance = join(directory, 'phone-conforms-to-the-ports.ts');
  writeFileSync(
    conformance,
    `import type { PhoneFactory } from ${JSON.stringify(join(root, 'support/phone/ports'))};\n` +
      `import { createPhone } from ${JSON.stringify(module)};\n` +
      `export const phoneUnderTest: PhoneFactory = createPhone;\n`,
  );
  const config = join(directory, 'tsconfig.json');
  const project = { extends: join(root, 'tsconfig.json'), compilerOptions: { allowJs: true, typeRoots: [join(root, 'node_modules/@types')] }, include: [join(root, 'steps/**/*.ts'), join(root, 'support/**/*.ts'), conformance] };
  writeFileSync(config, JSON.stringify(project, null, 2));
  return config;
}

/**
 * The project's own check keeps what the compiler learnt between runs (tsc --incremental), so that a run where
 * little changed checks little again. A PHONE's project, in a temporary folder, starts afresh.
 */
const INCREMENTAL = ['--incremental', '--tsBuildInfoFile', join(root, 'node_modules', '.cache', 'j100-tsc', 'project.tsbuildinfo')];

const phone = process.env['PHONE'];
const phoneProject = phone ? projectFor(phone) : undefined;
const args = ['--noEmit', '--pretty', 'false', ...(phoneProject ? ['-p', phoneProject] : ['-p', join(root, 'tsconfig.json'), ...INCREMENTAL])];
const result = spawnSync(process.execPath, [tsc, ...args], { cwd: root, stdio: 'inherit' });
if (phoneProject) rmSync(dirname(phoneProject), { recursive: true, force: true });
if (result.status !== 0 && phone) console.error(`\nPHONE=${phone} does not type-check against support/phone/ports.ts (see the compiler's messages above).`);
process.exitCode = result.status ?? 1;
