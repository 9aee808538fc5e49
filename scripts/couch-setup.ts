// Starts pouchdb-server in memory on 127.0.0.1 and sets up a team database as a CouchDB administrator would:
// an admin, member users, the database's _security (members only) and the design document whose
// validate_doc_update refuses records not written by the member they name. Used by `npm run team-server`,
// the real-browser tests and the benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TEAM_DESIGN_DOC } from '../lib/team/design';

export interface TeamServer {
  url: string;
  port: number;
  database: string;
  admin: { name: string; password: string };
  users: Array<{ name: string; password: string }>;
  /** A request to the server with the admin's or a user's credentials. */
  request(path: string, init?: { method?: string; body?: unknown; as?: { name: string; password: string } }): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

const basic = (u: { name: string; password: string }) => `Basic ${Buffer.from(`${u.name}:${u.password}`).toString('base64')}`;

export async function startTeamServer(opts: { port?: number; database?: string; users?: Array<{ name: string; password: string }>; quiet?: boolean } = {}): Promise<TeamServer> {
  const port = opts.port ?? (await freePort());
  const database = opts.database ?? 'team';
  const users = opts.users ?? [{ name: 'alice', password: 'alice-password' }];
  const admin = { name: 'admin', password: `admin-${Math.random().toString(36).slice(2)}` };
  // pouchdb-server writes its config.json and log.txt in its working directory: a scratch one.
  const dir = mkdtempSync(join(tmpdir(), 'prl-couch-'));
  const bin = resolve('node_modules/.bin/pouchdb-server');
  const child: ChildProcess = spawn(bin, ['--in-memory', '-p', String(port), '-o', '127.0.0.1', '-n'], { cwd: dir, stdio: opts.quiet === false ? 'inherit' : 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const request: TeamServer['request'] = async (path, init = {}) => {
    const res = await fetch(`${url}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(init.as ? { Authorization: basic(init.as) } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    let body: unknown = text;
    try { body = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, body };
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited (${child.exitCode})`);
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error('pouchdb-server did not start within 30 s');
    await new Promise((ok) => setTimeout(ok, 200));
  }
  const must = async (what: string, r: Promise<{ status: number; body: unknown }>) => {
    const { status, body } = await r;
    if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  };
  // The first admin ends the "admin party": from then on every request needs a name and a password.
  await must('admin', request(`/_config/admins/${admin.name}`, { method: 'PUT', body: admin.password }));
  const as = admin;
  await must('database', request(`/${database}`, { method: 'PUT', as }));
  for (const u of users) {
    await must(`user ${u.name}`, request(`/_users/org.couchdb.user:${encodeURIComponent(u.name)}`, { method: 'PUT', as, body: { name: u.name, password: u.password, roles: [], type: 'user' } }));
  }
  await must('_security', request(`/${database}/_security`, { method: 'PUT', as, body: { admins: { names: [admin.name], roles: [] }, members: { names: users.map((u) => u.name), roles: [] } } }));
  await must('design document', request(`/${database}/${TEAM_DESIGN_DOC._id}`, { method: 'PUT', as, body: TEAM_DESIGN_DOC }));
  return {
    url, port, database, admin, users, request,
    async stop() {
      if (child.exitCode === null) {
        const gone = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
