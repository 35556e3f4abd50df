import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReindexJob } from '../../src/server/index.js';
import { postJson, startTestServer, useSeedServer, waitFor } from '../helpers/server.js';

const TOKEN = 'test-admin-token-8c1f';
const auth = { authorization: `Bearer ${TOKEN}` };

const ctx = useSeedServer({ ADMIN_TOKEN: TOKEN });

async function jobDone(jobId: string): Promise<ReindexJob> {
  return waitFor(async () => {
    const job = (await (await fetch(`${ctx.server.url}/admin/reindex/${jobId}`, { headers: auth })).json()) as ReindexJob;
    return job.status !== 'running' && job;
  });
}

interface AskBody {
  answered: boolean;
  answer: string;
  citations: Array<{ docId: string }>;
  index: { version: string };
}
const ask = async (question: string) => (await postJson(`${ctx.server.url}/ask`, { question })).json as unknown as AskBody;

describe('admin authentication', () => {
  it('is disabled, and says so, when no ADMIN_TOKEN is configured', async () => {
    const open = await startTestServer(ctx.seed.indexDir, { CORPUS_DIR: ctx.seed.corpusDir, ADMIN_TOKEN: '' });
    try {
      const res = await postJson(`${open.url}/admin/reindex`, {}, auth);
      expect(res.status).toBe(403);
      expect(res.json.error).toMatchObject({ code: 'ADMIN_DISABLED' });
      expect(JSON.stringify(res.json)).toContain('ADMIN_TOKEN');
    } finally {
      await open.close();
    }
  });

  it('answers 401 without a hint for a missing or wrong token', async () => {
    const attempts: Array<Record<string, string>> = [{}, { authorization: 'Bearer wrong' }, { authorization: TOKEN }, { authorization: `Bearer ${TOKEN}x` }];
    for (const headers of attempts) {
      const res = await postJson(`${ctx.server.url}/admin/reindex`, {}, headers);
      expect(res.status).toBe(401);
      expect(res.json.error).toEqual({ code: 'UNAUTHORIZED', message: 'Authentication required.' });
    }
  });
});

