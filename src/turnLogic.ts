import type { TurnContext } from 'botbuilder';

/** A bot's turn as the adapter runs it. The host's wrappers (gate, state guard, timing) take one and give one. */
export type TurnLogic = (context: TurnContext) => Promise<void>;
