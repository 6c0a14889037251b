/** Findings view content: the list (most severe first) and the selected finding's detail. */
import type { Finding } from '../../model/index.js';
import { SEVERITY_ORDER } from '../../model/index.js';
import { findingHeadline } from '../detail/finding-lines.js';
import { seg, type StyledLine } from '../text/styled.js';

export function findingsBySeverity(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

export function findingListLine(f: Finding, selected: boolean): StyledLine {
  return [seg(selected ? '>' : ' ', selected ? 'accent' : undefined), seg(' '), ...findingHeadline(f)];
}

/** Rows given to the list when the screen has `bodyHeight` lines for list + detail. */
export function findingsListHeight(count: number, bodyHeight: number): number {
  return Math.max(1, Math.min(count, Math.floor(bodyHeight / 3)));
}
