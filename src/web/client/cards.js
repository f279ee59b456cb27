/* The Adaptive Cards part of the light Web Chat bundle, in a chunk of its own: the adaptivecards
 * renderer and Web Chat's own card components, as its full bundle uses them. */
import * as adaptiveCardsPackage from 'adaptivecards';
import React from 'react';
import AdaptiveCardsComposer from 'botframework-webchat/src/adaptiveCards/AdaptiveCardsComposer';
import AdaptiveCardAttachment from 'botframework-webchat/src/adaptiveCards/Attachment/AdaptiveCardAttachment';
import AdaptiveCardForScreenReader from 'botframework-webchat/src/adaptiveCards/AttachmentForScreenReader/AdaptiveCardAttachment';

const withPackage = (child) => React.createElement(AdaptiveCardsComposer, { adaptiveCardsPackage }, child);

export const CardAttachment = ({ attachment }) =>
  withPackage(React.createElement(AdaptiveCardAttachment, { attachment }));
export const CardForScreenReader = ({ content }) =>
  withPackage(React.createElement(AdaptiveCardForScreenReader, { content }));
