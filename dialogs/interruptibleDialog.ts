import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from './sdk';
import { answerTopic, askedDay, periodOn, type AskedDay, type HistoryRequest, type Slot } from '../knowledge';
import { help, say, topicAnswer } from './replies/messages';
import { currentLang, reportLeft, setLang, type GuideServices } from './guideServices';
import { answerOf, hasFacts, readTurn } from './turnInput';

// Every interruption in ONE place, like core-bot's CancelAndHelpDialog: before the active step
// sees a message, this checks for an identity code, help, restart, cancel, a language switch,
// "delete my data" and questions about the pilots. Subclasses say how to re-ask and restart.

const CHECKED = Symbol('guide.interruptionChecked');

export abstract class InterruptibleDialog extends ComponentDialog {
  constructor(
    id: string,
    protected readonly services: GuideServices,
  ) {
    super(id);
  }

  /** Sends the current question again (in the current language); `language` = after a language switch. */
  protected abstract reask(innerDc: DialogContext, why?: 'language'): Promise<DialogTurnResult>;
  /** Forgets the answers so far and asks the first question. */
  protected abstract restart(innerDc: DialogContext): Promise<DialogTurnResult>;
  /** The slot the dialog is waiting for, so the understanding knows what a bare "27" means. */
  protected abstract expecting(innerDc: DialogContext): Promise<Slot | undefined>;
  /** Goes on about the pilot years (or a day in them) that the person asked about. */
  protected abstract toHistory(innerDc: DialogContext, asked: AskedDay): Promise<DialogTurnResult>;

  /**
   * The day a question about the past is about, when it changes the answer: only after the pilot
   * period (during it, the routing of today is the answer), and only for a day of the pilot years
   * or before them.
   */
  protected historyDay(request: HistoryRequest): AskedDay | undefined {
    return periodOn(this.services.today()) === 'afterPilot' ? askedDay(request) : undefined;
  }

  protected async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const result = await this.interrupt(innerDc, false);
    return result ?? super.onContinueDialog(innerDc);
  }

  /**
   * Handles an interruption and returns the turn's result, or undefined to let the dialog use
   * the message. `starting` = the message that starts the dialog (nothing to re-ask yet).
   */
  protected async interrupt(innerDc: DialogContext, starting: boolean): Promise<DialogTurnResult | undefined> {
    const context = innerDc.context;
    if (context.activity.type !== 'message') return undefined;
    // A turn can pass here twice (a message after the answer restarts the guide in the same
    // turn): handle each message's interruptions, and warnings, only once.
    if (context.turnState.get(CHECKED)) return undefined;
    context.turnState.set(CHECKED, true);
    const input = readTurn(context, await this.expecting(innerDc));
    const u = input.understanding;
    // Our own answer buttons ("Kyllä", "Ei", a benefit) are answers, never commands.
    const answer = answerOf(input);
    let lang = await currentLang(this.services, context);

    if (input.identityCode) {
      // Warn, then go on with the rest of the message (the code itself was cut out by readTurn).
      await context.sendActivity(say('identityCodeWarning', lang));
    }

    const language = answer.languageRequest;
    if (language) {
      lang = language;
      await setLang(this.services, context, lang, true);
      await context.sendActivity(say('languageSwitched', lang));
      if (!hasFacts(u)) return starting ? undefined : this.reask(innerDc, 'language');
      return undefined; // "in English please, I live in Juva": switch, then use the facts
    }
    switch (answer.command) {
      case 'help':
        await context.sendActivity(help(lang, this.services.today()));
        return starting ? undefined : this.reask(innerDc);
      case 'restart':
        await reportLeft(this.services, context, 'restart');
        if (!starting) await context.sendActivity(say('restarted', lang));
        return this.restart(innerDc);
      case 'cancel':
        await reportLeft(this.services, context, 'cancel');
        await this.services.session.delete(context); // stopped: keep nothing of the answers
        await context.sendActivity(say('cancelled', lang));
        return this.finish(innerDc, starting);
      case 'deleteData':
        await reportLeft(this.services, context, 'deleteData');
        await this.services.deleteAllData(context);
        await context.sendActivity(say('dataDeleted', lang));
        return this.finish(innerDc, starting);
    }

    // "Who served me in 2022?": the pilot years' routing (the first message is read as such by the dialog).
    const request = answer.history ?? u.history;
    const asked = request ? this.historyDay(request) : undefined;
    if (asked) return starting ? undefined : this.toHistory(innerDc, asked);

    // A question about the pilots, unless the message also tells about the person. A place found
    // only by typo tolerance does not count ("personal coach" is no misspelt municipality).
    const placeIsGuess = u.municipality?.kind === 'match' && u.municipality.fuzzy;
    if (u.topic && !hasFacts(placeIsGuess ? { ...u, municipality: undefined } : u)) {
      this.services.report(context, { kind: 'topicAnswered', topic: u.topic, lang });
      await context.sendActivity(topicAnswer(answerTopic(u.topic, this.services.today()), lang));
      return starting ? this.finish(innerDc, true) : this.reask(innerDc);
    }
    return undefined;
  }

  private async finish(innerDc: DialogContext, starting: boolean): Promise<DialogTurnResult> {
    if (starting) return { status: DialogTurnStatus.complete };
    return innerDc.cancelAllDialogs();
  }
}
