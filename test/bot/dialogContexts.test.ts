import { ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { DialogSet, WaterfallDialog, type DialogState } from 'botbuilder-dialogs';
import { DialogContexts } from '../../dialogs/dialogContexts';

// The guide builds botbuilder-dialogs' memory-scope configuration once and reuses it on every
// turn (dialogs/dialogContexts.ts). That relies on botbuilder-dialogs reading it from turn state:
// if an upgrade stops doing so, this fails instead of the guide silently getting slower.

const turn = (adapter: TestAdapter) =>
  new TurnContext(adapter, {
    type: 'message',
    text: 'hei',
    channelId: 'test',
    conversation: { id: 'c' } as never,
    from: { id: 'u', name: 'user' },
    recipient: { id: 'b', name: 'bot' },
  });

test('a second turn reuses the configuration built on the first, and its dialogs still run', async () => {
  const adapter = new TestAdapter();
  const state = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(state.createProperty<DialogState>('dialogState'));
  dialogs.add(new WaterfallDialog('w', [async (step) => step.endDialog('done')]));
  const contexts = new DialogContexts();

  const first = await contexts.create(dialogs, turn(adapter));
  const second = await contexts.create(dialogs, turn(adapter));
  expect(second.state.configuration).toBe(first.state.configuration);
  expect((await second.beginDialog('w')).result).toBe('done');
});
