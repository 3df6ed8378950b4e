// Runs yaml-language-server headless, as an editor would, and prints what it reports.
//
//   node tests/yamlls/check.mjs SERVER FILE...
//
// SERVER is the yaml-language-server executable script (node_modules/yaml-language-server/bin/
// yaml-language-server). Each FILE is opened with its own text, so its modeline
// (`# yaml-language-server: $schema=../schema/...`) resolves relative to where FILE is. The
// server is configured as a careful editor would be: validation on, the schema store and the
// Kubernetes CRD store off, so nothing is fetched from the network.
//
// Prints one JSON object: {"<FILE>": [{"line": 1-based, "column": 1-based, "severity",
// "message", "source"}], ...} with the last diagnostics the server published for each file.
// Exits 2 if the server fails or publishes nothing in time.

import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [server, ...files] = process.argv.slice(2);
if (!server || files.length === 0) {
  console.error("usage: node check.mjs SERVER FILE...");
  process.exit(2);
}

/** How long diagnostics must stay unchanged before they count as final. */
const QUIET_MS = 1500;
/** How long to wait in all. */
const TIMEOUT_MS = 60000;

const settings = {
  yaml: {
    validate: true,
    hover: true,
    completion: true,
    schemas: {},
    schemaStore: { enable: false, url: "" },
    kubernetesCRDStore: { enable: false },
    yamlVersion: "1.2",
  },
  http: { proxy: "", proxyStrictSSL: true },
  "[yaml]": {},
  editor: {},
};

const child = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
let serverLog = "";
child.stderr.on("data", (d) => (serverLog += d));
child.on("exit", (code, signal) => {
  if (!finished) fail(`yaml-language-server exited early (${code ?? signal})`);
});

let finished = false;
function fail(message) {
  finished = true;
  console.error(`check.mjs: ${message}`);
  if (serverLog) console.error(serverLog);
  child.kill();
  process.exit(2);
}

// --- LSP framing -------------------------------------------------------------------------

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  child.stdin.write(body);
}

let nextId = 1;
const pending = new Map();
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((ok) => pending.set(id, ok));
}
const notify = (method, params) => send({ method, params });

let buffer = Buffer.alloc(0);
child.stdout.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf("\r\n\r\n");
    if (end < 0) return;
    const header = buffer.subarray(0, end).toString("ascii");
    const length = Number(/Content-Length: *(\d+)/i.exec(header)?.[1]);
    if (!Number.isFinite(length)) return fail(`bad header from the server: ${header}`);
    if (buffer.length < end + 4 + length) return;
    const body = buffer.subarray(end + 4, end + 4 + length).toString("utf8");
    buffer = buffer.subarray(end + 4 + length);
    handle(JSON.parse(body));
  }
});

// --- What the server says ----------------------------------------------------------------

const uris = new Map(files.map((f) => [pathToFileURL(resolve(f)).href, f]));
const published = new Map();
let quietTimer;

function handle(msg) {
  if (msg.id !== undefined && msg.method === undefined) {
    // A response to one of our requests.
    pending.get(msg.id)?.(msg.result);
    pending.delete(msg.id);
  } else if (msg.id !== undefined) {
    // A request from the server.
    if (msg.method === "workspace/configuration") {
      const result = msg.params.items.map((item) => settings[item.section] ?? null);
      send({ id: msg.id, result });
    } else {
      send({ id: msg.id, result: null });
    }
  } else if (msg.method === "textDocument/publishDiagnostics" && uris.has(msg.params.uri)) {
    published.set(msg.params.uri, msg.params.diagnostics);
    clearTimeout(quietTimer);
    if (published.size === uris.size) quietTimer = setTimeout(done, QUIET_MS);
  } else if (msg.method === "window/logMessage" || msg.method === "window/showMessage") {
    serverLog += `${msg.params.message}\n`;
  }
}

function done() {
  finished = true;
  const out = {};
  for (const [uri, file] of uris) {
    out[file] = published.get(uri).map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      severity: d.severity,
      message: d.message,
      source: d.source,
    }));
  }
  process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
  send({ id: nextId++, method: "shutdown" });
  notify("exit");
  setTimeout(() => {
    child.kill();
    process.exit(0);
  }, 200);
}

setTimeout(() => {
  const missing = [...uris].filter(([uri]) => !published.has(uri)).map(([, f]) => f);
  fail(`no diagnostics within ${TIMEOUT_MS / 1000} s for ${missing.join(", ")}`);
}, TIMEOUT_MS).unref();

// --- The session -------------------------------------------------------------------------

const root = pathToFileURL(resolve(".")).href;
await request("initialize", {
  processId: process.pid,
  rootUri: root,
  workspaceFolders: [{ uri: root, name: "root" }],
  capabilities: {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
    textDocument: { publishDiagnostics: { relatedInformation: false } },
  },
  initializationOptions: {},
});
notify("initialized", {});
notify("workspace/didChangeConfiguration", { settings });
for (const [uri, file] of uris) {
  notify("textDocument/didOpen", {
    textDocument: { uri, languageId: "yaml", version: 1, text: readFileSync(file, "utf8") },
  });
}
