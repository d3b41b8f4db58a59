/**
 * Real citizens' questions, for the evaluations: read from the shared data folder
 * (`../shared/data/citizen-questions-dev.json`, or the file CITIZEN_QUESTIONS names), never copied
 * into this repository. Each in-scope question carries the national codes (N.NNNNNN) of the
 * procedures an officer would open for it; any of them is right.
 */
import fs from 'node:fs';
import path from 'node:path';
import { hasDiacritics } from '@portal/search';

export type CitizenQuestion = { id: string; q: string; codes: string[]; variantOf?: string };
export type OutOfScopeQuestion = { id: string; q: string };
export type CitizenQuestions = { file: string; inScope: CitizenQuestion[]; outOfScope: OutOfScopeQuestion[] };

export const defaultCitizenQuestionsFile = path.resolve(import.meta.dirname, '../../../shared/data/citizen-questions-dev.json');

/** The questions, or a sentence saying why there are none here. */
export function readCitizenQuestions(file = process.env.CITIZEN_QUESTIONS || defaultCitizenQuestionsFile): CitizenQuestions | string {
  if (!fs.existsSync(file)) return `NOT RUN on real questions: ${file} is not on this machine (set CITIZEN_QUESTIONS to a file of the same shape)`;
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { inScope: CitizenQuestion[]; outOfScope: OutOfScopeQuestion[] };
  return { file, inScope: data.inScope, outOfScope: data.outOfScope };
}

/** Whether a full procedure code (1.001193.000.00.00.H42), or a FAQ's procedure code, is one of the national codes asked for. */
export const codeMatches = (code: string | null | undefined, codes: string[]): boolean =>
  !!code && codes.some((national) => code === national || code.startsWith(`${national}.`));

/** Where a question falls, for the per-group figures: its length band, and whether it is typed without diacritics. */
export function questionGroups(q: string): string[] {
  return [q.length <= 200 ? 'length ≤ 200' : 'length > 200', ...(hasDiacritics(q) ? [] : ['no diacritics'])];
}
