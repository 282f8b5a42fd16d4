// A reference XMS server for one test: its own free port, its own throw-away data directory,
// and organizations added through the server's own data layer (its add-organization command).
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const serverBin = process.env.XMS_SERVER_BIN ?? path.join(root, "target/debug/xms-server");
const staticDir = process.env.XMS_STATIC_DIR ?? path.join(root, "dist");

export interface Organization {
  tenantId: string;
  name: string;
  domain: string;
  users: number;
  /** Every backup of it fails with this reason. */
  backupFailure?: string;
  /** Licence management; automatic unless said. */
  licenceMode?: "automatic" | "manual";
  /** How many of its users are protected (all unless said). */
  protectedUsers?: number;
  /** Its consent has been revoked: it needs re-authorization. */
  needsReauthorization?: boolean;
}

/**
 * When every test's clocks start, the server's and the browser's alike: a Tuesday morning, so
 * that no test depends on the day or the hour it runs (the default policy backs up at 22:00 UTC,
 * which would otherwise fall inside some runs).
 */
export const CLOCK_START = Date.parse("2026-12-01T09:00:00Z");

/** The reference server's development API token, which the shell page is given too. */
export const API_TOKEN = "xms-development-token";

export class XmsServer {
  url = "";
  private process?: ChildProcess;
  private output = "";
  /** What the server's clock read when it was last started, and when that was here. */
  private clock = { at: CLOCK_START, since: performance.now() };

  constructor(
    readonly dataDir: string,
    private readonly args: string[],
  ) {}

  /** What time it is for the server, in Unix ms. */
  now(): number {
    return this.clock.at + (performance.now() - this.clock.since);
  }

  /** `--clock-start` at the server's now, so that its time runs on across restarts. */
  private clockArgs(): string[] {
    return ["--clock-start", new Date(this.now()).toISOString()];
  }

