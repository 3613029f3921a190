// Page object for the playground: where things are (locators) and what a user does.
// Specs assert on these locators; they do not hard-code selectors.

export class Playground {
  constructor(page) {
    this.page = page;
    this.title = page.getByTestId('title');
    this.editor = page.getByTestId('editor');
    this.status = page.getByTestId('status');
    this.diagnostics = page.getByTestId('diagnostics').locator('li');
    this.goStatements = page.getByTestId('go-statements').locator('li');
  }

  /** Opens the page and waits until the app has rendered the editor. */
  async open() {
    await this.page.goto('/');
    await this.editor.waitFor();
  }

  /** The editor's current program text. */
  async source() {
    return this.editor.inputValue();
  }

  /** Replaces the whole program, as a user typing would (fires input events). */
  async setSource(text) {
    await this.editor.fill(text);
  }
}
