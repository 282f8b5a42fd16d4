// Forwarding a request to another server and its answer back, as a host's reverse proxy does
// for XMS: the tests' stand-ins for a sign-in service and for a host page in front of XMS.
import { request, type IncomingMessage, type ServerResponse } from "node:http";

/** Forwards `incoming` to the server at `target` (a URL) and pipes its answer to `answer`. */
export function forwardTo(target: string, incoming: IncomingMessage, answer: ServerResponse): void {
  const to = new URL(target);
  const onward = request(
    { host: to.hostname, port: to.port, path: incoming.url, method: incoming.method, headers: incoming.headers },
    (response) => {
      answer.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(answer);
    },
  );
  // The target went away: the browser sees a dropped connection, as with a real proxy.
  onward.on("error", () => answer.destroy());
  incoming.pipe(onward);
}