  /** Starts the server; port 0 lets it pick a free one. */
  async start(port = 0): Promise<void> {
    this.output = "";
    this.clock = { at: this.now(), since: performance.now() };
    const child = spawn(
      serverBin,
      [
        "--port", String(port), "--data-dir", this.dataDir, "--static-dir", staticDir,
        ...this.clockArgs(), ...this.args,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    this.process = child;
    child.stderr!.on("data", (chunk) => (this.output += chunk));
    this.url = await new Promise<string>((resolve, reject) => {
      let stdout = "";
      child.stdout!.on("data", (chunk) => {
        stdout += chunk;
        const match = stdout.match(/listening on (http:\/\/\S+)/);
        if (match) resolve(match[1].replace(/\/$/, ""));
      });
      child.on("exit", (code) =>
        reject(new Error(`xms-server exited (${code}) before listening:\n${stdout}${this.output}`)),
      );
    });
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }

  /** Starts the server again after `stop()`, where the page already knows it. */
  async restartOnSamePort(): Promise<void> {
    await this.start(Number(new URL(this.url).port));
  }

  addOrganization(organization: Organization): void {
    execFileSync(serverBin, [
      "add-organization",
      "--data-dir", this.dataDir,
      ...this.clockArgs(),
      "--tenant-id", organization.tenantId,
      "--name", organization.name,
      "--domain", organization.domain,
      "--users", String(organization.users),
      ...(organization.backupFailure ? ["--backup-failure", organization.backupFailure] : []),
      ...(organization.licenceMode ? ["--licence-mode", organization.licenceMode] : []),
      ...(organization.protectedUsers !== undefined ? ["--protected-users", String(organization.protectedUsers)] : []),
      ...(organization.needsReauthorization ? ["--needs-reauthorization"] : []),
    ]);
  }

  /**
   * Registers an application in `tenant` on the development authority, as its administrator
   * does in Microsoft Entra; with `consent: false`, no administrator has granted its
   * permissions yet. Returns its client id and its secret's value.
   */
  registerApplication(tenant: string, { consent = true } = {}): { clientId: string; secret: string } {
    const printed = execFileSync(serverBin, [
      "authority", "register-application",
      "--data-dir", this.dataDir,
      ...this.clockArgs(),
      "--tenant", tenant,
      ...(consent ? [] : ["--no-consent"]),
    ]).toString();
    const line = (label: string) => printed.match(new RegExp(`^${label}: (\\S+)$`, "m"))![1];
    return { clientId: line("application \\(client\\) id"), secret: line("client secret value") };
  }

  /**
   * Changes the development authority as a tenant's administrator would in Microsoft Entra:
   * `revoke-consent --application <id>`, `expire-secret --application <id>`, and the like.
   */
  authority(command: string, ...args: string[]): void {
    execFileSync(serverBin, ["authority", command, "--data-dir", this.dataDir, ...args]);
  }

  /**
   * Connects `tenant` through an application registered there, as the Connect dialog's form
   * does, its secret said to expire on `expiresOn` (YYYY-MM-DD); returns the client id.
   */
  async connectApplication(tenant: string, expiresOn: string): Promise<string> {
    const { clientId, secret } = this.registerApplication(tenant);
    await this.api("POST", "/m365/applications", {
      tenant,
      client_id: clientId,
      client_secret: secret,
      secret_expires_on: expiresOn,
    });
    return clientId;
  }

  /** Calls the XMS API as another client (a second admin, a script) would. */
  async api(method: string, path: string, json?: unknown): Promise<any> {
    const response = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${API_TOKEN}`,
        ...(json === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    if (response.status === 204) return undefined;
    const text = await response.text();
    expect(text, `${method} ${path} answered a client secret or a private key`).not.toMatch(/.{3}8Q~|PRIVATE KEY/);
    const body = JSON.parse(text);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  }

  /** The id of the organization named `name`. */
  async organizationId(name: string): Promise<string> {
    const { organizations } = await this.api("GET", "/m365/organizations");
    const organization = organizations.find((o: any) => o.name === name);
    if (!organization) throw new Error(`no organization named ${name}`);
    return organization.id;
  }

  /** Starts a backup of the organization named `name` through the API; returns the job. */
  async startBackup(name: string): Promise<any> {
    const { organizations } = await this.api("GET", "/m365/organizations");
    const organization = organizations.find((o: any) => o.name === name);
    if (!organization) throw new Error(`no organization named ${name}`);
    return this.api("POST", `/m365/organizations/${organization.id}/backups`);
  }
}

/** Sets `context`'s clock to the server's time; it runs on from there, timers included. */
export async function pinClock(context: BrowserContext, xms: XmsServer): Promise<void> {
  await context.clock.install({ time: xms.now() });
}

/**
 * Stops `page`'s clock (its context's, timers included) a moment from now: from then on only
 * `page.clock.runFor` and the like move it, so that a wait in the module happens only when a
 * test says so.
 */
export async function holdClock(page: Page): Promise<void> {
  // A little ahead, so that the clock, which runs on meanwhile, is not yet past it.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 250);
}

export const test = base.extend<{
  xms: XmsServer;
  serverArgs: string[];
  panics: string[];
  secrets: void;
  clock: void;
}>({
  // Options for the reference server; the development authority asks for a 1 s interval so
  // that sign-ins settle quickly.
  serverArgs: [["--poll-interval", "1"], { option: true }],
  // A panic in the module leaves the page half-alive rather than crashing it visibly: every
  // test fails on one, whatever it was checking.
  panics: [
    async ({ page }, use) => {
      const panics: string[] = [];
      page.on("console", (message) => {
        if (message.text().includes("panicked at")) panics.push(message.text());
      });
      page.on("pageerror", (error) => panics.push(String(error)));
      await use(panics);
      expect(panics, "the module panicked").toEqual([]);
    },
    { auto: true },
  ],
  // XMS takes client secrets and never gives them back: no API answer of any test holds one
  // (Entra's, and the development authority's, have "8Q~" after their first three characters),
  // nor a private key (a certificate's stays with XMS).
  // The change stream is left out: it never ends, and its events are the API's objects.
  secrets: [
    async ({ page }, use) => {
      const answers: Promise<string | undefined>[] = [];
      page.on("response", (response) => {
        const streamed = (response.headers()["content-type"] ?? "").startsWith("text/event-stream");
        if (!response.url().includes("/api/") || streamed) return;
        answers.push(response.text().then((body) => (/.{3}8Q~|PRIVATE KEY/.test(body) ? `${response.url()}: ${body}` : undefined), () => undefined));
      });
      await use();
      expect((await Promise.all(answers)).filter(Boolean), "an API answer holds a client secret").toEqual([]);
    },
    { auto: true },
  ],
  // The browser lives at the server's time, so "in 13 hours" means the same to both.
  clock: [
    async ({ context, xms }, use) => {
      await pinClock(context, xms);
      await use();
    },
    { auto: true },
  ],
  xms: async ({ serverArgs }, use) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "xms-e2e-"));
    const server = new XmsServer(dataDir, serverArgs);
    await server.start();
    await use(server);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from "@playwright/test";
