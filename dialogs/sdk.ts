/**
 * Everything dialogs/ takes from the Bot Framework SDK (botbuilder, botbuilder-dialogs), in one
 * place. The SDK is archived (support ended 31.12.2025); its successor, the Microsoft 365 Agents
 * SDK, has the same shapes under other package names (@microsoft/agents-hosting,
 * @microsoft/agents-hosting-dialogs). A port changes this file (and src/), not every dialog:
 * docs/operations.md says what moves and what blocks it today.
 * @packageDocumentation
 */
export {
  ActionTypes,
  CardFactory,
  InputHints,
  MessageFactory,
  type Activity,
  type Attachment,
  type CardAction,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
export {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  Prompt,
  WaterfallDialog,
  type DialogContext,
  type DialogState,
  type DialogStateManagerConfiguration,
  type DialogTurnResult,
  type PromptOptions,
  type PromptRecognizerResult,
  type PromptValidator,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
