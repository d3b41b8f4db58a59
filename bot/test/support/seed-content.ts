/**
 * Content straight from the seed files (seeds/data by default), in the contract's shapes, for the
 * tests that measure the assistant without a running CMS (`publishedContent` of @portal/seeds, a
 * devDependency of the assistant).
 */
import { publishedContent, sampleDataDir } from '@portal/seeds';
import type { Content, ContentSource } from '../../src/content/types';

export class SeedContentSource implements ContentSource {
  readonly name = 'seed files';

  constructor(private readonly dir: string = sampleDataDir) {}

  async load(): Promise<Content> {
    return publishedContent(this.dir);
  }
}
