// The reference XMS shell embeds the module exactly as XMS does: it loads the module's code,
// mounts it into the tab's element with the signed-in session (a cookie, with its CSRF token)
// and follows the module's events. No inline script: the page runs under a strict CSP.
import init, { mount } from "/xms-m365.js";

await init();
if (location.pathname === "/") history.replaceState(null, "", "/m365");

const element = document.getElementById("xms-module");
const csrf = document.querySelector('meta[name="xms-csrf-token"]').content;
// The administrator's language setting, kept by the browser; none means the browser's language.
const language = document.getElementById("xms-language");
language.value = localStorage.getItem("xms-language") ?? "";
// XMS keeps the handle to call unmount() when it leaves the tab.
window.xmsM365 = mount(element, {
  apiBase: "/api/v1",
  csrf: { header: "X-CSRF-Token", token: csrf },
  basePath: "/m365",
  locale: language.value || undefined,
});
language.addEventListener("change", () => {
  localStorage.setItem("xms-language", language.value);
  window.xmsM365.setLocale(language.value || undefined);
});
element.addEventListener("xms-m365:navigate", (event) => {
  document.title = `${event.detail.title} · Xopero ONE Management Service`;
});
element.addEventListener("xms-m365:unauthorized", () => {
  document.querySelector(".xms-shell__notice").hidden = false;
});
