// markdown-it (14, the renderer behind VS Code's markdown preview) is in
// node_modules as a dependency of the packaging tool; tests render with it.
declare module 'markdown-it' {
  interface Options {
    html?: boolean;
    linkify?: boolean;
    typographer?: boolean;
  }
  class MarkdownIt {
    constructor(options?: Options);
    render(src: string): string;
  }
  export default MarkdownIt;
}
