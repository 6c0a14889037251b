/** The run as Markdown: one row per (input, tool), then the goals with PASS/FAIL. */

const fmt = (n, digits) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

function ratio(row, base) {
  if (!base || row === base || row.tool === 'tui-first-screen' || row.status !== 'ok') return row === base && row.status === 'ok' ? '1.00×' : '—';
  if (base.status === 'cannot-open') return 'baseline cannot open';
  if (base.status !== 'ok') return '—';
  return `${(base.medianMs / row.medianMs).toFixed(2)}×`;
}

function speedCells(row) {
  if (row.status === 'cannot-open') return ['cannot open', '—'];
  if (row.status === 'failed') return ['failed', '—'];
  if (row.tool === 'tui-first-screen') return [fmt(row.medianMs / 1000, 2), '—'];
  return [fmt(row.medianMs / 1000, 2), fmt(row.mbPerS, 0)];
}

export function resultsTable(results) {
  const lines = [
    '| input | tool | median s | MiB/s | peak RSS MiB | CPU s | speed vs JSON.parse | speed vs stream-json |',
    '|---|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const row of results) {
    const jp = results.find((r) => r.trace === row.trace && r.tool === 'json-parse');
    const sj = results.find((r) => r.trace === row.trace && r.tool === 'stream-json');
    const [secs, rate] = speedCells(row);
    const rss = row.status === 'ok' ? fmt(row.peakRssMiB, 0) : '—';
    const cpu = row.status === 'ok' ? fmt(row.medianCpuMs / 1000, 2) : '—';
    lines.push(`| ${row.traceLabel} | ${row.label} | ${secs} | ${rate} | ${rss} | ${cpu} | ${ratio(row, jp)} | ${ratio(row, sj)} |`);
  }
  return lines.join('\n');
}

export function targetsTable(verdicts) {
  const lines = ['| goal | target | measured | result |', '|---|---|---|---|'];
  for (const v of verdicts) lines.push(`| ${v.name} | ${v.goal} | ${v.value} | ${v.pass === null ? 'n/a' : v.pass ? 'PASS' : 'FAIL'} |`);
  return lines.join('\n');
}

export function machineLine(machine) {
  return `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, Node ${machine.node}, ${machine.platform}; load average ${machine.loadAverage} at start, ${machine.loadAverageEnd ?? '?'} at end; ${machine.date}`;
}

/** Failed runs, one line each (tool error lines name the file and the problem only). */
export function failureNotes(results) {
  return results
    .filter((r) => r.status === 'failed')
    .map((r) => `- ${r.traceLabel} ${r.label}: exit ${r.exitCode ?? r.signal}${r.error ? ` — ${r.error}` : ''}`)
    .join('\n');
}
