// Admiralty (NATO) grades of a source: how reliable the source is, A (completely reliable) to
// F (cannot be judged), and how credible this information is, 1 (confirmed by other sources) to
// 6 (cannot be judged). Written together, `B2`: a usually reliable source, probably true.

export const GRADE_ACCEPTED = 'a letter A–F (reliability of the source) and a digit 1–6 (credibility of the information), like `B2`';

/** `B2` for `B2`, `b2`, `B-2` or `B 2`; undefined for anything else. */
export function parseGrade(text: string): string | undefined {
  const match = /^([a-f])[\s-]?([1-6])$/i.exec(text.trim());
  return match ? `${match[1]!.toUpperCase()}${match[2]}` : undefined;
}

/** The reliability letters, with what each says of a source. */
export const RELIABILITY: ReadonlyMap<string, string> = new Map([
  ['A', 'completely reliable'],
  ['B', 'usually reliable'],
  ['C', 'fairly reliable'],
  ['D', 'not usually reliable'],
  ['E', 'unreliable'],
  ['F', 'reliability cannot be judged'],
]);

/** The grade of a report from a source graded `reliability`, its information not judged yet. */
export const unjudgedGrade = (reliability: string): string => `${reliability}6`;

/** `B (usually reliable)`; `not graded` for none. */
export const reliabilityText = (letter: string | undefined): string => (letter ? `${letter} (${RELIABILITY.get(letter) ?? 'unknown'})` : 'not graded');

/** The credibility digits, with what each says of the information; 6 is how a report from the review queue comes in. */
export const CREDIBILITY: ReadonlyMap<string, string> = new Map([
  ['1', 'confirmed by other sources'],
  ['2', 'probably true'],
  ['3', 'possibly true'],
  ['4', 'doubtful'],
  ['5', 'improbable'],
  ['6', 'the report not judged yet'],
]);

/**
 * `B2 (usually reliable; probably true)`: a grade with what it says, wherever one is shown, as the
 * review cards word it; anything not a grade as it is, so a grade already explained stays as it is.
 */
export function gradeText(grade: string): string {
  const reliability = RELIABILITY.get(grade.charAt(0));
  const credibility = CREDIBILITY.get(grade.slice(1));
  return reliability && credibility && grade.length === 2 ? `${grade} (${reliability}; ${credibility})` : grade;
}
