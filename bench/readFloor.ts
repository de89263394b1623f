// The floor `npm run bench` compares the CLI with: a whole Node process that
// lists the notes (the same walk as the CLI) and reads every byte of every
// file, doing nothing with them. Prints files and bytes.
//   node dist-test/bench/readFloor.js DIR
// Synchronous reads, one file after another: on this machine (2 CPUs) that is
// the fastest way Node reads many small files (50,000 notes, gen-notes shape:
// 0.48–0.60 s, against 0.77–1.16 s with `fs.readFile` 64 at a time, which was
// the floor until 6 December 2026). A faster floor makes every ratio larger.
import * as fs from 'node:fs';
import { createNodeReader, underRoot } from '../src/node/nodeReader';

async function main(dir: string): Promise<void> {
  const list = await createNodeReader(dir, { stat: false, blocking: true }).list();
  let bytes = 0;
  for (const file of list) bytes += fs.readFileSync(underRoot(dir, file.path)).byteLength;
  process.stdout.write(`${JSON.stringify({ files: list.length, bytes })}\n`);
}

main(process.argv[2] ?? '.').catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
