/**
 * Answer composition. A FAQ answer is the editor's text as published; a procedure answer is built
 * only from the procedure's fields (channels, documents, agencies…), so every number it states is
 * in the source. The sentences around them are in bot/data/messages.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { documentPath, type Channel, type Locale } from '@portal/cms/contracts';
import type { Agency, Faq, Procedure } from './content/types';
import type { Aspect } from './intents';
import { described } from './knowledge';
import { fill } from './text';

type LocaleMessages = {
  channels: Record<string, string>;
  headings: Record<Aspect, string>;
  serviceLevels: Record<string, string>;
  refuse: { topics: Record<string, string> } & Record<string, string | Record<string, string>>;
} & Record<string, string | Record<string, string> | undefined>;
export type Messages = Record<Locale, LocaleMessages>;

export const defaultMessagesFile = path.resolve(import.meta.dirname, '../data/messages.json');
export const readMessages = (file = defaultMessagesFile): Messages => JSON.parse(fs.readFileSync(file, 'utf8')) as Messages;

/** A source as the HTTP contract has it, plus its stable key (national code or slug) for clients and the evaluation. */
export type Source = { type: 'faq' | 'procedure'; documentId: string; code: string | null; title: string; url: string; key: string };

export const faqSource = (f: Faq, urlLocale: Locale = f.locale): Source => ({
  type: 'faq',
  documentId: f.documentId,
  code: f.procedure?.code ?? null,
  title: f.question,
  url: documentPath('faq', urlLocale, f.slug),
  key: f.slug,
});

export const procedureSource = (p: Procedure): Source => ({
  type: 'procedure',
  documentId: p.documentId,
  code: p.code,
  title: p.name,
  url: documentPath('procedure', p.locale, p.slug),
  key: p.nationalCode,
});

/** Vietnamese groups thousands with dots and writes decimals with a comma; English the other way round. */
export function formatNumber(n: number, locale: Locale): string {
  const [int, dec] = String(n).split('.');
  const sep = locale === 'vi' ? '.' : ',';
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return dec ? `${grouped}${locale === 'vi' ? ',' : '.'}${dec}` : grouped;
}

export class Composer {
  constructor(
    readonly messages: Messages,
    private readonly agencies: (locale: Locale, slug: string) => Agency | undefined,
  ) {}

  text(locale: Locale, name: string, values: Record<string, string | number | null | undefined> = {}): string {
    const template = this.messages[locale][name] ?? this.messages.vi[name];
    return typeof template === 'string' ? fill(template, values) : '';
  }

  private fee(c: Channel, locale: Locale): string {
    if (c.feeText) return c.feeText;
    if (c.feeAmount === null || c.feeAmount === undefined) return this.text(locale, 'notStated');
    return c.feeAmount === 0 ? this.text(locale, 'free') : this.text(locale, 'amount', { amount: formatNumber(c.feeAmount, locale) });
  }

  private time(c: Channel, locale: Locale): string {
    if (c.timeLimitText) return c.timeLimitText;
    if (c.timeLimitDays === null || c.timeLimitDays === undefined) return this.text(locale, 'notStated');
    const key = locale === 'en' && c.timeLimitDays === 1 ? 'workingDay' : 'workingDays';
    return this.text(locale, key, { days: formatNumber(c.timeLimitDays, locale) });
  }

  /** One line per distinct value, naming the channels that share it. */
  private byChannel(p: Procedure, value: (c: Channel) => string): string[] {
    const channels = p.channels;
    const groups = new Map<string, string[]>();
    for (const c of channels) {
      const v = value(c);
      groups.set(v, [...(groups.get(v) ?? []), this.messages[p.locale].channels[c.channel] ?? c.channel]);
    }
    if (groups.size === 1 && channels.length > 1) return [`- **${this.text(p.locale, 'sameForAll')}**: ${[...groups.keys()][0]}`];
    return [...groups].map(([v, names]) => `- **${names.join(', ')}**: ${v}`);
  }

  private quantity(n: number | null, locale: Locale, key: 'originals' | 'copies'): string | undefined {
    if (!n) return undefined;
    return this.text(locale, locale === 'en' && n > 1 ? `${key}Plural` : key, { count: n });
  }

