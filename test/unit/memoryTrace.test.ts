// MENTORSHIP_MEMORY_TRACE (src/vscode/util/memoryTrace.ts): the extension
// host's memory, a line at a time, for the benchmark (bench/vscode.mjs reads
// it) and bug reports.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMemoryTrace } from '../../src/vscode/util/memoryTrace';

describe('memory trace', () => {
  it('does nothing without MENTORSHIP_MEMORY_TRACE', () => {
    assert.equal(startMemoryTrace({}), undefined);
  });

  it('writes the RSS, the heap and each V8 space, and what is pending when stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'memory-trace-'));
    try {
      const file = join(dir, 'trace.log');
      const stop = startMemoryTrace({ MENTORSHIP_MEMORY_TRACE: file });
      assert.ok(stop);
      await stop();
      const text = readFileSync(file, 'utf8');
      const lines = text.trim().split('\n');
      assert.ok(lines.length >= 2, text);
      for (const line of lines) {
        const m = /^(\d+) rss (\d+) heap (\d+)\/(\d+) external (\d+) \| (.+)$/.exec(line);
        assert.ok(m, line);
        assert.ok(Number(m[2]) > 0 && Number(m[3]) <= Number(m[4]), line);
        assert.match(m[6], /\bnew:\d+\/\d+/);
        assert.match(m[6], /\bold:\d+\/\d+/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
