// Writes a generated notes repo (bench/generate.ts) from the command line:
//   node dist-test/bench/generateCli.js DIR COUNT [--shape mix|mentee-folders|parse-heavy] [--seed N]
// DIR must be empty or absent. Prints files, MB and kinded notes.
import { mkdir, readdir } from 'node:fs/promises';
import { generateRepo, REPO_SHAPES, type RepoShape } from './generate';

async function main(argv: string[]): Promise<void> {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    argv.splice(i, 2);
    return v;
  };
  const shape = (flag('--shape') ?? 'mix') as RepoShape;
  const seed = Number(flag('--seed') ?? 1);
  const [dir, count] = argv;
  if (!dir || !count || !REPO_SHAPES.includes(shape) || !Number.isInteger(Number(count)) || !Number.isInteger(seed)) {
    throw new Error(`usage: generateCli.js DIR COUNT [--shape ${REPO_SHAPES.join('|')}] [--seed N]`);
  }
  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).length) throw new Error(`${dir} is not empty`);
  const made = await generateRepo(dir, Number(count), seed, shape);
  process.stdout.write(`${JSON.stringify({ dir, shape, seed, files: made.files, MB: Math.round(made.bytes / 2 ** 20), kinded: made.kinded })}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
