// markdown-it (14, the renderer behind VS Code's markdown preview) is in
// node_modules as a dependency of the packaging tool; tests render with it,
// and the scanner's reference test asks its block tokens (a second CommonMark
// parser) where remark departs from the spec.
declare module 'markdown-it' {
  interface Options {
    html?: boolean;
    linkify?: boolean;
    typographer?: boolean;
  }
  interface Token {
    type: string;
    tag: string;
    /** Source lines [begin, end), 0-based, of a block token. */
    map: [number, number] | null;
    /** Nesting level of the token in the block tree (0 at the top). */
    level: number;
    content: string;
  }
  class MarkdownIt {
    constructor(presetName?: 'default' | 'commonmark' | 'zero', options?: Options);
    constructor(options?: Options);
    render(src: string): string;
    parse(src: string, env: object): Token[];
  }
  export default MarkdownIt;
}