describe('re-indexing while the server keeps answering', () => {
  it('adds an article through the API under load: no request fails, answers move to the new version', async () => {
    const before = await ask('Who did Minister Nguyen Manh Hung meet on January 14?');
    const failures: string[] = [];
    const versions = new Set<string>();
    let stop = false;
    const worker = async () => {
      for (let i = 0; i < 2000 && !stop; i++) {
        const res = await postJson(`${ctx.server.url}/ask`, { question: 'When does Vietnam International Digital Week 2025 take place?' });
        if (res.status !== 200) failures.push(`${res.status} ${JSON.stringify(res.json)}`);
        else versions.add((res.json as unknown as AskBody).index.version);
      }
    };
    const load = Promise.all([worker(), worker(), worker(), worker()]);
    const added = await postJson(
      `${ctx.server.url}/admin/documents`,
      { title: 'Mekong Quantum Institute opens in Can Tho', published: '2025-11-20', source: 'Example Wire', text: 'The Mekong Quantum Institute opened in Can Tho on November 18 with 120 researchers working on quantum sensing. It is funded by the city and three universities.' },
      auth,
    );
    expect(added.status).toBe(202);
    const job = await jobDone(String(added.json.jobId));
    expect(job.status).toBe('succeeded');
    expect(job.summary).toMatchObject({ added: 1, unchanged: 5 });
    await waitFor(async () => (await ask('How many researchers work at the Mekong Quantum Institute?')).index.version !== before.index.version);
    stop = true;
    await load;
    expect(failures).toEqual([]);
    expect(versions.size).toBeGreaterThanOrEqual(1);
    const answer = await ask('How many researchers work at the Mekong Quantum Institute?');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('120 researchers');
    expect(answer.citations[0].docId).toBe(added.json.docId);
    const doc = (await (await fetch(`${ctx.server.url}/documents/${String(added.json.docId)}`)).json()) as { title: string; published: string; source: string };
    expect(doc).toMatchObject({ title: 'Mekong Quantum Institute opens in Can Tho', published: '2025-11-20', source: 'Example Wire' });
  });

  it('drops a removed file from answers after a re-index', async () => {
    await rm(join(ctx.seed.corpusDir, '001_ecbe5cd89bc95efb.txt'));
    const started = await postJson(`${ctx.server.url}/admin/reindex`, {}, auth);
    expect(started.status).toBe(202);
    expect((await jobDone(String(started.json.jobId))).summary).toMatchObject({ removed: 1 });
    await waitFor(async () => ((await (await fetch(`${ctx.server.url}/health`)).json()) as { index: { documents: number } }).index.documents === 5);
    const answer = await ask('What is Vietnam ready to serve as for global initiatives? sandbox');
    expect(answer.citations.every((c) => c.docId !== '001_ecbe5cd89bc95efb.txt')).toBe(true);
  });

  it('answers 409 with the running job id when a re-index is already running', async () => {
    const seedText = await (await fetch(`${ctx.server.url}/documents/002_879ed44b500be75a.txt`)).json() as { text: string };
    for (let i = 0; i < 60; i++) await writeFile(join(ctx.seed.corpusDir, `bulk-${i}.txt`), `Bulk copy ${i}\n\n${seedText.text.replace(/Vietnam/g, `Vietnam${i}`)}`);
    const [first, second] = await Promise.all([postJson(`${ctx.server.url}/admin/reindex`, {}, auth), postJson(`${ctx.server.url}/admin/reindex`, {}, auth)]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([202, 409]);
    const accepted = first.status === 202 ? first : second;
    const refused = first.status === 409 ? first : second;
    expect(refused.json.error).toMatchObject({ code: 'INGEST_RUNNING', details: { jobId: accepted.json.jobId } });
    await jobDone(String(accepted.json.jobId));
  });

  it('keeps serving the old index when an ingest fails, and reports the failure in the job', async () => {
    const versionsDir = join(ctx.seed.indexDir, 'versions');
    await rename(versionsDir, `${versionsDir}.bak`);
    await writeFile(versionsDir, 'not a folder: writes will fail');
    await writeFile(join(ctx.seed.corpusDir, 'another.txt'), 'A new article headline here\n\nThe city opened a new data centre with 300 servers on Monday. Officials said it will serve local startups.\n');
    try {
      const started = await postJson(`${ctx.server.url}/admin/reindex`, {}, auth);
      const job = await jobDone(String(started.json.jobId));
      expect(job.status).toBe('failed');
      expect(job.error?.message).toBeTruthy();
      const res = await postJson(`${ctx.server.url}/ask`, { question: 'Who did Minister Nguyen Manh Hung meet on January 14?' });
      expect(res.status).toBe(200);
    } finally {
      await rm(versionsDir);
      await rename(`${versionsDir}.bak`, versionsDir);
    }
  });
});

describe('uploads', () => {
  function multipart(filename: string, content: string): { body: Buffer; type: string } {
    const boundary = '----newsdesk-test-boundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="`),
      Buffer.from(filename, 'utf8'),
      Buffer.from(`"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n--${boundary}--\r\n`),
    ]);
    return { body, type: `multipart/form-data; boundary=${boundary}` };
  }
  const upload = async (filename: string, content = 'Headline of an uploaded story\n\nThe province announced 25 new smart-city projects on Friday. They will start next year.') => {
    const { body, type } = multipart(filename, content);
    const res = await fetch(`${ctx.server.url}/admin/documents`, { method: 'POST', headers: { ...auth, 'content-type': type }, body: new Uint8Array(body) });
    return { status: res.status, json: (await res.json()) as { error?: { code: string }; jobId?: string; docId?: string } };
  };

  it('rejects path-like names with 400 and writes nothing outside corpus/', async () => {
    const before = (await readdir(ctx.seed.corpusDir, { recursive: true })).sort();
    for (const name of ['../../etc/passwd', '/etc/passwd', 'a\u0000.txt', '..\\..\\win.txt', 'C:\\temp\\x.txt', '../outside.txt']) {
      const res = await upload(name);
      expect(res.status, name).toBe(400);
      // busboy itself refuses a NUL byte in the multipart header; every other name reaches the name check
      expect(res.json.error?.code, name).toBe(name.includes('\u0000') ? 'INVALID_REQUEST' : 'INVALID_FILENAME');
    }
    expect((await readdir(ctx.seed.corpusDir, { recursive: true })).sort()).toEqual(before);
    expect((await readdir(join(ctx.seed.corpusDir, '..'))).sort()).toEqual(['corpus', 'index']);
  });

  it('accepts a plain .txt upload, stores it under a generated name and indexes it', async () => {
    const res = await upload('smart-city.txt');
    expect(res.status).toBe(202);
    expect(res.json.docId).toMatch(/^uploads\/\d{4}-\d{2}-\d{2}-[0-9a-f-]{36}\.txt$/);
    expect((await jobDone(String(res.json.jobId))).status).toBe('succeeded');
    const answer = await ask('How many smart-city projects did the province announce?');
    expect(answer.answer).toContain('25 new smart-city projects');
  });

  it('rejects other file types and binary content', async () => {
    expect((await upload('payload.exe')).json.error?.code).toBe('UNSUPPORTED_FILE_TYPE');
    expect((await upload('x.txt', 'abc\u0000def')).status).toBe(400);
  });
});
