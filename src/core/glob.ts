// Glob patterns as VS Code writes them (`**`, `*`, `?`, `{a,b}`, `[abc]`),
// matched against '/'-separated paths relative to a workspace folder. Used to
// list notes with Node's fs (much faster than workspace.findFiles on a big
// folder) while honouring the same include and exclude globs. Pure: no vscode.

/** The RegExp of one glob, anchored to the whole relative path. */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${globSource(glob)}$`);
}

/** The RegExp source of one glob, unanchored. */
function globSource(glob: string): string {
  let out = '';
  let depth = 0;
  let i = 0;
  const g = glob.replace(/^\.\//, '');
  while (i < g.length) {
    const c = g[i]!;
    if (c === '*' && g[i + 1] === '*') {
      const atStart = i === 0 || g[i - 1] === '/' || g[i - 1] === '{' || g[i - 1] === ',';
      if (atStart && g[i + 2] === '/') {
        out += '(?:.*/)?'; // `**/`: any folders, or none
        i += 3;
      } else if (atStart && (i + 2 === g.length || g[i + 2] === '}' || g[i + 2] === ',')) {
        out += '.*';
        i += 2;
      } else {
        out += '.*';
        i += 2;
      }
      continue;
    }
    if (c === '/' && g[i + 1] === '*' && g[i + 2] === '*' && (i + 3 === g.length || g[i + 3] === '}' || g[i + 3] === ',')) {
      out += '(?:/.*)?'; // `x/**`: x itself and everything under it
      i += 3;
      continue;
    }
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      out += '(?:';
      depth++;
    } else if (c === '}' && depth > 0) {
      out += ')';
      depth--;
    } else if (c === ',' && depth > 0) out += '|';
    else if (c === '[') {
      const end = g.indexOf(']', i + 1);
      if (end === -1) out += '\\[';
      else {
        const body = g.slice(i + 1, end).replace(/\\/g, '\\\\');
        out += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = end;
      }
    } else out += c.replace(/[.+^$()|\\]/g, '\\$&');
    i++;
  }
  // An unclosed `{` (a typo in files.exclude) matches as if closed at the end, rather than breaking the listing.
  return out + ')'.repeat(depth);
}

// A glob of any folders then a name (no slash and no double star in the
// name): it matches a path by the path's last segment alone.
const ANY_FOLDER_NAME = /^\*\*\/(?!.*\*\*)[^/]+$/;

/** A test for paths matching any of `globs` (none: matches nothing). */
export function globMatcher(globs: string[]): (path: string) => boolean {
  const given = globs.filter(Boolean).map((g) => g.replace(/^\.\//, ''));
  // Such globs (VS Code's default files.exclude has six) are tested against
  // the path's last segment: as part of one RegExp over whole paths, each
  // one's any-folders prefix scanned every path again.
  const byName = given.filter((g) => ANY_FOLDER_NAME.test(g)).map((g) => globSource(g.slice(3)));
  const byPath = given.filter((g) => !ANY_FOLDER_NAME.test(g)).map(globSource);
  const name = byName.length ? new RegExp(`^(?:${byName.join('|')})$`) : undefined;
  const whole = byPath.length ? new RegExp(`^(?:${byPath.join('|')})$`) : undefined;
  if (!name && !whole) return () => false;
  return (path) => (name !== undefined && name.test(path.slice(path.lastIndexOf('/') + 1))) || (whole !== undefined && whole.test(path));
}
