/** Records every call made on a fake service object, for counting and assertions. */

export interface Call {
  /** e.g. "Range:Pegawai", "Sheet:Pegawai", "Spreadsheet", "MailApp" */
  target: string;
  method: string;
  args: unknown[];
}

export class CallLog {
  readonly calls: Call[] = [];
  /** called before each recorded call runs (the world's clock: time passes, the 6-minute limit) */
  onCall: ((call: Call) => void) | null = null;

  record(target: string, method: string, args: unknown[]): void {
    const call = { target, method, args };
    this.calls.push(call);
    this.onCall?.(call);
  }

  count(pred: (c: Call) => boolean = () => true): number {
    return this.calls.filter(pred).length;
  }

  /** calls on spreadsheets, their sheets and ranges (what the quotas count) */
  spreadsheetCalls(sheet?: string): Call[] {
    return this.calls.filter((c) =>
      sheet === undefined
        ? /^(SpreadsheetApp|Spreadsheet|Sheet|Range)/.test(c.target)
        : c.target === `Sheet:${sheet}` || c.target === `Range:${sheet}`,
    );
  }

  methods(target: string): string[] {
    return this.calls.filter((c) => c.target === target).map((c) => c.method);
  }

  clear(): void {
    this.calls.length = 0;
  }
}

/**
 * Wraps an object so every method call is logged under `label()`. Methods that return their
 * own object (builders) return the wrapper, so chained calls are logged too.
 */
export function tracked<T extends object>(obj: T, label: () => string, log: CallLog): T {
  const proxy: T = new Proxy(obj, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop === 'symbol' || prop === 'constructor') return value;
      return (...args: unknown[]) => {
        log.record(label(), prop, args);
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result === target ? proxy : result;
      };
    },
  });
  return proxy;
}
