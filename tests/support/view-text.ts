// Plain text of a view, for assertions that read like what a user sees.
import { renderText } from '../../src/core/render-text.js';
import type { View } from '../../src/core/view.js';

export const viewText = (view: View): string => renderText(view, { color: false });
