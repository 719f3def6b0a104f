/** Utilities.newBlob(bytes, contentType, name): bytes as Apps Script hands them (signed). */
export class FakeBlob {
  constructor(
    private readonly bytes: number[],
    private readonly contentType: string | null,
    private readonly name: string | null,
  ) {
    if (bytes.some((b) => !Number.isInteger(b) || b < -128 || b > 127))
      throw new Error('Exception: Invalid argument: data (bytes must be -128..127)');
  }
  getBytes(): number[] {
    return this.bytes.slice();
  }
  getContentType(): string | null {
    return this.contentType;
  }
  getName(): string | null {
    return this.name;
  }
}
