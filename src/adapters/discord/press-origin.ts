// The message a press came from, as the core weighs it: its buttons (interaction-input.ts) and
// whether Discord shows it to the presser alone (an ephemeral message), where an answer for them
// may take its place and stays as private as the message was.
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { PressedOn } from '../../core/interaction/interactions.js';
import { pressedOn } from './interaction-input.js';

export function pressOrigin(interaction: ButtonInteraction): PressedOn {
  const on = pressedOn(interaction);
  const message = interaction.message as ButtonInteraction['message'] | null | undefined;
  const ephemeral = message?.flags?.has(MessageFlags.Ephemeral) === true;
  return on.kind === 'message' && ephemeral ? { ...on, presserAlone: true } : on;
}
