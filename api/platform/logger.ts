/**
 * Structured JSON logs, one object per line on stdout, so any log shipper can index them.
 * Injected into createApp so tests stay quiet and can assert on what was logged.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function createJsonLogger(
  minimum: LogLevel | 'silent',
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): Logger {
  const log = (level: LogLevel) => (message: string, fields: LogFields = {}) => {
    if (RANK[level] < RANK[minimum]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }, errorReplacer));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** Errors do not serialise to JSON by default; keep their name, message, stack and cause (server-side only). */
function errorReplacer(_key: string, value: unknown) {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack, cause: value.cause };
  }
  return value;
}

/** A logger that keeps entries in memory, for tests. */
export function createMemoryLogger() {
  const entries: Array<{ level: LogLevel; message: string; fields: LogFields }> = [];
  const log = (level: LogLevel) => (message: string, fields: LogFields = {}) => {
    entries.push({ level, message, fields });
  };
  return { entries, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') } satisfies Logger & {
    entries: unknown;
  };
}
