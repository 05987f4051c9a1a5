// @ts-check
/**
 * allure-cucumberjs, labelled from the requirement structure. Cucumber hands every scenario its
 * Rule's tags (@req:<ID>, @assumption), but the stock reporter drops Rule tags that match a
 * pattern; so labels and links are taken here from the pickle's tags, and Cucumber's own
 * message stream stays free of Allure runtime messages.
 *   epic = answer path (the feature's @path:<x>), feature = the feature, story = the requirement,
 *   a link per @req: tag to its entry in the traceability matrix; every tag stays a tag
 *   (@assumption among them), plus "sign-off: awaiting" / "signed off" / "changed since sign-off";
 *   at the end of the run each story is named with its status (allure-stories.ts);
 *   Suites: parentSuite = requirements or assumptions by sign-off, suite = feature, subSuite = Rule.
 * Also writes environment.properties, categories.json, and executor.json when CI=true.
 */
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const AllureCucumberReporter = require('allure-cucumberjs/reporter');
const config = require('./allure.config.js');
const { environmentInfo, executorInfo, loadCatalogueEntries } = require('./allure-environment');
const { annotateStories } = require('./allure-stories');

/** @type {Record<string, string>} */
const SPECIFICATION_GAPS = {
  UNDEFINED: 'this step has no step definition.',
  PENDING: 'this step is pending.',
  AMBIGUOUS: 'this step matches more than one step definition.',
};

/**
 * A failed step's result with a one-line message and the whole error as its trace.
 * @param {any} data testStepFinished
 */
function oneLineMessage(data) {
  const { exception } = data.testStepResult;
  if (data.testStepResult.status !== 'FAILED' || !exception?.message) return data;
  const firstLine = exception.message.split('\n')[0];
  const whole = exception.stackTrace ?? data.testStepResult.message ?? exception.message;
  return { ...data, testStepResult: { ...data.testStepResult, message: firstLine, exception: { ...exception, message: firstLine, stackTrace: whole } } };
}

class SpecificationReporter extends AllureCucumberReporter {
  /** @param {any} options Cucumber's formatter options (untyped in allure-cucumberjs) */
  constructor(options) {
    const { resultsDir, categories } = config;
    super({ ...options, parsedArgvOptions: { ...options.parsedArgvOptions, resultsDir, categories, environmentInfo: environmentInfo() } });
    this.resultsDir = resultsDir;
    this.catalogue = loadCatalogueEntries();
    // The stories' statuses need the whole run (allure-stories.ts): keep Cucumber's messages for the end.
    /** @type {import('@cucumber/messages').Envelope[]} */
    this.envelopes = [];
    options.eventBroadcaster.on('envelope', (/** @type {import('@cucumber/messages').Envelope} */ envelope) => this.envelopes.push(envelope));
  }

  /** @param {{ id: string }} data testCaseStarted */
  onTestCaseStarted(data) {
    super.onTestCaseStarted(data);
    const testUuid = this.testResultUuids.get(data.id);
    const pickle = this.pickleMap.get(this.testCaseMap.get(data.testCaseId)?.pickleId);
    if (!testUuid || !pickle) throw new Error(`allure-reporter: allure-cucumberjs internals changed; scenario ${data.id} cannot be labelled`);
    const tags = pickle.tags.map((/** @type {{ name: string }} */ tag) => tag.name);
    const feature = this.documentMap.get(pickle.uri)?.feature;
    const { labels, links } = this.labelsAndLinks(tags, feature?.tags ?? []);
    // Suites mirror the feature files for QA (Behaviors mirrors the requirements for product).
    const rule = feature?.children.find((/** @type {any} */ child) => child.rule?.children.some((/** @type {any} */ c) => c.scenario?.id === pickle.astNodeIds[0]))?.rule;
    if (feature) labels.push({ name: 'suite', value: feature.name });
    if (rule) labels.push({ name: 'subSuite', value: rule.name });
    this.allureRuntime.updateTest(testUuid, (/** @type {any} */ result) => {
      // An assumption's Rule says why it was decided so: that matters more than the feature's summary.
      if (!this.scenarioMap.get(pickle.astNodeIds[0])?.description.trim() && rule?.description.trim()) result.description = rule.description.trim();
      result.labels.push(...labels);
      result.links.push(...links);
    });
  }

  /**
   * @param {string[]} tags the scenario's tags, inherited from Feature and Rule
   * @param {{ name: string }[]} featureTags
   */
  labelsAndLinks(tags, featureTags) {
    /** @type {{ name: string, value: string }[]} */
    const labels = [];
    const path = featureTags.map((t) => t.name).find((name) => config.pathTag.test(name))?.replace(config.pathTag, '');
    if (path) labels.push({ name: 'epic', value: config.epics[/** @type {keyof typeof config.epics} */ (path)] ?? path });
    const requirement = config.links.requirement;
    const links = [];
    for (const tag of tags.filter((name) => requirement.pattern.some((pattern) => pattern.test(name)))) {
      const id = requirement.nameTemplate(tag);
      const entry = this.catalogue.get(id);
      labels.push({ name: 'story', value: entry ? `${id} — ${entry.text}` : id });
      links.push({ type: 'requirement', name: entry ? `${id} in the catalogue` : id, url: requirement.urlTemplate(tag) });
      if (entry) labels.push({ name: 'tag', value: `sign-off: ${entry.signOff}` });
    }
    // Allure 2's search matches names only: the Suites tab's top level is where product filters assumptions.
    const decision = tags.map((tag) => this.catalogue.get(requirement.nameTemplate(tag))).find((entry) => entry?.decision);
    labels.push({ name: 'parentSuite', value: decision ? `Assumptions, sign-off ${decision.signOff}` : 'Requirements of the source' });
    return { labels, links };
  }

  /**
   * Allure groups a category's failures by their message: a failure's message is its first line
   * (the expectation, "Expected … (it is …)"); the whole text — state, screen, timeline — stays in
   * the trace, and in the timeline.txt attachment.
   * allure-cucumberjs reports a scenario with an undefined or pending step as passed. Strict
   * Cucumber fails the run on them, so Allure shows them broken, as specification gaps. The
   * message leaves the step's text out: it is in the step tree, and may hold an example code.
   * @param {any} data testStepFinished
   */
  onTestStepFinished(data) {
    const gap = SPECIFICATION_GAPS[data.testStepResult.status];
    if (!gap) return super.onTestStepFinished(oneLineMessage(data));
    const message = `Specification gap: ${gap}`;
    return super.onTestStepFinished({ ...data, testStepResult: { ...data.testStepResult, status: 'FAILED', message, exception: { type: 'SpecificationGap', message } } });
  }

  onTestRunFinished() {
    super.onTestRunFinished();
    annotateStories(this.resultsDir, this.envelopes);
    const executor = executorInfo(process.env);
    if (executor) writeFileSync(join(this.resultsDir, 'executor.json'), JSON.stringify(executor, null, 2));
  }
}

module.exports = SpecificationReporter;
