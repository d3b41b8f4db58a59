/**
 * The Content-Security-Policy of one build. Astro puts small inline scripts in the pages (the
 * `astro-island` element that hydrates React islands and one per `client:*` directive), so
 * `script-src 'self'` alone would break hydration: the policy allows exactly the inline scripts of
 * the build by their SHA-256 hash, computed when the build is swapped in. Styles, images and
 * connections are left unrestricted (Astro inlines small styles and style attributes; images may
 * come from the CMS's uploads; islands may call other services). If the build has inline event
 * handlers, or too many distinct inline scripts for one header, scripts are left unrestricted
 * rather than broken, and the log says so.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Logger } from './builder';

/** Beyond this many distinct inline scripts, hashes would make a huge header: the policy leaves scripts unrestricted. */
const maxScriptHashes = 64;
/** Script types a browser runs (and CSP governs); JSON data blocks such as ld+json are not run. */
const runnableScript = /^(|module|importmap|speculationrules|(text|application)\/(java|ecma)script)$/i;
const fixed = "object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

/** The policy for the build whose HTML files are `htmlFiles` (absolute paths). */
export async function contentSecurityPolicy(htmlFiles: string[], log: Logger): Promise<string> {
  const hashes = new Set<string>();
  let handlers = false;
  for (const file of htmlFiles) {
    const html = await fs.promises.readFile(file, 'utf8');
    for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
      const attributes = match[1]!;
      if (/\ssrc\s*=/i.test(attributes)) continue;
      const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? '';
      if (!runnableScript.test(type)) continue;
      // Browsers hash the script text after the parser's newline normalisation.
      const text = match[2]!.replace(/\r\n?/g, '\n');
      hashes.add(`'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`);
    }
    handlers ||= /<[a-z][^>]*\son[a-z]+\s*=/i.test(html);
  }
  if (handlers) {
    log.warn('The build has inline event handlers (on…= attributes): the Content-Security-Policy leaves scripts unrestricted.');
    return fixed;
  }
  if (hashes.size > maxScriptHashes) {
    log.warn(`The build has ${hashes.size} distinct inline scripts: the Content-Security-Policy leaves scripts unrestricted.`);
    return fixed;
  }
  return [`script-src 'self' ${[...hashes].sort().join(' ')}`.trim(), fixed].join('; ');
}

/** For uploaded files (anything an editor put in the media library): no scripts, no plugins, no forms, a unique origin. */
export const uploadPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
