// The fonts every picture is drawn with, loaded from their packages (Noto Sans, Noto Sans Arabic
// and Noto Sans Hebrew, SIL Open Font License, which ships in each package): never the machine's
// own fonts, so a chart looks the same everywhere, accented, Arabic and Hebrew names included.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Latin, Greek and Cyrillic come from Noto Sans; Arabic and Hebrew script fall back to their own. */
export const FONT_FAMILY = 'Noto Sans, Noto Sans Arabic, Noto Sans Hebrew';

const FILES = [
  '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  '@expo-google-fonts/noto-sans-hebrew/400Regular/NotoSansHebrew_400Regular.ttf',
  '@expo-google-fonts/noto-sans-hebrew/700Bold/NotoSansHebrew_700Bold.ttf',
];

export function fontFiles(): string[] {
  return FILES.map((file) => require.resolve(file));
}
