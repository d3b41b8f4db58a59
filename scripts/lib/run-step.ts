import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

/** Runs one step of `npm start` / `npm test` with its output shown; stops the script if it fails. */
export function runStep(title: string, command: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): void {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: options.cwd ?? root, stdio: 'inherit', env: { ...process.env, ...options.env } });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (exit code ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}
