// Whether a name was typed letter for letter as it is stored: where several names fold to one key
// (`Ja'far Saad`, `Jafar Saad`), the one written exactly as typed is the one meant.

/** The same letters and signs in the same order, whatever their case. */
export function spelledAs(stored: string, typed: string): boolean {
  return comparable(stored) === comparable(typed);
}

const comparable = (name: string) => name.trim().normalize('NFC').toLowerCase();
