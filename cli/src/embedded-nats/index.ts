// The embedded nats-server of the CLI, used when NATS_URL is unset: one server per MGE_HOME, shared by
// every CLI process on it, so `mge events` finds the runs of an `mge run` going on beside it.
//
// Everything lives under `<home>/nats` (mode 0700): `store/` (JetStream, kept across restarts), `server.json`
// (pid, url, port, startedAt of the running server), `clients/<pid>-<id>` (one file per acquisition),
// `nats-server.log`, `ports/` (the server's ports files) and `lock`. The server is spawned detached
// so it outlives the process that started it while others still use it.
//
// The server demands a user and password: `credential.json` (mode 0600, 32 random bytes, made when a
// server starts and none is on file, then reused) and the server's `nats-server.conf` (mode 0600; never
// on its command line). Only processes that can read MGE_HOME get it: the CLI and the services it runs
// in its process; sandboxed code gets neither the file nor any variable holding it. A recorded server
// that accepts clients without credentials (started by an older mge) is replaced like a stale one.
//
// Starting and stopping happen under an exclusive lock file (`open wx`, owner pid inside; a dead
// owner's or a lock untouched for 10 s is broken), so a release cannot race a concurrent acquire.
// A recorded server is reused only when its pid runs (not a zombie: PID 1 may not reap detached
// children) and its port answers with a NATS `INFO` line; otherwise it is killed if it is still this
// home's server (its command line names our store) and replaced. The last release stops it; client
// files of dead processes are pruned, so a CLI killed with SIGKILL does not keep it up forever.
// `installExitCleanup` is separate so a command opts in to release on exit and on Ctrl-C.
export type { EmbeddedNats, EmbeddedNatsOptions } from './acquire.js';
export { acquireEmbeddedNats } from './acquire.js';
export type { ExitCleanupOptions, ExitCleanupTarget } from './exit-cleanup.js';
export { installExitCleanup } from './exit-cleanup.js';
