// A git repository whose roadmap has a long history, for the goalpost history
// benchmark (issue 20: 3,000 commits). Written with `git fast-import`, so
// thousands of commits take a second, not minutes. Each commit changes the
// roadmap the way a year of mentoring does: a due date moved, a box ticked, a
// milestone added or renamed, prose edited.
//   node dist-test/bench/historyRepo.js DIR [COMMITS] [MILESTONES]
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function iso(day: number): string {
  return new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

interface M {
  id: string;
  title: string;
  due: number;
  status: ' ' | '/' | 'x' | '-';
}

function roadmapText(ms: M[], prose: number): string {
  const lines = ['---', 'tags: [roadmap]', 'title: A long history', 'mentee: Ana Silva', 'start: 2024-01-01', 'review_every: 6 weeks', '---', '# A long history', ''];
  ms.forEach((m, i) => {
    if (i % 10 === 0) lines.push(`## Phase ${i / 10 + 1}`, '', `Notes on this phase, revision ${prose}.`, '');
    lines.push(`- [${m.status}] ${m.title} 📅 ${iso(m.due)} ^${m.id}`, `  - [${m.status === 'x' ? 'x' : ' '}] A first step`, '  - [ ] A second step');
  });
  return `${lines.join('\n')}\n`;
}

export function writeHistoryRepo(dir: string, commits = 3000, milestones = 60): void {
  mkdirSync(dir, { recursive: true });
  const git = (args: string[], input?: string) => {
    const r = spawnSync('git', args, { cwd: dir, input, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  git(['init', '-q', '-b', 'main']);
  const rand = rng(42);
  const ms: M[] = Array.from({ length: milestones }, (_, i) => ({ id: `m${i + 1}`, title: `Milestone ${i + 1}`, due: 30 + i * 10, status: ' ' }));
  let stream = '';
  let prose = 0;
  for (let c = 0; c < commits; c++) {
    const m = ms[Math.floor(rand() * ms.length)]!;
    const what = rand();
    if (what < 0.45) m.due += 7 + Math.floor(rand() * 21);
    else if (what < 0.6) m.status = m.status === ' ' ? '/' : m.status === '/' ? 'x' : ' ';
    else if (what < 0.7) m.title = `${m.title.replace(/ \(v\d+\)$/, '')} (v${c})`;
    else if (what < 0.75) ms.push({ id: `m${ms.length + 1}`, title: `Milestone ${ms.length + 1}`, due: 30 + c, status: ' ' });
    else prose++;
    const text = roadmapText(ms, prose);
    const when = Date.UTC(2024, 0, 1) / 1000 + c * 3 * 3600;
    stream += `commit refs/heads/main\ncommitter Bench <bench@example.com> ${when} +0000\ndata 8\ncommit ${c % 10}\n`;
    stream += `M 100644 inline roadmap.md\ndata ${Buffer.byteLength(text)}\n${text}\n`;
  }
  git(['fast-import', '--quiet'], stream);
  git(['checkout', '-q', '-f', 'main']);
  writeFileSync(join(dir, '.gitattributes'), '');
}

if (require.main === module) {
  const [dir, commits, milestones] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: historyRepo DIR [COMMITS] [MILESTONES]');
    process.exit(2);
  }
  writeHistoryRepo(dir, Number(commits ?? 3000), Number(milestones ?? 60));
  console.log(`wrote ${dir}`);
}
