#!/bin/sh
# Start-up benchmark (run on demand, not part of the build): how long Claude Desktop waits for the
# server on every launch. Starts each server 11 times, interleaved (the first run of each is a warm-up
# and is discarded), and prints the time from process start to the answer of initialize and of
# tools/list, and the resident memory after tools/list:
#   - revops-mcp with plain `java -jar`,
#   - revops-mcp with the recommended launcher (bin/revops-mcp: class-data archive, C1, serial GC),
#   - both again with --sandbox (the embedded sample data; the sandbox starts after the server answers),
#   - the community Node server @tsmztech/mcp-server-salesforce, for comparison.
# Needs Java 17+, Node 18+ and npm; run `mvn -B -pl mcp-adapter -am package -DskipTests` first.
# Placeholder credentials only: listing tools contacts no service (the Node server starts without
# connecting; its instance URL points at a closed loopback port to be sure).
set -eu
cd "$(dirname "$0")/.."
runs=${RUNS:-11}
jar=target/revops-mcp.jar
[ -f "$jar" ] || { echo "No $jar: run mvn -B -pl mcp-adapter -am package -DskipTests first." >&2; exit 2; }

work=target/bench-node
mkdir -p "$work"
cp bench/package.json "$work/"
(cd "$work" && npm install --no-audit --no-fund --silent >/dev/null)
node_server="$work/node_modules/@tsmztech/mcp-server-salesforce/dist/index.js"

cds_dir=target/bench-cds
rm -rf "$cds_dir"
export REVOPS_CDS_DIR="$PWD/$cds_dir"
export CLARI_API_TOKEN=bench-placeholder SFDC_INSTANCE_URL=https://bench.invalid SFDC_ACCESS_TOKEN=bench-placeholder
echo "Training the class-data archive (once per jar and Java runtime)..."
bin/revops-mcp --version >/dev/null
java -version 2>&1 | head -1
echo "node $(node --version)"

cat > target/bench-servers.json <<JSON
[
  {"label": "revops-mcp (java -jar)", "command": "java", "args": ["-jar", "$jar"]},
  {"label": "revops-mcp (bin/revops-mcp)", "command": "bin/revops-mcp"},
  {"label": "revops-mcp --sandbox (java -jar)", "command": "java", "args": ["-jar", "$jar", "--sandbox"]},
  {"label": "revops-mcp --sandbox (bin/revops-mcp)", "command": "bin/revops-mcp", "args": ["--sandbox"]},
  {"label": "@tsmztech/mcp-server-salesforce", "command": "node", "args": ["$node_server"],
   "env": {"SALESFORCE_CONNECTION_TYPE": "User_Password", "SALESFORCE_USERNAME": "bench@example.com",
           "SALESFORCE_PASSWORD": "placeholder", "SALESFORCE_TOKEN": "placeholder",
           "SALESFORCE_INSTANCE_URL": "https://127.0.0.1:9"}}
]
JSON
node bench/startup.mjs "$runs" target/bench-servers.json
