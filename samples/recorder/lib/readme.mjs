// Writes samples/README.md from the scenario descriptions and the
// .expected.json files, so the page always matches the committed traces.
import fs from 'node:fs';
import path from 'node:path';
import { README_INTRO, README_HOW } from './readme-text.mjs';

function findingLine(f) {
  const parts = [`\`${f.rule}\``];
  if (f.severity) parts.push(f.severity);
  if (f.code) parts.push(f.code);
  parts.push(`entries ${f.entries.map((i) => `#${i}`).join(', ')}`);
  const ev = Object.entries(f.evidence ?? {}).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join('; ');
  return `- ${parts.join(' · ')}${ev ? ` — ${ev}` : ''}`;
}

function sampleSection(scenario, expected) {
  const must = expected.mustFind.length ? expected.mustFind.map(findingLine).join('\n') : '- nothing: no finding of severity warning or error.';
  const not = expected.mustNotFind.map((r) => `\`${r.rule}\``).join(', ');
  return `### \`${scenario.file}\` — ${scenario.title}

${expected.summary}

Recorded with: ${scenario.recordedWith}

Must find:
${must}

Must not find: ${not}. Anything else at most \`${expected.maxSeverityOtherwise}\`.${expected.tolerance ? ` Tolerance: ${JSON.stringify(expected.tolerance)}.` : ''}
`;
}

export function writeReadme(samplesDir, scenarios) {
  const rows = [];
  const sections = [];
  for (const s of scenarios) {
    const file = path.join(samplesDir, `${s.name}.expected.json`);
    if (!fs.existsSync(file)) continue;
    const expected = JSON.parse(fs.readFileSync(file, 'utf8'));
    const rules = expected.mustFind.map((f) => `\`${f.rule}\``).filter((r, i, a) => a.indexOf(r) === i).join(', ') || 'none (no error or warning)';
    rows.push(`| [\`${s.file}\`](${s.file}) | ${s.title} | ${rules} |`);
    sections.push(sampleSection(s, expected));
  }
  const text = `${README_INTRO}
| trace | what it shows | findings the tool must report |
|---|---|---|
${rows.join('\n')}

## The samples one by one

Entry numbers are 1-based positions in the file (HAR \`log.entries\` order; SAZ session numbers), as the tool reports them. They are derived from each recording when it is made, so they are exact for the committed files.

${sections.join('\n')}
${README_HOW}`;
  fs.writeFileSync(path.join(samplesDir, 'README.md'), text);
}
