// The install's gateway and portal receiving API in a process of their own, at OUTPOST_PUBLIC_URL,
// on the test file's database (node --conditions=react-server --import tsx tests/support/install-child.ts).
import { installServer } from "./replication-env";

async function main() {
  const server = await installServer();
  process.send?.({ ready: true, url: server.url });
}
void main();
