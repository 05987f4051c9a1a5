// @ts-check
/**
 * How Allure presents the specification; read by support/reporting/allure-reporter.js.
 * JavaScript, not JSON or TypeScript: allure-cucumberjs takes RegExps and functions, and
 * Cucumber loads formatters without ts-node.
 */
const REQ_TAG = /^@req:/;
const PATH_TAG = /^@path:/;

/** A requirement link opens its entry in the traceability matrix, next to both Allure reports. */
const requirementUrl = (/** @type {string} */ tag) => `../traceability.html#${tag.replace(REQ_TAG, '')}`;

/** Allure 2 matches a category's regexes against the whole message or trace: (?s) spans lines. */
const PHONE_MISBEHAVED = 'The phone (failed internally|was still busy)';
const UNCHECKED_REFUSAL = 'The phone refused input that no step checked';
/** Set by allure-reporter.js for undefined, pending and ambiguous steps. */
const SPECIFICATION_GAP = 'Specification gap:';

module.exports = {
  /** npm start runs into a fresh folder (REPORTS_DIR, see cucumber.js) and moves it into reports/ afterwards. */
  resultsDir: `${process.env.REPORTS_DIR || 'reports'}/allure-results`,

  /** The reporter hands a link template the whole tag (the part after '=' when there is one): strip the prefix. */
  links: {
    requirement: { pattern: [REQ_TAG], urlTemplate: requirementUrl, nameTemplate: (/** @type {string} */ tag) => tag.replace(REQ_TAG, '') },
  },

  /** epic = the answer path, from the feature's @path:<x> tag. */
  pathTag: PATH_TAG,
  epics: {
    question: '1. The question',
    yes: '2. Answering Yes',
    no: '3. Answering No',
    timeout: '4. No answer (timeout)',
    manual: '5. Entering the server by hand',
  },

  categories: [
    {
      name: 'Product defects: the phone did the wrong thing',
      description: 'An expectation of support/expectations.ts failed: the phone under test behaved otherwise than the specification says.',
      matchedStatuses: ['failed'],
      traceRegex: '(?s).*support/expectations\\.ts.*',
    },
    {
      name: 'Product defects: the phone did the wrong thing',
      matchedStatuses: ['broken'],
      messageRegex: `(?s)${PHONE_MISBEHAVED}.*`,
    },
    {
      name: 'Specification gaps: undefined, pending or unchecked',
      description: 'A step has no definition or is pending, or the phone refused input that no step of the scenario checks.',
      matchedStatuses: ['broken'],
      messageRegex: `(?s)(${SPECIFICATION_GAP}|${UNCHECKED_REFUSAL}).*`,
    },
    {
      name: 'Broken infrastructure: errors outside the phone',
      description: 'The suite, the stubbed network or the toolchain failed; the phone was not judged.',
      matchedStatuses: ['broken'],
      messageRegex: `(?s)(?!${PHONE_MISBEHAVED}|${UNCHECKED_REFUSAL}|${SPECIFICATION_GAP}).*`,
    },
    {
      name: 'Failed checks outside support/expectations.ts',
      description: 'An assertion that does not come from the expectations, so it carries no diagnosis of the phone.',
      matchedStatuses: ['failed'],
      traceRegex: '(?s)(?!.*support/expectations\\.ts).*',
    },
  ],
};
