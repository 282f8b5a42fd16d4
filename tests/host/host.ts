// A host page's program, written as an XMS front-end team writes one against the package's
// types: it mounts the module, lists the events it hears in the page (so the end-to-end test
// reads them), and switches the language. `tsc --strict` checks it against the declarations;
// tests/e2e/package.spec.ts runs it against the packed module, so the two cannot disagree.
import init, { mount, type MountedModule, type MountOptions } from "@xopero/xms-m365";

const heard = document.getElementById("host-events") as HTMLOListElement;
function hear(line: string): void {
  const item = document.createElement("li");
  item.textContent = line;
  heard.append(item);
}

await init();
const element = document.getElementById("m365") as HTMLElement;
const options: MountOptions = {
  apiBase: "/api/v1",
  token: (document.querySelector('meta[name="xms-api-token"]') as HTMLMetaElement).content,
  basePath: "/m365",
  locale: "en",
  theme: "auto",
};
const module: MountedModule = mount(element, options);

// The events are typed: `detail` is each one's own shape.
element.addEventListener("xms-m365:organization-added", (event) => {
  const { id, name }: { id: string; name: string } = event.detail;
  hear(`organization-added: ${name} (${id.length > 0 ? "with an id" : "no id"})`);
});
element.addEventListener("xms-m365:organization-removed", (event) => {
  hear(`organization-removed: ${event.detail.id}`);
});
element.addEventListener("xms-m365:navigate", (event) => {
  hear(`navigate: ${event.detail.path} (${event.detail.title})`);
});
element.addEventListener("xms-m365:unauthorized", (event) => {
  hear(`unauthorized: ${String(event.detail)}`);
});
(document.getElementById("german") as HTMLButtonElement).addEventListener("click", () => {
  module.setLocale("de");
});

// Exactly one way of proving the session: two do not compile.
// @ts-expect-error: a token and a cookie session at once
const twoSessions: MountOptions = { apiBase: "/api/v1", token: "t", csrf: { header: "X-CSRF-Token", token: "c" } };
// @ts-expect-error: no session at all
const noSession: MountOptions = { apiBase: "/api/v1" };
// @ts-expect-error: a theme the module does not have
const pink: MountOptions = { apiBase: "/api/v1", token: "t", theme: "pink" };
void [twoSessions, noSession, pink];

// The element is typed too.
const markup = document.createElement("xms-m365");
const mounted: MountedModule | undefined = markup.module;
void mounted;
