// Every admin-only command, with arguments that would succeed for an admin.
export const ADMIN_COMMANDS = [
  '/entry add title:"Talks resume in Baku" date:2025-08 type:talks topic:syria-israel actors:"Syria:participant, Israel:participant" outlet:AFP',
  '/entry edit id:3 confidence:disputed',
  '/entry remove id:3 reason:"duplicate"',
  '/entry undo id:2',
  '/actors add name:"Hakan Fidan" kind:person',
  '/actors edit name:Dermer title:"Former minister"',
  '/actors alias name:Dermer add:"R. Dermer"',
  '/actors merge from:"Bashar al-Assad" into:Syria',
];
