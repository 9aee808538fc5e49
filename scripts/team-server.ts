// `npm run team-server`: a team CouchDB to try sharing with, in memory on this machine (pouchdb-server), with one
// member. Everything it holds is gone when it stops (Ctrl+C). For a real team, see README "Share with your team".
import { startTeamServer } from './couch-setup';

const port = Number(process.env.PORT ?? 5984);
const server = await startTeamServer({ port, users: [{ name: 'alice', password: 'alice-password' }] });
const [user] = server.users;
console.log(`
A team server is running on ${server.url} (in memory: it forgets everything when stopped).

In the extension's options page, section "Team", type:
  Server address  ${server.url}
  Database        ${server.database}
  User            ${user.name}
  Password        ${user.password}
then press Connect and allow access to 127.0.0.1 when the browser asks.

Server administrator (for curl): ${server.admin.name} / ${server.admin.password}
Press Ctrl+C to stop.`);
const stop = () => void server.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