  private section(p: Procedure, aspect: Aspect): string[] {
    const l = p.locale;
    switch (aspect) {
      case 'fee':
        return this.byChannel(p, (c) => this.fee(c, l));
      case 'time':
        return this.byChannel(p, (c) => this.time(c, l));
      case 'documents':
        return p.documents.map((d) => {
          const counts = [this.quantity(d.originals, l, 'originals'), this.quantity(d.copies, l, 'copies')].filter(Boolean).join(', ');
          return `- ${d.name}${counts ? ` (${counts})` : ''}${d.note ? `. ${d.note}` : ''}`;
        });
      case 'where': {
        const lines = p.agencies.flatMap((ref) => {
          const a = this.agencies(l, ref.slug);
          if (!a) return ref.name ? [`- ${ref.name}`] : [];
          const contact = a.phone && a.email ? ` ${this.text(l, 'agencyContact', { phone: a.phone, email: a.email })}` : '';
          return [`- ${a.address ? this.text(l, 'agencyLine', { name: a.name, address: a.address }) : a.name}.${contact}`];
        });
        if (p.channels.some((c) => c.channel === 'truc-tuyen')) {
          lines.push(this.text(l, 'onlineAvailable', { serviceLevel: this.messages[l].serviceLevels[p.serviceLevel] ?? p.serviceLevel }));
        }
        return lines;
      }
      case 'online': {
        const online = p.channels.find((c) => c.channel === 'truc-tuyen');
        if (!online) return [this.text(l, 'onlineNotAvailable')];
        return [
          this.text(l, 'onlineAvailable', { serviceLevel: this.messages[l].serviceLevels[p.serviceLevel] ?? p.serviceLevel }),
          `- **${this.messages[l].headings.time}**: ${this.time(online, l)}`,
          `- **${this.messages[l].headings.fee}**: ${this.fee(online, l)}`,
        ];
      }
      case 'steps':
        return p.steps.map((s) => `- **${s.title}**${s.description ? `: ${s.description}` : ''}`);
      case 'requirements':
        return p.requirements ? [p.requirements] : [];
      case 'result':
        return p.result ? [p.result] : [];
    }
  }

  /**
   * The procedure's answer to the aspects asked (fee, time, documents, where…); with none, an
   * overview: processing time, fees and where to apply. A catalogue-only procedure (no
   * description) gets what the catalogue says and a pointer to its page.
   */
  procedureAnswer(p: Procedure, asked: readonly Aspect[]): string {
    const l = p.locale;
    const parts = [this.text(l, 'procedureTitle', { name: p.name, code: p.code })];
    const link = this.text(l, 'seeProcedure', { title: p.name, url: documentPath('procedure', l, p.slug) });
    if (!described(p)) {
      const agencies = p.agencies.map((a) => this.agencies(l, a.slug)?.name ?? a.name).filter(Boolean).join('; ');
      if (p.field?.name || agencies) parts.push(this.text(l, 'fieldAndAgencies', { field: p.field?.name ?? '', agencies }));
      const level = this.messages[l].serviceLevels[p.serviceLevel];
      if (level) parts.push(this.text(l, 'serviceLevel', { serviceLevel: level }));
      parts.push(this.text(l, 'notDescribed'), link);
      return parts.join('\n\n');
    }
    const wanted = asked.length > 0 ? asked : (['time', 'fee', 'where'] as Aspect[]);
    for (const aspect of wanted) {
      const lines = this.section(p, aspect);
      if (lines.length === 0) continue;
      parts.push(`**${this.messages[l].headings[aspect]}**\n${lines.join('\n')}`);
    }
    parts.push(link);
    return parts.join('\n\n');
  }

  /** The text of the handoff: the reason, then the contact of the agency that takes over (if the content has it). */
  handoff(locale: Locale, reason: 'handoffRequested' | 'handoffLowConfidence' | 'handoffPaused', agency: Agency | undefined): string {
    const parts = [this.text(locale, reason)];
    if (agency) {
      const lines = [
        agency.phone && `- ${this.text(locale, 'hotline', { phone: agency.phone })}`,
        agency.email && `- ${this.text(locale, 'email', { email: agency.email })}`,
        agency.address && `- ${this.text(locale, 'address', { address: agency.address })}`,
        agency.openingHours && `- ${this.text(locale, 'hours', { hours: agency.openingHours })}`,
      ].filter(Boolean);
      parts.push(`${this.text(locale, 'handoffContact', { name: agency.name })}\n${lines.join('\n')}`);
    }
    return parts.join('\n\n');
  }

  refusal(locale: Locale, category: string, topic: string | undefined, agency: Agency | undefined): string {
    const refuse = this.messages[locale].refuse;
    const parts = [typeof refuse[category] === 'string' ? (refuse[category]) : (refuse.outOfScope as string)];
    if (topic && refuse.topics[topic]) parts.push(refuse.topics[topic]);
    const pointer = agency?.phone ? fill(refuse.pointer as string, { phone: agency.phone }) : (refuse.pointerNoPhone as string);
    return [parts.join(' '), pointer].join('\n\n');
  }
}
