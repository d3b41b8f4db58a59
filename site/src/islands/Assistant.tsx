import { useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent, type ReactNode } from 'react';

/**
 * The virtual assistant (hydrated with `client:focus`, on every page).
 *
 * Server-rendered it is only the launcher button, fixed at the bottom right; the code loads the
 * first time the launcher is focused or pressed, and a press made while it loads still opens the
 * panel (see `openedEarly`). The panel is a non-modal `role="dialog"`: it is opened by a button,
 * takes focus when it opens and gives it back to the launcher on Escape or close, which is the
 * dialog pattern, and screen readers announce its name on entry; it is not `aria-modal` because
 * the page stays usable beside it (the citizen may follow a source link or read on while it is
 * open). Messages go into a `role="log"` live region; an answer being streamed is shown to sighted
 * users as it arrives but hidden from assistive technology (`aria-busy`, "Đang trả lời…") and is
 * put into the log as a new node once complete, so it is announced once, whole. The conversation
 * (id and messages) is kept in sessionStorage per language, so it survives following a source.
 */

/** The assistant's endpoints (bot/, proxied by the site server on the same origin). */
const API = {
  ask: '/api/ask',
  /** Server-Sent Events: `chunk` `{ text }`…, then `done` (the `ask` JSON) or `error`. */
  stream: '/api/ask/stream',
  feedback: '/api/feedback',
  handoff: '/api/handoff',
} as const;

type Locale = 'vi' | 'en';
type Kind = 'answer' | 'clarify' | 'handoff' | 'refuse';
type Source = { title: string; url: string; code?: string | null };
type Reply = { conversationId?: string; kind: Kind; answer: string; sources: Source[]; turnId?: string };
/** What a request asks: a question, or a handoff to staff (`h`). Kept on an error line for retry. */
type Job = { q?: string; h?: boolean };
type Msg = {
  n: number;
  role: 'user' | 'bot' | 'error';
  text: string;
  kind?: Kind;
  sources?: Source[];
  /** Conversation and turn of an answer, for feedback. */
  c?: string;
  turnId?: string;
  vote?: 'up' | 'down';
  note?: string;
  /** Still streaming. */
  live?: boolean;
  job?: Job;
  lang?: Locale;
};

const MAX = 500;
const KEPT = 40;

