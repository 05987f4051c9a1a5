import { Given, Then, When } from '@cucumber/cucumber';
import type { Softkey } from '../support/phone/ports';
import type { ProvisioningWorld } from '../support/world';

Given('the phone boots for the first time', async function (this: ProvisioningWorld) {
  await this.powerOn();
});

Given('the phone was provisioned from {url}', async function (this: ProvisioningWorld, url: string) {
  await this.provisionThroughDes(url);
});

When('the phone restarts', async function (this: ProvisioningWorld) {
  await this.restart();
});

When('the user answers {answer}', async function (this: ProvisioningWorld, answer: Softkey) {
  await this.answer(answer);
});

When('the user answers {answer} after {duration}', async function (this: ProvisioningWorld, answer: Softkey, ms: number) {
  await this.answer(answer, ms);
});

When('nobody answers the question for {duration}', async function (this: ProvisioningWorld, ms: number) {
  await this.waitWithoutAnswer(ms);
});

Then('the phone offers the answers {answer} and {answer}', function (this: ProvisioningWorld, first: Softkey, second: Softkey) {
  this.expect.offersSoftkeys([first, second]);
});

Then('the phone is still asking the question', function (this: ProvisioningWorld) {
  this.expect.isIn('asking');
  this.expect.shows('question');
});

Then('the phone does not ask the question', function (this: ProvisioningWorld) {
  this.expect.neverShowed('question');
});

Then('the phone takes the {path} path', function (this: ProvisioningWorld, path: 'Yes' | 'No' | 'timeout') {
  this.expect.tookPath(path);
});

/** PROMPT-1 quotes the question: its title is the one text compared word for word. */
Then('the first thing the phone shows is the question {string}', function (this: ProvisioningWorld, title: string) {
  this.expect.firstShowsQuestion(title);
});
