/**
 * A Cucumber plugin (cucumber.js, `plugin`): remembers the scenarios the run selected, after --tags, --name
 * and --shard, so that a BeforeAll hook can start the invariants' boots before the first scenario runs
 * (steps/invariants.steps.ts). JavaScript, because Cucumber imports plugins before ts-node is registered.
 */
/** @type {readonly { readonly pickle: import('@cucumber/messages').Pickle }[] | undefined} */
let selected;

module.exports = {
  type: 'plugin',
  coordinator({ transform }) {
    // A process may run Cucumber more than once (Stryker, the API): nothing is known of this run's selection yet.
    selected = undefined;
    // The last transform of the selection: what it receives is what will run. It changes nothing.
    transform('pickles:order', (pickles) => {
      selected = pickles;
      return undefined;
    });
  },
  /** The scenarios the run selected, as Cucumber's pickles; undefined when the run was not configured with this plugin. */
  selectedPickles: () => selected,
};