const text = {
  vi: {
    launcher: 'Hỏi trợ lý ảo',
    title: 'Trợ lý ảo',
    intro:
      'Trợ lý trả lời dựa trên câu hỏi thường gặp và thủ tục hành chính chính thức của cổng, có ghi nguồn để bạn kiểm tra. Trợ lý không xem được hồ sơ cá nhân của bạn, vì vậy đừng nhập số định danh hay thông tin riêng tư.',
    close: 'Đóng',
    closeLabel: 'Đóng trợ lý ảo',
    log: 'Cuộc trò chuyện với trợ lý ảo',
    welcome: 'Xin chào! Bạn cần tìm hiểu thủ tục nào? Bạn có thể hỏi, ví dụ:',
    examples: ['Làm giấy khai sinh cho con cần những gì?', 'Cấp đổi giấy phép lái xe mất bao lâu?'],
    you: 'Bạn: ',
    bot: 'Trợ lý: ',
    errorPrefix: 'Lỗi: ',
    typing: 'Đang trả lời…',
    sources: 'Nguồn:',
    code: 'mã',
    choices: 'Chọn câu hỏi phù hợp',
    helpful: 'Câu trả lời này có hữu ích không?',
    up: 'Hữu ích',
    down: 'Chưa hữu ích',
    thanks: 'Cảm ơn bạn đã góp ý.',
    voteFailed: 'Chưa gửi được góp ý. Vui lòng thử lại.',
    label: 'Câu hỏi của bạn',
    placeholder: 'Ví dụ: Đăng ký kết hôn cần giấy tờ gì?',
    hint: 'Nhấn Enter để gửi, Shift + Enter để xuống dòng. Tối đa 500 ký tự.',
    left: (n: number) => `Còn ${n} ký tự.`,
    full: 'Đã đủ 500 ký tự, không nhập thêm được.',
    send: 'Gửi',
    handoff: 'Gặp nhân viên',
    handoffQuestion: 'Tôi muốn gặp nhân viên hỗ trợ.',
    restart: 'Trò chuyện mới',
    retry: 'Thử lại',
    error: 'Không kết nối được với trợ lý. Vui lòng kiểm tra mạng rồi thử lại.',
    empty: 'Trợ lý chưa có câu trả lời cho câu hỏi này.',
  },
  en: {
    launcher: 'Ask the assistant',
    title: 'Virtual assistant',
    intro:
      'The assistant answers from the portal’s official FAQs and administrative procedures and cites its sources so you can check them. It cannot see your personal dossiers, so please do not type ID numbers or other private details.',
    close: 'Close',
    closeLabel: 'Close the virtual assistant',
    log: 'Conversation with the virtual assistant',
    welcome: 'Hello! Which procedure would you like to know about? You could ask, for example:',
    examples: ['What do I need to register my child’s birth?', 'How long does it take to renew a driving licence?'],
    you: 'You: ',
    bot: 'Assistant: ',
    errorPrefix: 'Error: ',
    typing: 'Answering…',
    sources: 'Sources:',
    code: 'code',
    choices: 'Choose the matching question',
    helpful: 'Was this answer helpful?',
    up: 'Helpful',
    down: 'Not helpful',
    thanks: 'Thank you for your feedback.',
    voteFailed: 'Your feedback could not be sent. Please try again.',
    label: 'Your question',
    placeholder: 'For example: what papers do I need to register a marriage?',
    hint: 'Press Enter to send, Shift + Enter for a new line. 500 characters at most.',
    left: (n: number) => `${n} ${n === 1 ? 'character' : 'characters'} left.`,
    full: '500 characters reached; no more can be typed.',
    send: 'Send',
    handoff: 'Talk to a person',
    handoffQuestion: 'I would like to talk to a member of staff.',
    restart: 'New chat',
    retry: 'Try again',
    error: 'The assistant could not be reached. Please check your connection and try again.',
    empty: 'The assistant has no answer to this question yet.',
  },
} as const;

// ---------- Opened before hydration ----------

/**
 * This module is evaluated when `client:focus` starts loading the island (focus or press on the
 * launcher), before React hydrates it: a click on the launcher from then on is remembered here.
 */
let openedEarly = false;
const earlyClick = (event: Event) => {
  if (event.target instanceof Element && event.target.closest('#open-assistant')) openedEarly = true;
};
if (typeof document !== 'undefined') document.addEventListener('click', earlyClick, true);

const matches = (el: Element, selector: string) => {
  try {
    return el.matches(selector);
  } catch {
    return false; // an old browser without :focus-visible
  }
};

// ---------- HTTP ----------

class AskError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The endpoint is not there (yet): use the next way of asking. */
const missing = (status: number) => status === 404 || status === 405 || status === 501;

const post = (url: string, body: object) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/json' },
    body: JSON.stringify(body),
  });

/** The server's message from `{ error: { message } }` (also the SSE `error` event's data), or ''. */
function errorMessage(data: unknown): string {
  const d = data as { message?: unknown; error?: { message?: unknown } } | null;
  const m = d?.error?.message ?? d?.message;
  return typeof m === 'string' ? m : '';
}

async function failure(res: Response): Promise<AskError> {
  let message = '';
  try {
    message = errorMessage(await res.json());
  } catch {
    // not JSON: the generic message is shown
  }
  return new AskError(message, res.status);
}

const kinds: readonly string[] = ['answer', 'clarify', 'handoff', 'refuse'];

/** The reply with only what the widget uses, whatever is missing or extra in the JSON. */
function toReply(data: unknown): Reply {
  const o = (data ?? {}) as Record<string, unknown>;
  const turn = o.turnId ?? o.id;
  const sources = Array.isArray(o.sources) ? (o.sources as Partial<Source>[]) : [];
  return {
    conversationId: typeof o.conversationId === 'string' ? o.conversationId : undefined,
    kind: kinds.includes(o.kind as string) ? (o.kind as Kind) : 'answer',
    answer: typeof o.answer === 'string' ? o.answer : '',
    sources: sources
      .filter((s) => s && typeof s.title === 'string' && typeof s.url === 'string')
      .map((s) => ({ title: s.title!, url: s.url!, code: typeof s.code === 'string' ? s.code : null })),
    turnId: typeof turn === 'string' || typeof turn === 'number' ? String(turn) : undefined,
  };
}

