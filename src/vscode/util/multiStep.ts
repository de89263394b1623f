// Questions asked one after another in ONE quick input that stays open from
// the first to the last (step n of m, a Back button, ignoreFocusOut): there is
// no moment between two questions where the widget is closed and the focus
// goes back to what was there (the walkthrough's page took it, and closed the
// next prompt). Nothing is written by the caller until the last answer;
// Escape at any step answers undefined.
import * as vscode from 'vscode';

export const BACK = Symbol('back');
export type Answer<T> = T | typeof BACK | undefined;

export interface TextStep {
  prompt: string;
  placeHolder?: string;
  value?: string;
  /** A message when the value is not acceptable yet (Enter is refused), else undefined. */
  validate?: (value: string) => string | undefined;
}

export interface PickStep<T extends vscode.QuickPickItem> {
  placeHolder: string;
  items: readonly T[];
  /** Match on description and detail too. */
  matchOnDescription?: boolean;
}

export class MultiStepInput implements vscode.Disposable {
  private current: vscode.QuickInput | undefined;

  constructor(
    readonly title: string,
    public totalSteps: number,
  ) {}

  /** Shows `input` in place of the one on screen: the widget never closes in between. */
  private show(input: vscode.QuickInput): void {
    const previous = this.current;
    this.current = input;
    input.show();
    previous?.dispose();
  }

  private frame(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, step: number): void {
    input.title = this.title;
    input.step = step;
    input.totalSteps = Math.max(step, this.totalSteps);
    input.ignoreFocusOut = true;
    input.buttons = step > 1 ? [vscode.QuickInputButtons.Back] : [];
  }

  /** One question: `open` builds and shows its input, wired to `finish`. */
  private ask<A>(open: (finish: (answer: A) => void, wire: (subs: vscode.Disposable[]) => void) => void): Promise<A> {
    return new Promise((resolve) => {
      let done = false;
      let subs: vscode.Disposable[] = [];
      const finish = (answer: A) => {
        if (done) return;
        done = true;
        subs.forEach((d) => d.dispose());
        resolve(answer);
      };
      open(finish, (next) => (subs = next));
    });
  }

  text(step: number, options: TextStep): Promise<Answer<string>> {
    return this.ask<Answer<string>>((finish, wire) => {
      const input = vscode.window.createInputBox();
      this.frame(input, step);
      input.prompt = options.prompt;
      if (options.placeHolder !== undefined) input.placeholder = options.placeHolder;
      input.value = options.value ?? '';
      // Told once the user types or presses Enter, not before.
      const check = () => (input.validationMessage = options.validate?.(input.value));
      wire([
        input.onDidChangeValue(check),
        input.onDidAccept(() => {
          if (check()) return;
          finish(input.value);
        }),
        input.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && finish(BACK)),
        input.onDidHide(() => finish(undefined)),
      ]);
      this.show(input);
    });
  }

  pick<T extends vscode.QuickPickItem>(step: number, options: PickStep<T>): Promise<Answer<T>> {
    return this.ask<Answer<T>>((finish, wire) => {
      const input = vscode.window.createQuickPick<T>();
      this.frame(input, step);
      input.placeholder = options.placeHolder;
      input.items = options.items;
      input.matchOnDescription = !!options.matchOnDescription;
      input.matchOnDetail = !!options.matchOnDescription;
      wire([
        input.onDidAccept(() => {
          const picked = input.selectedItems[0] ?? input.activeItems[0];
          if (picked) finish(picked);
        }),
        input.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && finish(BACK)),
        input.onDidHide(() => finish(undefined)),
      ]);
      this.show(input);
    });
  }

  /** Closes the input (after the last answer, or on cancel). */
  dispose(): void {
    this.current?.dispose();
    this.current = undefined;
  }
}

/**
 * Runs steps in order with Back: each step returns its answer, `BACK` (the
 * previous step again) or undefined (cancelled: the whole input is). True
 * when every step answered.
 */
export async function runSteps(input: MultiStepInput, steps: ((step: number) => Promise<Answer<unknown>>)[]): Promise<boolean> {
  try {
    let i = 0;
    while (i < steps.length) {
      const answer = await steps[i]!(i + 1);
      if (answer === undefined) return false;
      if (answer === BACK) i = Math.max(0, i - 1);
      else i++;
    }
    return true;
  } finally {
    input.dispose();
  }
}
