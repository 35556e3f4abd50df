import type { ReindexJob } from '../../src/server/index.js';
import { postJson, waitFor, type TestServer } from './server.js';

export const TOKEN = 'test-admin-token-15aa';
export const auth = { authorization: `Bearer ${TOKEN}` };

export async function jobDone(server: TestServer, jobId: string, timeoutMs = 90_000): Promise<ReindexJob> {
  return waitFor(async () => {
    const job = (await (await fetch(`${server.url}/admin/reindex/${jobId}`, { headers: auth })).json()) as ReindexJob;
    return (job.status === 'succeeded' || job.status === 'failed') && job;
  }, timeoutMs, 200);
}

export async function documentCount(server: TestServer): Promise<number> {
  return ((await (await fetch(`${server.url}/health`)).json()) as { index: { documents: number } }).index.documents;
}

export const postDocument = (server: TestServer, body: unknown) => postJson(`${server.url}/admin/documents`, body, auth);

export function multipart(filename: string, content: string | Buffer): { body: Uint8Array<ArrayBuffer>; type: string } {
  const boundary = '----newsdesk-test-boundary-15';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n`),
    typeof content === 'string' ? Buffer.from(content) : content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body: new Uint8Array(body), type: `multipart/form-data; boundary=${boundary}` };
}

export async function uploadFile(server: TestServer, filename: string, content: string | Buffer): Promise<{ status: number; json: Record<string, unknown> }> {
  const { body, type } = multipart(filename, content);
  const res = await fetch(`${server.url}/admin/documents`, { method: 'POST', headers: { ...auth, 'content-type': type }, body });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** A short, distinct, answerable article. */
export function article(i: number): { title: string; text: string; source: string; published: string } {
  const towns = ['Hue', 'Vinh', 'Nha Trang', 'Quy Nhon', 'Buon Ma Thuot', 'Rach Gia', 'Ca Mau', 'Lao Cai', 'Ha Long', 'Phan Thiet', 'Pleiku', 'Tuy Hoa'];
  const town = towns[i % towns.length];
  return {
    title: `${town} opens data centre number ${i}`,
    text: `The city of ${town} opened data centre number ${i} with ${100 + i} servers on Monday. Officials said the centre will host public services for ${20 + i} districts.`,
    source: 'Example Wire',
    published: '2025-11-20',
  };
}
