// The history of a plan's text, for undo and redo: every change (a form's
// edit, a confirmed guess, typing, a reload, "discard my changes") is a
// state; typing without a pause of `pauseMs` is one state. Pure.

export class History {
  constructor(text, { limit = 500, pauseMs = 1000 } = {}) {
    this.states = [{ text, label: '' }];
    this.at = 0;
    this.limit = limit;
    this.pauseMs = pauseMs;
    this.typingAt = -Infinity; // when the open typing state was last typed into
  }

  get text() { return this.states[this.at].text; }
  get canUndo() { return this.at > 0; }
  get canRedo() { return this.at < this.states.length - 1; }
  /** What undo would take back, and what redo would do again. */
  get undoLabel() { return this.canUndo ? this.states[this.at].label : ''; }
  get redoLabel() { return this.canRedo ? this.states[this.at + 1].label : ''; }

  /**
   * The text became `text` by the change `label`. Typing goes into the state
   * of the typing before it unless a pause, another change or an undo came
   * between. Returns whether a state was added or changed.
   */
  record(text, label, { typing = false, now = Date.now() } = {}) {
    if (text === this.text) return false;
    if (typing && this.at === this.states.length - 1 && now - this.typingAt < this.pauseMs) {
      this.states[this.at] = { text, label };
      this.typingAt = now;
      return true;
    }
    this.states.splice(this.at + 1);
    this.states.push({ text, label });
    if (this.states.length > this.limit) this.states.splice(0, this.states.length - this.limit);
    this.at = this.states.length - 1;
    this.typingAt = typing ? now : -Infinity;
    return true;
  }

  /** Ends the typing state: the next keystroke starts a new one. */
  seal() { this.typingAt = -Infinity; }

  /** The text before the last change, or null when there is none. */
  undo() {
    if (!this.canUndo) return null;
    this.at--;
    this.seal();
    return this.text;
  }

  /** The text after the change undone last, or null when there is none. */
  redo() {
    if (!this.canRedo) return null;
    this.at++;
    this.seal();
    return this.text;
  }
}
