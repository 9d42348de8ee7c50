// Actor lookups repeat thousands of times in a large import; remember each answer. Only used
// while nothing changes actors (an import writes entries only).
import type { ActorMatch } from '../core/domain.js';
import type { DossierReader } from '../core/ports.js';

export function memoizeActorLookups(dossier: DossierReader): DossierReader {
  const found = new Map<string, ActorMatch[]>();
  const named = new Map<string, ActorMatch[]>();
  let names: ReturnType<DossierReader['allActorNames']> | undefined;
  return Object.assign(Object.create(dossier) as DossierReader, {
    findActors(query: string, limit: number): ActorMatch[] {
      const key = `${limit}\u0000${query}`;
      let result = found.get(key);
      if (!result) {
        result = dossier.findActors(query, limit);
        found.set(key, result);
      }
      return result;
    },
    actorsNamed(query: string): ActorMatch[] {
      let result = named.get(query);
      if (!result) {
        result = dossier.actorsNamed(query);
        named.set(query, result);
      }
      return result;
    },
    allActorNames() {
      names ??= dossier.allActorNames();
      return names;
    },
  });
}
