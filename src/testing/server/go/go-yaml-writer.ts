/** go-yaml's preferred line width: plain and quoted scalars wrap at a space after it. */
export const bestWidth = 80;

/**
 * The output of go-yaml's emitter and the state its layout decisions read: the column (in
 * characters), whether the last thing written was whitespace, and whether the line so far
 * is only indentation.
 */
export class YamlWriter {
  private readonly parts: string[] = [];
  column = 0;
  whitespace = true;
  indention = true;

  text(): string {
    return this.parts.join('');
  }

  /** One character (a code point); it takes one column. */
  put(character: string): void {
    this.parts.push(character);
    this.column++;
  }

  putAll(characters: string): void {
    for (const character of characters) this.put(character);
  }

  newline(): void {
    this.parts.push('\n');
    this.column = 0;
  }

  /** A line break of the value itself: \n, or U+2028/U+2029 written as they are. */
  lineBreak(character: string): void {
    if (character === '\n') {
      this.newline();
      return;
    }
    this.parts.push(character);
    this.column = 0;
  }

  /** Starts a line at `indent` unless the line holds only indentation up to there. */
  indent(indent: number): void {
    const target = Math.max(indent, 0);
    if (!this.indention || this.column > target || (this.column === target && !this.whitespace)) this.newline();
    while (this.column < target) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  /** An indicator such as `-`, `:`, `?`, `|` or a quote, after a space when one is needed. */
  indicator(text: string, options: { spaceBefore: boolean; isWhitespace: boolean; isIndention: boolean }): void {
    if (options.spaceBefore && !this.whitespace) this.put(' ');
    this.putAll(text);
    this.whitespace = options.isWhitespace;
    this.indention = this.indention && options.isIndention;
  }
}
