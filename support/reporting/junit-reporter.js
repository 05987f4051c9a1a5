// @ts-check
/**
 * JUnit XML for CI test tabs: Cucumber's own printer (@cucumber/junit-xml-formatter), fed a
 * message stream in which
 *   - an undefined, pending or ambiguous step carries a type and a one-line message
 *     ("undefined step: When …"), where Cucumber leaves a bare <failure/>;
 *   - a failure's message attribute is the first line of the error (the whole text, timeline
 *     included, stays in the failure's body);
 *   - a test case is named "<requirement ID>: <scenario>" (its class is the feature), not
 *     "Rule - Scenario - Examples - #1.2: pickle" of 300 characters.
 * Checked against a JUnit schema by support/tools/junit-check.ts.
 */
const { Formatter } = require('@cucumber/cucumber');
const { JUnitXmlPrinter } = require('@cucumber/junit-xml-formatter');

/** Cucumber statuses that are gaps in the specification, not failures of the phone. */
const GAPS = /** @type {Record<string, { type: string, word: string }>} */ ({
  UNDEFINED: { type: 'UndefinedStep', word: 'undefined step' },
  PENDING: { type: 'PendingStep', word: 'pending step' },
  AMBIGUOUS: { type: 'AmbiguousStep', word: 'ambiguous step' },
});

/** "<ID>: <scenario name>", the ID taken from the Rule ("ASSUME-29 — …"). */
const testCaseNaming = {
  /** @param {{ rule?: { name: string } }} lineage @param {{ name: string }} pickle */
  reduce(lineage, pickle) {
    const id = lineage.rule?.name.split(' — ')[0];
    return id && id !== lineage.rule?.name ? `${id}: ${pickle.name}` : pickle.name;
  },
};

class JunitReporter extends Formatter {
  /** @param {any} options Cucumber's formatter options */
  constructor(options) {
    super(options);
    /** @type {Map<string, { text: string, uri: string, astNodeId: string }>} pickle step id → its text */
    this.pickleSteps = new Map();
    /** @type {Map<string, { keyword: string, line: number }>} Gherkin step id → keyword and line */
    this.gherkinSteps = new Map();
    /** @type {Map<string, string>} test step id → pickle step id */
    this.testSteps = new Map();
    const printer = new JUnitXmlPrinter({ suiteName: 'J100 auto provisioning', testNamingStrategy: testCaseNaming }, (/** @type {string} */ xml) => this.log(xml));
    options.eventBroadcaster.on('envelope', (/** @type {any} */ envelope) => printer.update(this.explained(envelope)));
  }

  /** @param {any} envelope */
  explained(envelope) {
    if (envelope.gherkinDocument) this.rememberSteps(envelope.gherkinDocument.feature?.children ?? []);
    if (envelope.pickle) for (const step of envelope.pickle.steps) this.pickleSteps.set(step.id, { text: step.text, uri: envelope.pickle.uri, astNodeId: step.astNodeIds[0] });
    if (envelope.testCase) for (const step of envelope.testCase.testSteps) if (step.pickleStepId) this.testSteps.set(step.id, step.pickleStepId);
    const finished = envelope.testStepFinished;
    if (!finished) return envelope;
    const result = finished.testStepResult;
    const gap = GAPS[result.status];
    if (gap) {
      const step = this.pickleSteps.get(this.testSteps.get(finished.testStepId) ?? '');
      const gherkin = this.gherkinSteps.get(step?.astNodeId ?? '');
      const message = `${gap.word}: ${gherkin?.keyword ?? ''}${step?.text ?? '(a hook)'}`;
      const where = step ? ` (${step.uri}:${gherkin?.line ?? '?'})` : '';
      const body = `${message}${where}${result.message ? `\n${result.message}` : ''}`;
      return { testStepFinished: { ...finished, testStepResult: { ...result, exception: { type: gap.type, message, stackTrace: body } } } };
    }
    const exception = result.exception;
    if (result.status !== 'FAILED' || !exception?.message?.includes('\n')) return envelope;
    const whole = exception.stackTrace ?? result.message ?? exception.message;
    const oneLine = { ...exception, message: exception.message.split('\n')[0], stackTrace: whole };
    return { testStepFinished: { ...finished, testStepResult: { ...result, exception: oneLine } } };
  }

  /** @param {any[]} children a feature's or rule's children */
  rememberSteps(children) {
    for (const child of children) {
      for (const step of [...(child.background?.steps ?? []), ...(child.scenario?.steps ?? [])]) this.gherkinSteps.set(step.id, { keyword: step.keyword, line: step.location.line });
      if (child.rule) this.rememberSteps(child.rule.children);
    }
  }
}

module.exports = JunitReporter;
