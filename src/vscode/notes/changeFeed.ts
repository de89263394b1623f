// The change feed: keeps each folder's index current one file at a time, from
// a debounced, batched file watcher and from the editors' unsaved text (what
// the editor shows wins over the disk until the editor closes).
import * as vscode from 'vscode';
import { isNotePath, readNote, type FolderNotes } from './folderNotes';

type Pending = 'changed' | 'deleted';

/** What the feed needs of the notes service. */
export interface FeedHost {
  folderOf(uri: vscode.Uri): FolderNotes | undefined;
  isTemplate(uri: vscode.Uri): boolean;
  /** Runs `task` after every index build or update before it (one chain). */
  serialize(task: () => Promise<void>): void;
  /** The index changed (`onDisk`: from the disk, so the cache is worth writing again). */
  changed(onDisk: boolean): void;
}

export class ChangeFeed implements vscode.Disposable {
  private pending = new Map<string, Pending>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly docTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Notes whose indexed content came from an editor rather than the disk. */
  private readonly fromEditor = new Set<string>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly host: FeedHost) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables = [
      watcher,
      watcher.onDidCreate((u) => this.queue(u, 'changed')),
      watcher.onDidChange((u) => this.queue(u, 'changed')),
      watcher.onDidDelete((u) => this.queue(u, 'deleted')),
      vscode.workspace.onDidChangeTextDocument((e) => this.documentChanged(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        // The index saw this editor's unsaved text; once it is closed the disk is the truth again.
        if (this.fromEditor.delete(d.uri.toString())) this.queue(d.uri, 'changed');
      }),
    ];
  }

  /** A change is waiting to be applied (or being debounced). */
  get busy(): boolean {
    return this.pending.size > 0 || this.flushTimer !== undefined || this.docTimers.size > 0;
  }

  private documentChanged(doc: vscode.TextDocument): void {
    if (!isNotePath(doc.uri.path) || !this.host.folderOf(doc.uri) || this.host.isTemplate(doc.uri)) return;
    const key = doc.uri.toString();
    clearTimeout(this.docTimers.get(key));
    this.docTimers.set(
      key,
      setTimeout(() => {
        this.docTimers.delete(key);
        const folder = this.host.folderOf(doc.uri);
        const rel = folder?.rel(doc.uri);
        if (!folder || rel === undefined || doc.isClosed || !folder.accepts(rel)) return;
        const before = folder.index.generation;
        folder.index.update(rel, doc.getText());
        this.fromEditor.add(key);
        if (folder.index.generation !== before) this.host.changed(false);
      }, 150),
    );
  }

  private queue(uri: vscode.Uri, what: Pending): void {
    if (!this.host.folderOf(uri)) return;
    if (/\/(\.git|node_modules)(\/|$)/.test(uri.path)) return;
    if (this.host.isTemplate(uri)) return;
    // A note the index does not take (excluded, say) costs nothing: no stat, no read.
    const folder = this.host.folderOf(uri);
    const rel = folder?.rel(uri);
    if (what === 'changed' && folder && rel !== undefined && isNotePath(rel) && !folder.accepts(rel) && !folder.index.has(rel)) return;
    this.pending.set(uri.toString(), what);
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.host.serialize(() => this.flush());
    }, 100);
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    let changed = false;
    for (const [key, what] of batch) {
      const uri = vscode.Uri.parse(key);
      const folder = this.host.folderOf(uri);
      const rel = folder?.rel(uri);
      if (!folder || rel === undefined || rel === '') continue;
      const before = folder.index.generation;
      try {
        if (what === 'deleted') {
          if (folder.index.has(rel)) folder.index.remove(rel);
          else folder.index.removeFolder(rel);
        } else if (isNotePath(rel)) {
          // Excluded (or outside the include glob): what a full listing would not list is not indexed.
          if (!folder.accepts(rel)) {
            if (folder.index.has(rel)) folder.index.remove(rel);
            continue;
          }
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
          // An open, edited document is already what the index sees.
          if (open?.isDirty) continue;
          // Stat before reading: should the file change in between, the next compare sees it.
          const info = await folder.stat(uri);
          const content = info && (await readNote(uri).catch(() => undefined));
          if (!info || content === undefined) folder.index.remove(rel);
          else folder.index.update(rel, content, open ? undefined : info);
        } else {
          // A folder that appeared (created, renamed, or moved in): index what it holds.
          const stat = await vscode.workspace.fs.stat(uri).then(
            (s) => s,
            () => undefined,
          );
          if (stat && stat.type & vscode.FileType.Directory) {
            for (const u of await folder.findNotes(rel)) {
              const r = folder.rel(u);
              const info = r === undefined ? undefined : await folder.stat(u);
              if (r !== undefined && info) folder.index.update(r, await readNote(u), info);
            }
          }
        }
      } catch {
        // One unreadable file must not stop the batch; the next event retries it.
      }
      if (folder.index.generation !== before) changed = true;
    }
    if (changed) this.host.changed(true);
  }

  dispose(): void {
    for (const t of this.docTimers.values()) clearTimeout(t);
    clearTimeout(this.flushTimer);
    for (const d of this.disposables) d.dispose();
  }
}
