// Start-up benchmark driver: starts several MCP stdio servers in turn, `runs` times each (interleaved,
// so that load from other processes hits every server alike), and measures for each start the time
// from spawn to the answer of `initialize`, to the answer of `tools/list`, and the server's resident
// memory (VmRSS from /proc, Linux) and the CPU time it used by then (less sensitive than wall time to
// other load on the machine) right after `tools/list`. Raw JSON-RPC, no client library, so only
// the servers are measured. The first run of each server is a warm-up and is left out of the summary.
//
// Usage: node startup.mjs <runs> <servers.json>
//   servers.json: [{"label":"...","command":"...","args":[...],"env":{...}}, ...]
// Prints one line per start and a summary table of medians (and min-max) over the kept runs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [runsText, serversFile] = process.argv.slice(2);
if (!serversFile) {
  console.error('usage: node startup.mjs <runs> <servers.json>');
  process.exit(64);
}
const runs = Number(runsText);
const servers = JSON.parse(readFileSync(serversFile, 'utf8'));

/** CPU time (user + system) the process has used so far, from /proc (Linux; clock ticks of 10 ms). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return NaN;
  }
}

/** The process whose memory counts: the server itself, not a launcher shell that exec'ed it. */
function start(server) {
  const started = process.hrtime.bigint();
  const child = spawn(server.command, server.args ?? [], {
    stdio: ['pipe', 'pipe', 'ignore'],
    env: { ...process.env, ...(server.env ?? {}) },
  });
  return { child, started };
}

function once(server) {
  return new Promise((resolve, reject) => {
    const { child, started } = start(server);
    const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
    let buffer = '';
    let initMs;
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${server.label}: no answer in 30 s`)); },
      30_000);
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
          const cpu = cpuMs(child.pid);
          const tools = message.result?.tools?.length ?? 0;
          clearTimeout(timer);
          child.on('exit', () => resolve({ initMs, listMs, tools, rss, cpu }));
          child.stdin.end();
          child.kill('SIGTERM');
        }
      }
    });
    child.stdin.write(JSON.stringify({
      jsonrpc: '2.0', id: 1, method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'startup-bench', version: '1' } },
    }) + '\n');
  });
}

const results = Object.fromEntries(servers.map(s => [s.label, []]));
for (let run = 0; run < runs; run++) {
  for (const server of servers) {
    const r = await once(server);
    results[server.label].push(r);
    console.log(`${server.label.padEnd(28)} run=${String(run).padStart(2)} initialize=${r.initMs.toFixed(0)} ms`
      + ` tools/list=${r.listMs.toFixed(0)} ms cpu=${r.cpu} ms tools=${r.tools} rss=${r.rss.toFixed(1)} MB`);
  }
}

const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const span = xs => `${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}`;
console.log(`\nMedians over runs 1-${runs - 1} (run 0 discarded as warm-up):`);
console.log('| Server | initialize (ms) | tools/list (ms) | CPU used (ms) | RSS after tools/list (MB) | tools |');
console.log('|---|---|---|---|---|---|');
for (const server of servers) {
  const kept = results[server.label].slice(1);
  const init = kept.map(r => r.initMs);
  const list = kept.map(r => r.listMs);
  const rss = kept.map(r => r.rss);
  const cpu = kept.map(r => r.cpu);
  console.log(`| ${server.label} | ${median(init).toFixed(0)} (${span(init)}) | ${median(list).toFixed(0)} (${span(list)})`
    + ` | ${median(cpu).toFixed(0)} | ${median(rss).toFixed(0)} | ${kept[0]?.tools ?? 0} |`);
}
