/**
 * How long indexing work that yields (listing, linking, reading the index
 * cache) keeps a host's event loop at a stretch before it lets others run:
 * well under the 50 ms a user notices, and long enough that on a busy host
 * (VS Code starting a dozen other extensions) each slice does not wait a
 * whole turn of the loop for a sliver of work.
 */
export const SLICE_MS = 16;
