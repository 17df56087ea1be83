/**
 * A plain static host for browser tests: serves a folder under a sub-path (as GitHub Pages serves a project
 * site under /NAME/) and sends no headers of its own, no COOP/COEP and no CSP, so the app must bring
 * everything it needs itself. It listens on a free loopback port; `root` can be switched to serve a new
 * release from the same address.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".map": "application/json",
};

export interface StaticHost {
  /** The app's address, ending in the sub-path and a slash. */
  readonly url: string;
  /** The folder now served. */
  root: string;
  /** Requests answered so far, by path (tests check that nothing reached the host). */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startStaticHost(root: string, subPath = "/txlanes/"): Promise<StaticHost> {
  const requests: string[] = [];
  const host: StaticHost = { url: "", root, requests, close: () => close(server) };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://host").pathname);
    requests.push(path);
    if (path === subPath.slice(0, -1)) {
      res.writeHead(301, { Location: subPath }).end();
      return;
    }
    const rel = path.startsWith(subPath) ? normalize(path.slice(subPath.length)) : null;
    if (rel === null || rel.startsWith("..")) {
      res.writeHead(404).end();
      return;
    }
    const file = join(host.root, rel === "." || rel === "" ? "index.html" : rel);
    try {
      const body = await readFile(file);
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  // Loopback is a secure context, where service workers may register.
  return Object.assign(host, { url: `http://127.0.0.1:${port}${subPath}` });
}

/** Stops answering at once, open connections included (a second close is a no-op). */
function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
