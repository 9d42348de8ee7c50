// Routes each interaction to its handler; whatever fails is logged with an error id and the
// user gets an ephemeral apology quoting it. Nothing an interaction does can crash the bot.
import { randomBytes } from 'node:crypto';
import { DiscordAPIError, MessageFlags, RESTJSONErrorCodes, type Interaction } from 'discord.js';
import { internalErrorView } from '../../core/error-views.js';
import { handleAutocomplete } from './autocomplete.js';
import { handleButton } from './button-interaction.js';
import { handleChatInput } from './command-interaction.js';
import type { InteractionContext } from './interaction-context.js';
import { handleModalSubmit } from './modal.js';
import { noticeMessage } from './view-message.js';

function describe(interaction: Interaction): object {
  return {
    interactionId: interaction.id,
    type: interaction.type,
    user: `discord:${interaction.user.id}`,
    guildId: interaction.guildId,
    ...(interaction.isCommand() || interaction.isAutocomplete() ? { command: interaction.commandName } : {}),
    ...(interaction.isMessageComponent() || interaction.isModalSubmit() ? { customId: interaction.customId } : {}),
  };
}

async function apologise(interaction: Interaction, errorId: string, ctx: InteractionContext): Promise<void> {
  if (!interaction.isRepliable()) return;
  const message = { ...noticeMessage(internalErrorView(errorId)), flags: MessageFlags.Ephemeral } as const;
  try {
    await (interaction.replied || interaction.deferred ? interaction.followUp(message) : interaction.reply(message));
  } catch (error) {
    ctx.logger.warn({ err: error, errorId, ...describe(interaction) }, 'could not send the apology');
  }
}

export function createInteractionHandler(ctx: InteractionContext): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) await handleChatInput(interaction, ctx);
      else if (interaction.isAutocomplete()) await handleAutocomplete(interaction, ctx);
      else if (interaction.isModalSubmit()) await handleModalSubmit(interaction, ctx);
      else if (interaction.isButton()) await handleButton(interaction, ctx);
    } catch (error) {
      // A redelivered interaction: the first delivery already answered it (and any write ran
      // once, by its request id), so there is nobody left to apologise to.
      if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged) {
        ctx.logger.info(describe(interaction), 'discord interaction was already answered');
        return;
      }
      const errorId = randomBytes(4).toString('hex');
      ctx.logger.error({ err: error, errorId, ...describe(interaction) }, 'discord interaction failed');
      await apologise(interaction, errorId, ctx);
    }
  };
}
