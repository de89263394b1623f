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

/** A test for paths matching any of `globs` (none: matches nothing). */
export function globMatcher(globs: string[]): (path: string) => boolean {
  const sources = globs.filter(Boolean).map(globSource);
  if (sources.length === 0) return () => false;
  // One RegExp for them all: the listing tests every path of the folder against it.
  const re = new RegExp(`^(?:${sources.join('|')})$`);
  return (path) => re.test(path);
}
