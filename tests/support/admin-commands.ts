// Every admin-only command, with arguments that succeed for an admin on the seed store once
// prepareForAdminCommands has run.
import type { CommandServices } from '../../src/core/services.js';

export const ADMIN_COMMANDS = [
  '/entry add title:"Talks resume in Baku" date:2025-08 type:talks topic:syria-israel actors:"Syria:participant, Israel:participant" outlet:AFP',
  '/entry edit id:3 confidence:disputed',
  '/entry remove id:3 reason:"duplicate"',
  '/entry undo id:2',
  '/entry claim id:3 actor:Syria stance:denies outlet:SANA',
  '/entry unclaim id:15 actor:"Tom Barrack"',
  '/actors add name:"Hakan Fidan" kind:person',
  '/actors edit name:Dermer title:"Former minister"',
  '/actors alias name:Dermer add:"R. Dermer"',
  '/actors merge from:"Bashar al-Assad" into:Syria',
  '/actors unmerge name:"T. Barrack"',
];

/** /entry undo needs a change to revert: entry 2 gets one edit; /actors unmerge a merge to take back. */
export function prepareForAdminCommands(services: CommandServices): void {
  const stamp = { by: 'seed-test', at: '2026-01-01T00:00:00Z' };
  services.editor.editEntry(2, { title: 'Israel occupies the Golan Heights' }, stamp);
  const duplicate = services.editor.addActor({ name: 'T. Barrack', kind: 'person', aliases: [] }, stamp);
  services.editor.mergeActors(duplicate, services.dossier.actorsNamed('Tom Barrack')[0]!.id, stamp);
}
