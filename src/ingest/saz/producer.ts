/**
 * Which program wrote the SAZ. Fiddler puts it in the zip comment:
 * "Fiddler (v5.0.20194.41348) Session Archive. See https://fiddler2.com",
 * FiddlerCore "FiddlerCore SAZSupport (v...) Session Archive...".
 */

export const DEFAULT_PRODUCER = 'Fiddler (SAZ)';

export function producerFromComment(comment: Buffer): string {
  const text = comment.toString('utf8').replace(/[\u0000-\u001f]+/g, ' ').trim();
  if (text === '') return DEFAULT_PRODUCER;
  const versioned = /^(.*?)\s*\(v?(\d+(?:\.\d+)+)\)/.exec(text);
  if (versioned) {
    const name = versioned[1]!.replace(/\s+SAZSupport$/i, '').trim() || 'Fiddler';
    return `${name} ${versioned[2]}`;
  }
  const archive = /^(.*?)\s+Session Archive\b/i.exec(text);
  if (archive && archive[1]!.trim() !== '') return archive[1]!.trim().slice(0, 80);
  return DEFAULT_PRODUCER;
}
