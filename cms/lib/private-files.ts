/**
 * The data folder holds the database, the generated secrets and the site's API token: only the
 * user the CMS runs as may read them (folder 0700, files 0600), whatever the umask.
 */
import fs from 'node:fs';

/** Creates `dir` (and missing parents) if needed and makes it private. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

/** Makes each of `files` that exists readable and writable by its owner only. */
export function makePrivate(...files: string[]): void {
  for (const file of files) if (fs.existsSync(file)) fs.chmodSync(file, 0o600);
}

/**
 * Creates `file` empty and private if it does not exist yet, so that what opens it later (SQLite)
 * finds it with the right mode. SQLite gives its -wal, -shm and -journal files the database's mode.
 */
export function ensurePrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  makePrivate(file);
}
