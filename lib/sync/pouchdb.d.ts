// The part of PouchDB 9's API that lib/sync uses. Our own declarations, not @types/pouchdb-*: those declare a global
// `Buffer` interface that breaks Node's own (the bench and the tests read files as Buffers).
declare namespace PouchDB {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Plugin {}
  namespace Configuration {
    interface DatabaseConfiguration { adapter?: string; [option: string]: unknown }
    type RemoteDatabaseConfiguration = DatabaseConfiguration;
  }
  interface BulkResult { ok?: boolean; id?: string; rev?: string; error?: string | boolean; status?: number }
  interface Database<Content extends object = Record<string, unknown>> {
    put(doc: Content & { _id: string }): Promise<BulkResult>;
    get(docId: string, options?: object): Promise<Content & { _id: string; _rev: string }>;
    bulkDocs(docs: Array<Content & { _id: string }>): Promise<BulkResult[]>;
    changes(options: object): Promise<unknown>;
    getAttachment(docId: string, attachmentId: string): Promise<unknown>;
    replicate: {
      to(target: Database<Content>, options?: object): Promise<unknown>;
      from(source: Database<Content>, options?: object): Promise<unknown>;
    };
    close(): Promise<void>;
    destroy(): Promise<unknown>;
  }
  interface Static {
    new <Content extends object = Record<string, unknown>>(name: string, options?: Configuration.DatabaseConfiguration): Database<Content>;
    plugin(plugin: Plugin): Static;
  }
}

declare module 'pouchdb-core' {
  const PouchDB: PouchDB.Static;
  export default PouchDB;
}
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