const json = async (res: Response) => toReply(await res.json());

/** Reads `event:`/`data:` blocks until `done`; `chunk` texts go to `onChunk`. */
async function readEvents(body: ReadableStream<Uint8Array>, onChunk: (text: string) => void): Promise<Reply> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value, { stream: !done });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        const m = /^(event|data): ?(.*?)\r?$/.exec(line);
        if (m?.[1] === 'event') event = m[2]!;
        else if (m) data.push(m[2]!);
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(data.join('\n'));
      } catch {
        continue;
      }
      if (event === 'chunk') onChunk(String((parsed as { text?: unknown } | null)?.text ?? ''));
      else if (event === 'done') {
        void reader.cancel().catch(() => {});
        return toReply(parsed);
      } else if (event === 'error') throw new AskError(errorMessage(parsed), 500);
    }
    if (done) throw new AskError('', 0); // ended without an answer
  }
}

// ---------- Markdown: paragraphs, lists, bold, italics, links; React escapes all text ----------

/** http(s) and relative addresses only, without the blanks and control characters browsers ignore. */
function safeUrl(url: string): string | undefined {
  const clean = url.replace(/[\s\p{Cc}]/gu, '');
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(clean);
  return !scheme || /^https?$/i.test(scheme[1]!) ? clean : undefined;
}

/** Bold, link, bare address, e-mail, italics, phone number (no look-behind: older Safari). */
const INLINE =
  /\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"])|([\w.+-]+@[\w-]+(?:\.[\w-]+)+)|\*(?![\s*])([^*\n]+?)\*(?!\w)|((?:\+84|\b0|\b1[89]00)[\d .]{6,12}\d)(?![\d,]|\.\d)/g;

function inline(s: string, tel: boolean): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of s.matchAll(INLINE)) {
    const [all, bold, label, url, bare, mail, em, phone] = m;
    if (phone && !tel) continue; // phone numbers become links only in a handoff
    out.push(s.slice(last, m.index));
    last = m.index + all.length;
    const k = out.length;
    const href = label ? safeUrl(url!) : undefined;
    out.push(
      bold ? <strong key={k}>{inline(bold, tel)}</strong>
      : em ? <em key={k}>{inline(em, tel)}</em>
      : label ? (href ? <a key={k} href={href}>{inline(label, tel)}</a> : label)
      : bare ? <a key={k} href={bare}>{bare}</a>
      : mail ? <a key={k} href={`mailto:${mail}`}>{mail}</a>
      : <a key={k} href={`tel:${phone!.replace(/[ .]/g, '')}`}>{phone}</a>,
    );
  }
  out.push(s.slice(last));
  return out;
}

function markdown(src: string, tel: boolean): ReactNode[] {
  const out: ReactNode[] = [];
  let para: string[] = [];
  let items: string[] = [];
  let ordered = false;
  const flush = () => {
    const k = out.length;
    if (para.length) out.push(<p key={k}>{inline(para.join(' '), tel)}</p>);
    else if (items.length) {
      const List = ordered ? 'ol' : 'ul';
      out.push(<List key={k}>{items.map((item, i) => <li key={i}>{inline(item, tel)}</li>)}</List>);
    }
    para = [];
    items = [];
  };
  for (const line of src.split(/\r?\n/)) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const item = /^\s{0,3}(?:([-*+])|\d{1,3}[.)])\s+(.*)$/.exec(line);
    if (!line.trim()) flush();
    else if (heading) {
      flush();
      out.push(<p key={out.length}><strong>{inline(heading[1]!, tel)}</strong></p>);
    } else if (item) {
      if (para.length || (items.length && ordered !== !item[1])) flush();
      ordered = !item[1];
      items.push(item[2]!);
    } else if (items.length && /^\s/.test(line)) items[items.length - 1] += ` ${line.trim()}`;
    else {
      if (items.length) flush();
      para.push(line.trim());
    }
  }
  flush();
  return out;
}

