// Types of the chat's browser code (checked with JSDoc, tsconfig.client.json). The page's settings
// are written by the server (src/web/pages.ts uses this same type) and read by the browser.

/** The chat page's settings, in its <script id="chat-config"> block. */
export interface ChatConfig {
  lang: string;
  locale: string;
  /** Inside the widget's frame. */
  embedded: boolean;
  /** Every phone number the guide gives, as it writes it, with its tel: URL. */
  phoneLinks: Record<string, string>;
  texts: {
    failed: string;
    botSaid: string;
    youSaid: string;
    notSent: string;
    retry: string;
    cardLoading: string;
    ended: string;
    cardFailed: string;
  };
}

/** The token route's answer (src/directline/tokenRoute.ts, TokenResponse). */
export interface TokenAnswer {
  token: string;
  conversationId: string;
  expires_in: number;
  domain: string;
  userId: string;
}

/** A suggested answer, as far as the chat reads it. */
export interface SuggestedAction {
  type: string;
  title?: string;
  displayText?: string;
  text?: string;
  value?: unknown;
}

/** What the chat reads of an activity from Direct Line. */
export interface ChatActivity {
  type: string;
  from?: { id: string; role?: string };
  text?: string;
  locale?: string;
  attachments?: { contentType: string; content?: unknown }[];
  suggestedActions?: { actions: SuggestedAction[] };
  channelData?: { clientActivityID?: string };
}

/** What the chat sends besides type, sender, locale and its own id. */
export interface Outgoing {
  text?: string;
  value?: unknown;
}

/** An activity the chat sends. */
export interface OutgoingActivity extends Outgoing {
  type: 'message';
  from: { id: string; role: 'user' };
  locale: string;
  channelData: { clientActivityID: string };
}

/** What the card renderer needs of the chat. */
export interface CardHandlers {
  /** Sends an Action.Submit's data back to the bot. */
  submit: (data: unknown) => void;
  /** Follows an Action.OpenUrl's link (the chat decides which, and how). */
  open: (url: string) => void;
}
