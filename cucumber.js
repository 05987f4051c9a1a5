// Profiles: `default` is the specification run behind `npm start`; `test` is the strict run in `npm test`.
const common = {
  requireModule: ['ts-node/register'],
  require: ['support/world.ts', 'support/hooks.ts', 'steps/**/*.ts'],
  strict: true,
};

module.exports = {
  default: {
    ...common,
    paths: ['features/**/*.feature'],
    format: ['progress-bar', 'html:reports/cucumber.html', 'message:reports/messages.ndjson'],
  },
  test: {
    ...common,
    paths: ['features/**/*.feature'],
    format: ['progress', 'message:reports/messages.ndjson'],
  },
};
