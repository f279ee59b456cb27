import { MessageFactory } from 'botbuilder';
import {
  ComponentDialog,
  WaterfallDialog,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { facts, type Understanding } from '../../knowledge';
import { UnderstandingPrompt } from '../../dialogs/understandingPrompt';

// The custom prompt on its own: its result is the understanding of the answer, its key is all it
// keeps, and the SDK counts the attempts its validator sees.

type Key = { lang: 'fi'; slot: 'age' };

class Probe extends ComponentDialog {
  readonly attempts: number[] = [];
  constructor(validate: boolean) {
    super('probe');
    const validator = validate
      ? async (p: PromptValidatorContext<Understanding>) => {
          this.attempts.push(p.attemptCount);
          return p.recognized.value?.age !== undefined;
        }
      : undefined;
    this.addDialog(
      new UnderstandingPrompt<Key>(
        'p',
        ({ lang, slot }) => ({
          prompt: MessageFactory.text(facts.texts.questions[slot][lang]),
          retryPrompt: MessageFactory.text(`again: ${facts.texts.questions[slot][lang]}`),
        }),
        validator,
      ),
    );
    this.addDialog(
      new WaterfallDialog('w', [
        async (step: WaterfallStepContext) =>
          step.prompt('p', UnderstandingPrompt.options<Key>({ lang: 'fi', slot: 'age' })),
        async (step: WaterfallStepContext) => {
          const u: Understanding = step.result;
          await step.context.sendActivity(JSON.stringify({ municipality: u.municipality, age: u.age }));
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'w';
  }
}

test('the step after the prompt gets the understanding of the whole answer', async () => {
  const client = new DialogTestClient('test', new Probe(false));
  expect((await client.sendActivity('hei')).text).toBe(facts.texts.questions.age.fi);
  const reply = await client.sendActivity('asun Juvalla ja olen 27');
  expect(JSON.parse(reply.text ?? '{}')).toEqual({
    municipality: { kind: 'match', id: 'juva', fuzzy: false },
    age: 27,
  });
});

test('a bare number answers the slot the key names', async () => {
  const client = new DialogTestClient('test', new Probe(false));
  await client.sendActivity('hei');
  expect(JSON.parse((await client.sendActivity('27')).text ?? '{}')).toEqual({ age: 27 });
});

test('the SDK counts the attempts; a refused answer gets the retry question built from the key', async () => {
  const probe = new Probe(true);
  const client = new DialogTestClient('test', probe);
  await client.sendActivity('hei');
  expect((await client.sendActivity('en kerro')).text).toBe(`again: ${facts.texts.questions.age.fi}`);
  expect((await client.sendActivity('vielä en')).text).toBe(`again: ${facts.texts.questions.age.fi}`);
  expect(JSON.parse((await client.sendActivity('olen 40')).text ?? '{}')).toEqual({ age: 40 });
  expect(probe.attempts).toEqual([1, 2, 3]);
});
