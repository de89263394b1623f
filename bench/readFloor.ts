// The floor `npm run bench` compares the CLI with: a whole Node process that
// lists the notes (the same walk as the CLI) and reads every byte of every
// file, 64 reads in flight, doing nothing with them. Prints files and bytes.
//   node dist-test/bench/readFloor.js DIR
import * as fs from 'node:fs';
import { join } from 'node:path';
import { createNodeReader } from '../src/node/nodeReader';

const IN_FLIGHT = 64;

async function main(dir: string): Promise<void> {
  const list = await createNodeReader(dir, { stat: false }).list();
  let next = 0;
  let bytes = 0;
  const worker = async () => {
    while (next < list.length) {
      const file = join(dir, list[next++]!.path);
      // Awaited first: `bytes += await …` read `bytes` before the await and lost the other workers' sums.
      const read = await new Promise<number>((resolve, reject) => fs.readFile(file, (e, b) => (e ? reject(e) : resolve(b.byteLength))));
      bytes += read;
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, list.length) }, worker));
  process.stdout.write(`${JSON.stringify({ files: list.length, bytes })}\n`);
}

main(process.argv[2] ?? '.').catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
