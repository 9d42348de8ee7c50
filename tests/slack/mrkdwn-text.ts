// What a reader sees of escaped mrkdwn: entities decoded, look-alikes read as the originals.
export function visibleText(mrkdwn: string): string {
  return mrkdwn
    .replace(/[\u00AD\u2060]/g, '')
    .replace(/\u2217/g, '*')
    .replace(/\u02CD/g, '_')
    .replace(/\u223C/g, '~')
    .replace(/\u02CB/g, '`')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
