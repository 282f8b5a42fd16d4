// Mounts the Microsoft 365 module into #m365 of embed-example.html, as a host would. Replace
// the bearer token with getToken or csrf to match how the host signs its sessions in.
import init, { mount } from "./xms-m365.js";

await init();
const element = document.getElementById("m365");
const module = mount(element, {
  apiBase: "/api/v1",
  token: document.querySelector('meta[name="xms-api-token"]').content,
  basePath: location.pathname.replace(/\/[^/]*$/, "") || "/",
});
element.addEventListener("xms-m365:unauthorized", () => {
  console.warn("XMS refused the token: sign in again, then reload.");
});
addEventListener("pagehide", () => module.unmount());
