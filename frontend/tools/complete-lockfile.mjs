// Adds lockfile entries for platform-specific optional packages that the npm
// registry this machine reaches does not serve (e.g. @rollup/rollup-darwin-arm64):
// `npm install` then leaves them out of package-lock.json and `npm ci` refuses
// the lockfile as out of sync. Entries get os/cpu/libc from the package name,
// so npm skips them on other platforms and fetches them where they match.
// Run after `npm install` changed the lockfile: node tools/complete-lockfile.mjs
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const packages = lock.packages;
const osNames = ["aix", "android", "darwin", "freebsd", "linux", "openbsd", "openharmony", "sunos", "win32", "wasm32"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const i = parts.findIndex((p) => osNames.includes(p));
  if (i < 0) return null;
  const os = parts[i];
  const cpu = parts[i + 1];
  const abi = parts.slice(i + 2).join("-");
  if (os === "wasm32") return { cpu: ["wasm32"] };
  const entry = { cpu: [cpu], os: [os] };
  if (os === "linux" && abi.startsWith("gnu")) entry.libc = ["glibc"];
  if (os === "linux" && abi.startsWith("musl")) entry.libc = ["musl"];
  return entry;
}

let added = 0;
for (const [location, meta] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (packages[key] || packages[`${location}/${key}`]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    packages[key] = { version, ...platform, ...(meta.dev ? { dev: true } : {}), optional: true };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(path, JSON.stringify(lock, null, 2) + "\n");
console.log(`added ${added} platform entries`);
