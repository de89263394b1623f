import { SLICE_MS } from './slices';

export interface Utf8PiecesOptions {
  /** The size of the one buffer every piece is a view of (default 1 MB). */
  pieceBytes?: number;
  /** Awaited whenever `sliceMs` have passed since the last pause or piece. */
  pause?: () => Promise<void>;
  sliceMs?: number;
}

/**
 * Lines encoded as UTF-8 into one reused buffer, handed out a piece at a time.
 * A piece is a view of that buffer: it is valid until the next piece is asked
 * for, so the consumer writes (or copies) it first. Each line's string dies
 * as soon as it is encoded, and nothing the size of the whole text is ever
 * made: writing a 16 MB index cache this way leaves no garbage for the host's
 * heap to grow into. A line too long for the buffer is its own piece.
 */
export async function* utf8Pieces(lines: Iterable<string>, options: Utf8PiecesOptions = {}): AsyncGenerator<Uint8Array> {
  const buffer = new Uint8Array(options.pieceBytes ?? 1 << 20);
  const encoder = new TextEncoder();
  const sliceMs = options.sliceMs ?? SLICE_MS;
  let used = 0;
  let sliceStart = Date.now();
  for (const line of lines) {
    // One UTF-16 unit never takes more than 3 bytes of UTF-8.
    if (line.length * 3 > buffer.length - used) {
      if (used > 0) {
        yield buffer.subarray(0, used);
        used = 0;
        sliceStart = Date.now();
      }
      if (line.length * 3 > buffer.length) {
        yield encoder.encode(line);
        sliceStart = Date.now();
        continue;
      }
    }
    used += encoder.encodeInto(line, buffer.subarray(used)).written;
    if (options.pause && Date.now() - sliceStart >= sliceMs) {
      await options.pause();
      sliceStart = Date.now();
    }
  }
  if (used > 0) yield buffer.subarray(0, used);
}
