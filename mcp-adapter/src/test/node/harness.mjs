// What the end-to-end scripts share: the check counters and their output format, starting the jar under
// the official MCP TypeScript SDK client, and reading a tool result's text.
// Every check prints `ok - <check>` or `not ok - <check>: <why>`; finish() prints the closing
// `N passed, N failed` line and exits 1 when any check failed.
import { createWriteStream } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

export const CALL = { timeout: 60_000 };
let passed = 0;
let failed = 0;

export function ok(name) { passed++; console.log(`ok - ${name}`); }
export function notOk(name, why) { failed++; console.log(`not ok - ${name}: ${why}`); }

/** Runs one check: `fn` returns true (or nothing) when it passes, else a string saying why not. */
export async function check(name, fn) {
  try {
    const why = await fn();
    if (why === undefined || why === true) ok(name); else notOk(name, why);
  } catch (e) {
    notOk(name, `threw ${e?.stack ?? e}`);
  }
}

/** Starts `java -jar <jar> <args>` with `env` and connects the SDK client to it; stderr goes to a file. */
export async function connect(config, { env = {}, args = [], stderrFile }) {
  const transport = new StdioClientTransport({
    command: config.java,
    args: ['-jar', config.jar, ...args],
    env: { ...config.env, ...env },
    stderr: 'pipe',
  });
  transport.stderr.pipe(createWriteStream(stderrFile));
  const client = new Client({ name: 'revops-e2e', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

export const text = result => (result.content ?? []).filter(c => c.type === 'text').map(c => c.text).join('\n');
export const isObject = v => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Runs `main`, counting an exception as a failed check, then prints the closing line and exits. */
export async function finish(main) {
  try {
    await main();
  } catch (e) {
    notOk('the script ran to the end', e?.stack ?? String(e));
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}
