// How a process says it took a lease over. A holder on this host whose process is gone (killed
// outright) lost its lease before it expired: the log names it, so the operator sees why.
import { holderIsGone } from '../store/lease-holders.js';

/** `checking watched feeds`, or `checking watched feeds: took over from vm:863:c4c5eb (that process is gone)`. */
export function takingOver(doing: string, tookOverFrom: string | undefined): string {
  return tookOverFrom !== undefined && holderIsGone(tookOverFrom) ? `${doing}: took over from ${tookOverFrom} (that process is gone)` : doing;
}
