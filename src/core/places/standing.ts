// How near a candidate lies to where the dossier is, for a name several places share: in one of
// the dossier's countries (those its located places are in), in a country bordering one, or
// elsewhere. In a dossier on Syria and Israel, `Tripoli` is Lebanon's before Libya's.
import type { Gazetteer } from './gazetteer-port.js';

export const HOME = 0;
export const BORDERING = 1;
export const ELSEWHERE = 2;
export type Standing = typeof HOME | typeof BORDERING | typeof ELSEWHERE;

/** The standing of a country code; every country stands elsewhere when the dossier has none located. */
export function standingIn(gazetteer: Gazetteer, near: ReadonlySet<string> | undefined): (countryCode: string) => Standing {
  if (!near || near.size === 0) return () => ELSEWHERE;
  const bordering = new Set([...near].flatMap((code) => gazetteer.neighbours(code)));
  return (code) => (near.has(code) ? HOME : bordering.has(code) ? BORDERING : ELSEWHERE);
}
