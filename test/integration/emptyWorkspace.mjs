// The `walkthrough` group's workspace (test/harness/groups.mjs): an empty
// folder, where a new user starts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export default async function generate(tmp) {
  const dir = join(tmp, 'my-mentorship');
  mkdirSync(dir);
  return dir;
}
