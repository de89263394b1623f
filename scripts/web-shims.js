// Globals a browser lacks that bundled dependencies touch. gray-matter keeps
// a Buffer copy of the text it parsed (`file.orig`), which we never read.
export const Buffer = {
  from: (input) => (typeof input === 'string' ? new TextEncoder().encode(input) : input),
  isBuffer: () => false,
};
