// What the team's CouchDB database holds besides records: the validation every write passes, and who may read it.

/**
 * CouchDB's `validate_doc_update` (JavaScript run by the server, so a string): a document must be a team record
 * (`v` and `kind`) written by the member it names; records are add-only, so a change to one is refused too.
 * Server admins are exempt (to repair a database by hand). Design documents are left to admins.
 */
export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  var admin = userCtx.roles.indexOf('_admin') !== -1;
  if (admin) return;
  if (newDoc._id.indexOf('_design/') === 0) throw({ forbidden: 'only an admin may change design documents' });
  if (newDoc._deleted) throw({ forbidden: 'team records are never deleted' });
  if (typeof newDoc.v !== 'number' || typeof newDoc.kind !== 'string') throw({ forbidden: 'not a team record: v and kind are required' });
  if (newDoc.member !== userCtx.name) throw({ forbidden: 'a record must name the member who writes it' });
  if (oldDoc) throw({ forbidden: 'team records are add-only: this one already exists' });
}`;

/** The design document that carries it (PUT /{db}/_design/team). */
export const TEAM_DESIGN_DOC = { _id: '_design/team', validate_doc_update: VALIDATE_DOC_UPDATE } as const;

/** An example `_security` document (PUT /{db}/_security): members read and write, only admins manage. */
export const SECURITY_EXAMPLE = {
  admins: { names: ['partner-admin'], roles: [] },
  members: { names: [], roles: ['prl-team'] },
} as const;
