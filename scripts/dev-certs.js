/**
 * Development HTTPS certificates for `npm start` (webpack dev server on https://localhost:3000).
 *
 * Uses office-addin-dev-certs' *generate* step only (node-forge, offline): a private CA plus a
 * localhost certificate (SAN localhost and 127.0.0.1) written to the git-ignored `.certs/` folder.
 * The package's *install* step shells out to `sudo update-ca-certificates` and fails here
 * without sudo (and would change the system's trust store), so trusting `.certs/ca.crt` is a manual, one-time
 * step (docs/sideload.md).
 *
 * Reuses existing files while the localhost certificate is valid for at least 7 more days.
 * CLI: node scripts/dev-certs.js   (prints the paths)
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { X509Certificate } = require("crypto");

const CERT_DIR = path.resolve(__dirname, "..", ".certs");
const DAYS = 30;

function paths(dir = CERT_DIR) {
  return { ca: path.join(dir, "ca.crt"), cert: path.join(dir, "localhost.crt"), key: path.join(dir, "localhost.key") };
}

function stillValid(p) {
  try {
    if (![p.ca, p.cert, p.key].every((f) => fs.existsSync(f))) return false;
    const cert = new X509Certificate(fs.readFileSync(p.cert));
    return new Date(cert.validTo).getTime() - Date.now() > 7 * 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

/** @returns {Promise<{ ca: Buffer, cert: Buffer, key: Buffer, paths: { ca: string, cert: string, key: string } }>} */
async function ensureDevCerts(dir = CERT_DIR) {
  const p = paths(dir);
  if (!stillValid(p)) {
    const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
    await generateCertificates(p.ca, p.cert, p.key, DAYS);
  }
  return { ca: fs.readFileSync(p.ca), cert: fs.readFileSync(p.cert), key: fs.readFileSync(p.key), paths: p };
}

module.exports = { ensureDevCerts, CERT_DIR };

if (require.main === module) {
  ensureDevCerts().then(
    (c) =>
      console.log(
        `Dev certificates ready:\n  CA (trust this once): ${c.paths.ca}\n  cert: ${c.paths.cert}\n  key:  ${c.paths.key}`,
      ),
    (e) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
