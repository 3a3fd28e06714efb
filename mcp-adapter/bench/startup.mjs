// Start-up benchmark driver: starts an MCP stdio server N times and prints, per run, the time from
// spawn to the answer of `initialize` and of `tools/list`, and the server's resident memory (VmRSS,
// Linux /proc) right after `tools/list`. Raw JSON-RPC, no client library, so only the server is measured.
//
// Usage: node startup.mjs <label> <runs> <command> [args...]
// Prints one line per run: <label> run=<i> init_ms=<n> list_ms=<n> tools=<n> rss_mb=<n>
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [label, runsText, command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node startup.mjs <label> <runs> <command> [args...]');
  process.exit(64);
}

function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
    return (kb / 1024).toFixed(1);
  } catch {
    return 'n/a';
  }
}

function once(run) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'], env: process.env });
    const ms = () => Number(process.hrtime.bigint() - start) / 1e6;
    let buffer = '';
    let initMs;
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${label}: no answer in 30 s`)); }, 30_000);
    child.on('error', reject);
    child.stdout.on('data', chunk => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        let message;
        try { message = JSON.parse(line); } catch { continue; }
        if (message.id === 1) {
          initMs = ms();
          child.stdin.write(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) + '\n');
          child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} }) + '\n');
        } else if (message.id === 2) {
          const listMs = ms();
          const rss = rssMb(child.pid);
          const tools = message.result?.tools?.length ?? 0;
          clearTimeout(timer);
          child.stdin.end();
          child.kill('SIGTERM');
          child.on('exit', () => resolve({ run, initMs, listMs, tools, rss }));
        }
      }
    });
    child.stdin.write(JSON.stringify({
      jsonrpc: '2.0', id: 1, method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'startup-bench', version: '1' } },
    }) + '\n');
  });
}

const runs = Number(runsText);
for (let i = 0; i < runs; i++) {
  const r = await once(i);
  console.log(`${label} run=${r.run} init_ms=${r.initMs.toFixed(0)} list_ms=${r.listMs.toFixed(0)} tools=${r.tools} rss_mb=${r.rss}`);
}
