// /review — the candidates the watched feeds propose: list them, show one, approve it as an
// entry, attach it to one as further sources, or reject it (and take a rejection back), and
// choose the channel their cards are posted in.
import type { CommandSpec } from '../../src/core/command-spec.js';
import { clearCandidates } from './clear.js';
import { approveCandidate, attachCandidate, rejectCandidate } from './decide.js';
import { listCandidates, reviewChannel, showCandidate } from './read.js';
import { reopenCandidate } from './reopen.js';

export const reviewCommand: CommandSpec = {
  name: 'review',
  description: 'Candidates from the watched feeds: list, show, approve, attach, reject, clear, reopen; the review channel',
  subcommands: [listCandidates, showCandidate, approveCandidate, attachCandidate, rejectCandidate, clearCandidates, reopenCandidate, reviewChannel],
};