// ---------- Storage ----------

type Saved = { id?: string; msgs: Msg[] };

function load(key: string): Saved {
  try {
    const saved = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Saved | null;
    if (saved && Array.isArray(saved.msgs)) return { id: saved.id, msgs: saved.msgs.filter((m) => m && !m.live && typeof m.text === 'string') };
  } catch {
    // no storage (server rendering, private mode) or a damaged entry
  }
  return { msgs: [] };
}

// ---------- The widget ----------

export default function Assistant({ locale }: { locale: Locale }) {
  const t = text[locale];
  const key = `portal-assistant-${locale}`;
  const [saved] = useState(() => load(key));
  const [hydrated, setHydrated] = useState(false);
  const [open, setOpen] = useState(false);
  const [msgs, setMsgs] = useState(saved.msgs);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [limit, setLimit] = useState('');

  const conversation = useRef(saved.id);
  const seq = useRef(saved.msgs.reduce((n, m) => Math.max(n, m.n), 0));
  const busyRef = useRef(false);
  const bucket = useRef(-1);
  const wasOpen = useRef(false);
  const launcher = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const log = useRef<HTMLDivElement>(null);

  // Hydrated: open now if the launcher was pressed while the code loaded. Pressed = clicked since
  // this module ran, or focused or hovered without keyboard focus (Tab alone does not open it).
  useEffect(() => {
    document.removeEventListener('click', earlyClick, true);
    setHydrated(true);
    const b = launcher.current;
    if (openedEarly || (b && (matches(b, ':focus') || matches(b, ':hover')) && !matches(b, ':focus-visible'))) setOpen(true);
    openedEarly = false;
  }, []);

  useEffect(() => {
    if (open) input.current?.focus();
    else if (wasOpen.current) launcher.current?.focus();
    wasOpen.current = open;
  }, [open]);

  // Keep the newest message in view; a long one from its start.
  useEffect(() => {
    const l = log.current;
    const last = l?.lastElementChild as HTMLElement | null | undefined;
    if (l && last) l.scrollTop = last.offsetHeight > l.clientHeight ? last.offsetTop - 8 : l.scrollHeight;
  }, [msgs, open]);

  useEffect(() => {
    if (!hydrated) return;
    try {
      sessionStorage.setItem(key, JSON.stringify({ id: conversation.current, msgs: msgs.filter((m) => !m.live).slice(-KEPT) }));
    } catch {
      // storage full or disabled: the conversation lasts as long as the page
    }
  }, [msgs, hydrated, key]);

  const patch = (n: number, change: Partial<Msg>) => setMsgs((all) => all.map((m) => (m.n === n ? { ...m, ...change } : m)));

  /** Handoff (if asked and there is a conversation), else the stream, else the plain endpoint. */
  async function send(job: Job, onChunk: (text: string) => void): Promise<Reply> {
    const id = conversation.current;
    if (job.h && id) {
      const res = await post(API.handoff, { conversationId: id });
      if (res.ok) return json(res);
      if (!missing(res.status)) throw await failure(res);
    }
    const body = { question: job.q ?? t.handoffQuestion, locale, ...(id ? { conversationId: id } : {}) };
    const res = await post(API.stream, body).catch(() => undefined);
    if (res?.ok) return res.body && /event-stream/.test(res.headers.get('content-type') ?? '') ? readEvents(res.body, onChunk) : json(res);
    if (res && !missing(res.status)) throw await failure(res);
    const plain = await post(API.ask, body);
    if (!plain.ok) throw await failure(plain);
    return json(plain);
  }

  async function run(job: Job, echo?: string) {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    const n = (seq.current += 2);
    setMsgs((all) => [...all, ...(echo ? [{ n: n - 1, role: 'user' as const, text: echo }] : []), { n, role: 'bot', text: '', live: true }]);
    const onChunk = (s: string) => setMsgs((all) => all.map((m) => (m.n === n ? { ...m, text: m.text + s } : m)));
    try {
      let reply: Reply;
      try {
        reply = await send(job, onChunk);
      } catch (error) {
        // The conversation is gone on the server (expired): go on in a new one.
        if (!(error instanceof AskError && error.status === 404 && conversation.current)) throw error;
        conversation.current = undefined;
        patch(n, { text: '' });
        reply = await send(job, onChunk);
      }
      if (reply.conversationId) conversation.current = reply.conversationId;
      patch(n, { live: false, kind: reply.kind, text: reply.answer || t.empty, sources: reply.sources, c: conversation.current, turnId: reply.turnId });
    } catch (error) {
      const message = error instanceof AskError ? error.message : '';
      patch(n, { live: false, role: 'error', text: message || t.error, job, lang: message && locale === 'en' ? 'vi' : undefined });
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  function ask(question: string) {
    const q = question.trim().slice(0, MAX);
    if (!q || busyRef.current) return;
    void run({ q }, q);
  }

  function submit() {
    if (!draft.trim() || busyRef.current) return;
    ask(draft);
    setDraft('');
    bucket.current = -1;
    setLimit('');
    input.current?.focus();
  }

  function onChange(event: ChangeEvent<HTMLTextAreaElement>) {
    const value = event.target.value.slice(0, MAX);
    setDraft(value);
    // Announce the remaining length only near the limit, once per step.
    const left = MAX - value.length;
    const step = [0, 10, 25, 50].find((s) => left <= s) ?? -1;
    if (step !== bucket.current) {
      bucket.current = step;
      setLimit(step < 0 ? '' : left ? t.left(left) : t.full);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      submit();
    }
  }

  async function vote(m: Msg, value: 'up' | 'down') {
    if (m.vote === value) return;
    patch(m.n, { vote: value, note: t.thanks });
    try {
      const res = await post(API.feedback, { conversationId: m.c, turnId: m.turnId, value });
      if (!res.ok) throw new AskError('', res.status);
    } catch {
      patch(m.n, { vote: m.vote, note: t.voteFailed });
    }
  }

  function choose(question: string) {
    ask(question);
    input.current?.focus();
  }

  function renderMsg(m: Msg) {
    if (m.role === 'user') {
      return (
        <div key={m.n} className="assistant-msg assistant-msg-user">
          <span className="assistant-sr">{t.you}</span>
          {m.text}
        </div>
      );
    }
    if (m.role === 'error') {
      return (
        <div key={m.n} className="assistant-msg assistant-msg-error">
          <p>
            <span className="assistant-sr">{t.errorPrefix}</span>
            <span lang={m.lang}>{m.text}</span>
          </p>
          {m.job && (
            <button
              type="button"
              className="assistant-button"
              aria-disabled={busy}
              onClick={() => {
                if (busyRef.current) return;
                setMsgs((all) => all.filter((x) => x.n !== m.n));
                void run(m.job!);
                input.current?.focus();
              }}
            >
              {t.retry}
            </button>
          )}
        </div>
      );
    }
    const sources = m.sources ?? [];
    const clarify = m.kind === 'clarify';
    return (
      <div key={m.n} className={`assistant-msg assistant-msg-bot assistant-msg-${m.kind ?? 'answer'}`} aria-busy={m.live || undefined}>
        <span className="assistant-sr">{t.bot}</span>
        {m.live ? (
          <>
            <div key="live" className="assistant-live" aria-hidden="true">
              {m.text}
            </div>
            <p className="assistant-typing">{t.typing}</p>
          </>
        ) : (
          <div key="done" className="assistant-text">
            {markdown(m.text, m.kind === 'handoff')}
          </div>
        )}
        {!m.live && clarify && sources.length > 0 && (
          <div role="group" aria-label={t.choices} className="assistant-choices">
            {sources.map((s, i) => (
              <button key={i} type="button" className="assistant-button assistant-choice" aria-disabled={busy} onClick={() => choose(s.title)}>
                {s.title}
              </button>
            ))}
          </div>
        )}
        {!m.live && !clarify && sources.length > 0 && (
          <div className="assistant-sources">
            <p id={`assistant-src-${m.n}`}>{t.sources}</p>
            <ul aria-labelledby={`assistant-src-${m.n}`}>
              {sources.map((s, i) => {
                const href = safeUrl(s.url);
                return (
                  <li key={i}>
                    {href ? <a href={href}>{s.title}</a> : s.title}
                    {s.code && <span className="assistant-code"> ({t.code} {s.code})</span>}
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        {!m.live && m.turnId && (
          <div role="group" aria-label={t.helpful} className="assistant-feedback">
            <span aria-hidden="true">{t.helpful}</span>
            <span className="assistant-thumbs">
              {(['up', 'down'] as const).map((v) => (
                <button key={v} type="button" className={`assistant-thumb assistant-${v}`} aria-pressed={m.vote === v} title={t[v]} onClick={() => void vote(m, v)}>
                  <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24">
                    <path fill="currentColor" d="M2 10h4v11H2zm6 0 4-7c1.5 0 2.5 1 2 3l-1 4h7a2 2 0 0 1 1.8 2.4l-1.5 7a2 2 0 0 1-2 1.6H8z" />
                  </svg>
                  <span className="assistant-sr">{t[v]}</span>
                </button>
              ))}
            </span>
            {m.note && <span className="assistant-note">{m.note}</span>}
          </div>
        )}
      </div>
    );
  }

  return (
    <div className="assistant">
      <button
        ref={launcher}
        type="button"
        id="open-assistant"
        className="assistant-launcher"
        aria-expanded={open}
        hidden={open}
        onClick={() => setOpen(true)}
      >
        <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24">
          <path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2h-9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z" />
        </svg>
        {t.launcher}
      </button>
      {hydrated && open && (
        <div
          role="dialog"
          aria-labelledby="assistant-title"
          aria-describedby="assistant-intro"
          className="assistant-panel"
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !event.nativeEvent.isComposing) {
              event.preventDefault();
              setOpen(false);
            }
          }}
        >
          <div className="assistant-head">
            <h2 id="assistant-title">{t.title}</h2>
            <button type="button" className="assistant-close" aria-label={t.closeLabel} onClick={() => setOpen(false)}>
              <span aria-hidden="true">×</span> {t.close}
            </button>
          </div>
          <div ref={log} role="log" aria-live="polite" aria-label={t.log} className="assistant-log" tabIndex={0}>
            <p id="assistant-intro" className="assistant-intro">
              {t.intro}
            </p>
            {msgs.length === 0 && (
              <div className="assistant-welcome">
                <p>{t.welcome}</p>
                {t.examples.map((q) => (
                  <button key={q} type="button" className="assistant-button assistant-choice" onClick={() => choose(q)}>
                    {q}
                  </button>
                ))}
              </div>
            )}
            {msgs.map(renderMsg)}
          </div>
          <form
            className="assistant-form"
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <label htmlFor="assistant-input" className="assistant-label">
              {t.label}
            </label>
            <div className="assistant-row">
              <textarea
                ref={input}
                id="assistant-input"
                className="assistant-input"
                rows={2}
                maxLength={MAX}
                value={draft}
                placeholder={t.placeholder}
                aria-describedby="assistant-hint"
                enterKeyHint="send"
                onChange={onChange}
                onKeyDown={onKeyDown}
              />
              <button type="submit" className="assistant-send" aria-disabled={busy || !draft.trim()}>
                {t.send}
              </button>
            </div>
            <p className="assistant-meta">
              <span id="assistant-hint">{t.hint}</span>
              <span aria-hidden="true" className="assistant-count">
                {draft.length}/{MAX}
              </span>
            </p>
            <p className="assistant-sr" role="status">
              {limit}
            </p>
          </form>
          <div className="assistant-actions">
            <button type="button" className="assistant-button" aria-disabled={busy} onClick={() => void run({ h: true }, t.handoffQuestion)}>
              {t.handoff}
            </button>
            {msgs.length > 0 && (
              <button
                type="button"
                className="assistant-button assistant-restart"
                aria-disabled={busy}
                onClick={() => {
                  if (busyRef.current) return;
                  conversation.current = undefined;
                  setMsgs([]);
                  input.current?.focus();
                }}
              >
                {t.restart}
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
