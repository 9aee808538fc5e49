// An in-memory stand-in for the team's server and this browser's replica in one (lib/sync tests): replication is a
// no-op, the changes feed is the documents in order, and `put` takes a document the way CouchDB's HTTP PUT does.

export class FakeReplica {
  docs: Array<{ id: string; doc: Record<string, unknown>; attachment?: Blob }> = [];
  add(doc: Record<string, unknown>, attachment?: Blob) { this.docs.push({ id: doc._id as string, doc, attachment }); }
  async put(doc: Record<string, unknown>) {
    if (this.docs.some((d) => d.id === doc._id)) throw Object.assign(new Error('conflict'), { status: 409 });
    const att = (doc._attachments as Record<string, { data: Blob }> | undefined);
    const { _attachments: _, ...rest } = doc;
    this.add(rest, att ? Object.values(att)[0].data : undefined);
  }
  async get(id: string) {
    const found = this.docs.find((d) => d.id === id);
    if (!found) throw Object.assign(new Error('missing'), { status: 404 });
    return structuredClone(found.doc);
  }
  async bulkDocs(docs: Array<Record<string, unknown>>) {
    return docs.map((d) => {
      if (this.docs.some((x) => x.id === d._id)) return { error: true, status: 409 };
      this.add(structuredClone(d));
      return { ok: true, id: d._id };
    });
  }
  replicate = { to: async () => ({ doc_write_failures: 0 }), from: async () => ({}) };
  async changes({ since, limit }: { since: number; limit: number }) {
    const results = this.docs.slice(since, since + limit).map((d) => ({ id: d.id, doc: structuredClone(d.doc) }));
    return { results, last_seq: since + results.length };
  }
  async getAttachment(id: string) { return this.docs.find((d) => d.id === id)!.attachment!; }
  async destroy() { this.docs = []; }

  /**
   * The server's HTTP side for a PUT of one document with its attachment inline (base64), as the import page sends
   * it: 201 when taken, 409 when the id exists. Every request is kept in `requests` (method, URL, headers).
   */
  requests: Array<{ method: string; url: string; headers: Record<string, string> }> = [];
  async http(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    this.requests.push({ method: init.method ?? 'GET', url, headers });
    if (init.method !== 'PUT') return new Response('{}', { status: 200 });
    const doc = JSON.parse(String(init.body)) as Record<string, unknown>;
    const att = Object.values(doc._attachments as Record<string, { data: string; content_type: string }>)[0];
    const bytes = Uint8Array.from(atob(att.data), (c) => c.charCodeAt(0));
    try {
      await this.put({ ...doc, _attachments: { a: { data: new Blob([bytes], { type: att.content_type }) } } });
    } catch {
      return new Response('{"error":"conflict"}', { status: 409 });
    }
    return new Response('{"ok":true}', { status: 201 });
  }
}
