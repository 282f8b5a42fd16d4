// Init scripts the benchmark adds to its pages (Playwright's page.addInitScript(fn, arg)): they
// run before any of the page's own scripts, so they see the shadow root the page attaches and
// every chunk of the change stream. Each function is serialized into the page on its own: it
// may use nothing from this file but its argument.

/**
 * Records, in `window.__bench`, when the first `.m365-tile` (or the first element of
 * `expected.selector`, when `expected` is `{ expected, selector }`) and when `expected` of them are in
 * the DOM of the page's shadow root (`firstDom`, `allDom`), and when the frame showing them was
 * painted (`firstPaint`, `allPaint`); all in ms from navigation start (performance.timeOrigin).
 *
 * "Painted" is the first task after the frame's rendering update: a requestAnimationFrame
 * callback runs just before the frame's style, layout and paint, and a task it posts runs after
 * them. The task is posted at `user-blocking` priority (scheduler.postTask) so that it runs
 * before the page's own ordinary tasks: the module renders the rest of a long list in a
 * setTimeout after its first frame, and a plain task could land after that work and so add its
 * length to "first tile painted".
 */
export function paintProbe(expected) {
  // A number of tiles, or `{ expected, selector }` for other elements (the table's rows).
  const { selector, count } =
    typeof expected === "number" ? { selector: ".m365-tile", count: expected } : { selector: expected.selector, count: expected.expected };
  expected = count;
  const state = { expected, firstDom: null, allDom: null, firstPaint: null, allPaint: null, wasmReady: null };
  window.__bench = state;
  const roots = [];
  const afterPaint = (key) =>
    requestAnimationFrame(() => {
      const record = () => (state[key] = performance.now());
      if (window.scheduler?.postTask) {
        window.scheduler.postTask(record, { priority: "user-blocking" });
      } else {
        const channel = new MessageChannel();
        channel.port1.onmessage = record;
        channel.port2.postMessage(null);
      }
    });
  const check = () => {
    if (state.allDom !== null) return;
    const tiles = roots.reduce((n, root) => n + root.querySelectorAll(selector).length, 0);
    if (tiles > 0 && state.firstDom === null) {
      state.firstDom = performance.now();
      afterPaint("firstPaint");
    }
    if (tiles >= expected) {
      state.allDom = performance.now();
      afterPaint("allPaint");
    }
  };
  // When the module's WebAssembly is compiled and instantiated (`wasmReady`), to tell that
  // apart from what the module does next; wasm-bindgen instantiates with one of these two.
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const instantiate = WebAssembly[name];
    WebAssembly[name] = async function (...args) {
      const result = await instantiate.apply(this, args);
      state.wasmReady ??= performance.now();
      return result;
    };
  }
  // Mutations inside a shadow root are not reported to an observer of the document: observe
  // each shadow root as it is attached (both pages attach theirs from script).
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    new MutationObserver(check).observe(root, { childList: true, subtree: true });
    return root;
  };
}

/**
 * Times backup progress from the change stream to the tile. `window.__benchArrivals` gets
 * `{ org, percent, t }` for each `job_progress` event of a running job, `t` being when the chunk
 * that completed the event reached the page (before the module's reader sees it: the response
 * body is passed through a TransformStream here). `window.__benchUpdates` gets `{ org, percent,
 * t, painted }` whenever a tile's progress bar's aria-valuenow changes (`t` from the
 * MutationObserver, `painted` as in paintProbe).
 */
export function streamProbe() {
  const arrivals = [];
  const updates = [];
  window.__benchArrivals = arrivals;
  window.__benchUpdates = updates;

  const originalFetch = window.fetch;
  window.fetch = async function (input, init) {
    const response = await originalFetch.call(this, input, init);
    // A string, a URL (how wasm-bindgen fetches the wasm) or a Request (how gloo-net fetches).
    const url = input instanceof Request ? input.url : String(input);
    if (!url.includes("/events") || !response.body) return response;
    const decoder = new TextDecoder();
    let buffer = "";
    const tap = new TransformStream({
      transform(chunk, controller) {
        const t = performance.now();
        buffer += decoder.decode(chunk, { stream: true });
        // Server-Sent Events end with a blank line; an event may span chunks.
        const events = buffer.split("\n\n");
        buffer = events.pop();
        for (const event of events) {
          const data = event
            .split("\n")
            .filter((line) => line.startsWith("data:"))
            .map((line) => line.slice(5).trim())
            .join("\n");
          if (!data.includes('"job_progress"')) continue;
          const { job } = JSON.parse(data);
          if (job.state.status === "running") {
            arrivals.push({ org: job.organization_id, percent: job.state.percent, t });
          }
        }
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(tap), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };

  const record = (bar) => {
    const value = bar.getAttribute("aria-valuenow");
    const labelled = bar.closest("article")?.getAttribute("aria-labelledby") ?? "";
    if (value === null) return;
    const update = {
      org: labelled.replace(/^m365-tile-/, ""),
      percent: Number(value),
      t: performance.now(),
      painted: null,
    };
    updates.push(update);
    requestAnimationFrame(() =>
      window.scheduler.postTask(() => (update.painted = performance.now()), {
        priority: "user-blocking",
      }),
    );
  };
  const observe = (mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === "attributes") {
        record(mutation.target);
        continue;
      }
      // A bar inserted with its value already set changes no attribute.
      for (const node of mutation.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        for (const bar of node.querySelectorAll('[role="progressbar"]')) record(bar);
      }
    }
  };
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    new MutationObserver(observe).observe(root, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["aria-valuenow"],
    });
    return root;
  };
}
