// A real S3-compatible server (s3rver, from npm) on 127.0.0.1, started by the tests themselves, with
// one bucket. If it cannot start, the test that asked for it fails: nothing is skipped.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export type S3Server = {
  endpoint: string;
  bucket: string;
  /** The AWS variables a node needs to use this server (s3rver's fixed credentials). */
  env: Record<string, string>;
  close(): Promise<void>;
};

export async function startS3Server(opts: { port?: number; bucket?: string } = {}): Promise<S3Server> {
  const bucket = opts.bucket ?? "outpost-test";
  const directory = mkdtempSync(path.join(process.env.OUTPOST_TEST_ROOT ?? os.tmpdir(), "s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: opts.port ?? 0,
    silent: true,
    directory,
    resetOnClose: true,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      AWS_ENDPOINT_URL_S3: endpoint,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
