/** Base error of the seed loader. */
export class SeedError extends Error {
  override name = 'SeedError';
}

/** The seed files are invalid; nothing was written. `problems` name the file and the record. */
export class SeedValidationError extends SeedError {
  override name = 'SeedValidationError';

  constructor(readonly problems: string[]) {
    const shown = problems.slice(0, 50);
    const more = problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : '';
    super(`The seed files have ${problems.length} problem(s); nothing was written:\n  ${shown.join('\n  ')}${more}`);
  }
}

/** The CMS refused a record while writing; the transaction was rolled back, nothing was written. */
export class SeedWriteError extends SeedError {
  override name = 'SeedWriteError';

  constructor(where: string, cause: unknown) {
    const details = (cause as { details?: { errors?: { path: string[]; message: string }[] } }).details?.errors ?? [];
    const reasons = details.length > 0 ? details.map((d) => `${d.path.join('.')}: ${d.message}`) : [String((cause as Error).message ?? cause)];
    super(`The CMS refused ${where}; nothing was written:\n  ${reasons.join('\n  ')}`, { cause });
  }
}
