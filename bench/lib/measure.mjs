// Measuring one child process: wall time (our own clock around the spawn) and peak resident
// memory. Peak RSS comes from GNU time's %M when /usr/bin/time is GNU time; otherwise a node
// child reports its own process.resourceUsage().maxRSS through an --import hook; otherwise the
// child's VmHWM is polled from /proc (approximate, can miss a short final peak).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const RSS_HOOK = new URL('./rss-hook.mjs', import.meta.url);

let gnuTime;
/** Whether /usr/bin/time is GNU time (BusyBox and BSD time lack -o and %M). */
export function hasGnuTime() {
  if (gnuTime === undefined) {
    gnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', '-o', '/dev/null', 'true']).status === 0;
  }
  return gnuTime;
}

export function methodName(command) {
  if (hasGnuTime()) return 'GNU time %M';
  if (command === process.execPath) return 'process.resourceUsage().maxRSS of the node child';
  return 'polled /proc VmHWM (approximate)';
}

/**
 * Runs `command args` in `cwd`; stdout goes to `stdoutFile` (or /dev/null), stderr to
 * `stderrFile`. Resolves `{ seconds, rssMb, code, method }`; rssMb is null when unknown.
 */
export async function measure(command, args, { cwd, env, stdoutFile = '/dev/null', stderrFile, scratch }) {
  const rssFile = join(scratch, `rss-${process.pid}-${Date.now()}.txt`);
  rmSync(rssFile, { force: true });
  let file = command;
  let argv = args;
  let childEnv = env;
  const gnu = hasGnuTime();
  if (gnu) {
    file = GNU_TIME;
    argv = ['-f', '%e %M %U %S', '-o', rssFile, command, ...args];
  } else if (command === process.execPath) {
    argv = ['--import', RSS_HOOK.href, ...args];
    childEnv = { ...env, ASN_BENCH_RSS_FILE: rssFile };
  }
  const out = openSync(stdoutFile, 'w');
  const err = openSync(stderrFile, 'w');
  const started = process.hrtime.bigint();
  let polledKb = 0;
  try {
    const child = spawn(file, argv, { cwd, env: childEnv, stdio: ['ignore', out, err] });
    const poll = !gnu && command !== process.execPath ? setInterval(() => (polledKb = Math.max(polledKb, vmHwm(child.pid))), 20) : null;
    const code = await new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (status, signal) => resolve(status ?? (signal ? 128 : -1)));
    });
    if (poll) clearInterval(poll);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    let kb = polledKb || null;
    let cpuSeconds = null;
    if (existsSync(rssFile)) {
      // GNU time writes "Command exited with non-zero status N" before the format line.
      const last = readFileSync(rssFile, 'utf8').trim().split('\n').at(-1) ?? '';
      // GNU time: "elapsed rss user sys"; the node hook: "rss".
      const parts = last.split(' ').map(Number);
      const [rss, user, sys] = parts.length >= 4 ? parts.slice(1) : [parts.at(-1), NaN, NaN];
      if (Number.isFinite(rss) && rss > 0) kb = rss;
      // User + system CPU seconds: on a shared machine, the figure other work disturbs least.
      if (Number.isFinite(user) && Number.isFinite(sys)) cpuSeconds = user + sys;
      rmSync(rssFile, { force: true });
    }
    return { seconds, rssMb: kb === null ? null : kb / 1024, cpuSeconds, code, method: methodName(command) };
  } finally {
    closeSync(out);
    closeSync(err);
  }
}

function vmHwm(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The last `lines` lines of a file, for showing why a stage failed. */
export function tail(file, lines = 5) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
