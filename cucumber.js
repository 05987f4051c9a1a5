// Profiles: `default` is the specification run behind `npm start`; `test` is the strict run in `npm test`.
// npm start runs Cucumber into a fresh folder (REPORTS_DIR) and moves the reports into reports/ only
// when the run selected a scenario, so every report there comes from one run. A bare `npx cucumber-js`
// (no REPORTS_DIR) writes no report files, so it cannot leave reports/ half from another run.
const reports = process.env.REPORTS_DIR;
const common = {
  requireModule: ['ts-node/register'],
  require: ['support/world.ts', 'support/hooks.ts', 'steps/**/*.ts'],
  // Tells the invariant steps which scenarios the run selected, so that their boots start before the first scenario.
  plugin: ['./support/invariants/early-start-plugin.js'],
  strict: true,
};
// For the profiles that run every scenario, invariants included: the plugin starts their boots even before the support
// code loads. Others would start a thread on a guess that fails (support/invariants/early-start-plugin.js).
const bootsBeforeSupportCode = { pluginOptions: { invariants: { startBeforeSupportCode: true } } };
// For Stryker's and c8's runs, whose reports nobody reads: the After hook (support/hooks.ts) then skips rendering each
// scenario's timeline, final screen and traffic. The bench keeps them: it measures what npm test and npm start pay.
const noAttachments = { attachments: false };

module.exports = {
  default: {
    ...common,
    ...bootsBeforeSupportCode,
    paths: ['features/**/*.feature'],
    // Only one formatter may write to stdout: the Allure reporter gets a file target it leaves empty.
    format: reports
      ? [
          'progress-bar',
          `html:${reports}/cucumber.html`,
          `./support/reporting/junit-reporter.js:${reports}/junit.xml`,
          `message:${reports}/messages.ndjson`,
          `./support/reporting/allure-reporter.js:${reports}/allure-results/.reporter-output`,
        ]
      : ['progress-bar'],
  },
  // Its own message stream and JUnit XML, apart from npm start's reports (read by check:results, check:secrets, check:junit).
  test: {
    ...common,
    ...bootsBeforeSupportCode,
    paths: ['features/**/*.feature'],
    format: ['progress', 'message:reports/test/messages.ndjson', './support/reporting/junit-reporter.js:reports/test/junit.xml'],
  },
  // The benchmark passes its own paths (profile paths would be merged with them) and writes no files.
  bench: {
    ...common,
    ...bootsBeforeSupportCode,
    format: ['summary'],
  },
  // Under Stryker or c8 (`npm run mutate`, `npm run coverage`): no report files, so parallel runs cannot clash.
  // The invariants (10,000 boots, ~3 s) are left out: Stryker would rerun them for nearly every mutant.
  instrumented: {
    ...common,
    paths: ['features/**/*.feature'],
    tags: 'not @invariant',
    worldParameters: noAttachments,
  },
  // `npm run test:other-wording` and `test:one-title-changed`: the whole suite against another phone module (PHONE=); no report files.
  'other-phone': {
    ...common,
    ...bootsBeforeSupportCode,
    paths: ['features/**/*.feature'],
    format: ['progress'],
  },
  // `npm run test:product`: product's layer alone (features/*.feature, tagged @product); with every report: `npm start -- --tags @product`.
  product: {
    ...common,
    paths: ['features/*.feature'],
    tags: '@product',
    format: ['progress'],
  },
  // `npm run test:invariants`: the invariants alone, to replay a seed (FC_SEED) or try a boot count (BOOTS); no report files.
  invariants: {
    ...common,
    ...bootsBeforeSupportCode,
    paths: ['features/**/*.feature'],
    tags: '@invariant',
    format: ['progress'],
  },
};
