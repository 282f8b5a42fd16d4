// The Microsoft 365 module of XMS, as a host page uses it: load it with `init()`, then
// `mount()` it into an element (or add an `<xms-m365>` element), and listen to its events.
// Written for people; `tests/host/host.ts` compiles against it and runs in a browser against
// the module itself, so a declaration that stops matching the module fails the tests.

/** What `init` can load the module's WebAssembly from. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the module's WebAssembly (by default `xms-m365_bg.wasm` next to `xms-m365.js`) and
 * registers the `<xms-m365>` element. Call it once, before `mount`.
 */
export default function init(
  moduleOrPath?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<unknown>;

/** The module's colours: `auto` follows the reader's system setting. */
export type Theme = "light" | "dark" | "auto";

/** What every mount is told, whatever the session. */
export interface CommonOptions {
  /** Where the XMS API is, such as `/api/v1` or `https://xms.example.com/api/v1`. */
  apiBase: string;
  /**
   * The path under which the host shows the module (default `/m365`); the module's routes
   * live below it and it leaves every other link of the page to the host.
   */
  basePath?: string;
  /**
   * The language as a BCP 47 tag (`en`, `pl`, `de`, `de-AT`); without it, or in a language the
   * module does not speak, the browser's language, then English.
   */
  locale?: string;
  /** Light (the default), dark, or the reader's system setting. */
  theme?: Theme;
}

/** A static bearer token of the signed-in session. */
export interface TokenSession {
  token: string;
  getToken?: never;
  csrf?: never;
}

/** A function giving the session's bearer token for each request (or a promise of it). */
export interface GetTokenSession {
  getToken: () => string | Promise<string>;
  token?: never;
  csrf?: never;
}

/** A cookie session: the module sends the CSRF header with every request. */
export interface CsrfSession {
  csrf: {
    /** The header's name, such as `X-CSRF-Token`. */
    header: string;
    /** Its value. */
    token: string;
  };
  token?: never;
  getToken?: never;
}

/** The options of `mount`: exactly one way of proving the session. */
export type MountOptions = CommonOptions & (TokenSession | GetTokenSession | CsrfSession);

/** A mounted module. */
export class MountedModule {
  private constructor();
  /** Removes the module from the page and stops everything it was doing. */
  unmount(): void;
  /**
   * Switches the module's language without reloading it; a language it does not speak, or
   * none, means the browser's language, then English.
   */
  setLocale(locale?: string | null): void;
  /** Frees the handle (the module stays mounted: `unmount` removes it). */
  free(): void;
}

/**
 * Starts the module inside `element`, in an open shadow root (host and module styles do not
 * touch each other), and raises its events on `element`. Mounting again into the same
 * element replaces what was there. Throws an `Error` saying what is wrong with `options`.
 */
export function mount(element: HTMLElement, options: MountOptions): MountedModule;

/** An organization that was connected. */
export interface OrganizationAddedDetail {
  /** Its id in XMS. */
  id: string;
  /** Its display name. */
  name: string;
}

/** An organization that was removed from XMS. */
export interface OrganizationRemovedDetail {
  /** Its id in XMS. */
  id: string;
}

/** A view the module now shows. */
export interface NavigateDetail {
  /** The module's path under `basePath`, such as `/organizations/42/edit`. */
  path: string;
  /** What the view is, for the host's title or breadcrumbs. */
  title: string;
}

/** The events the module raises on its element; they bubble and cross the shadow root. */
export interface XmsM365EventMap {
  /** XMS answered 401: sign the administrator in again. */
  "xms-m365:unauthorized": CustomEvent<null>;
  "xms-m365:organization-added": CustomEvent<OrganizationAddedDetail>;
  "xms-m365:organization-removed": CustomEvent<OrganizationRemovedDetail>;
  "xms-m365:navigate": CustomEvent<NavigateDetail>;
}

/**
 * `<xms-m365 api-base="/api/v1" token="…" | csrf-header="…" csrf-token="…" base-path="/m365"
 * locale="pl" theme="dark">`: mounts when added to the page and unmounts when removed;
 * changing `locale` switches the language.
 */
export interface XmsM365Element extends HTMLElement {
  /** The mounted module while the element is on the page. */
  module?: MountedModule;
}

declare global {
  // The module's events are typed on every element they can bubble to.
  interface HTMLElementEventMap extends XmsM365EventMap {}
  interface HTMLElementTagNameMap {
    "xms-m365": XmsM365Element;
  }
}
