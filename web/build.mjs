// Builds the page into src/eventwire/static/, which is committed and shipped as package
// data: an installed eventwire serves it with no Node. Run `npm ci && npm run build`
// here after changing anything under web/ (tests/test_web.py checks the stamp).
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import * as esbuild from "esbuild";

const OUT = "../src/eventwire/static";
// Natural Earth 1:50m country borders (public domain), as TopoJSON: 756 KB, 236 KB
// gzipped (the server compresses). 1:110m is too coarse once zoomed to a province.
const BORDERS = "node_modules/world-atlas/countries-50m.json";
// Packages whose code or data is in the build, for LICENSES.txt.
const SHIPPED = ["leaflet", "leaflet.markercluster", "topojson-client", "world-atlas"];

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

// What both bundles (the page, and the API's documentation page) are built with.
const BUNDLE = {
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  legalComments: "eof",
  logLevel: "info",
};

await esbuild.build({
  ...BUNDLE,
  entryPoints: ["src/main.js"],
  outfile: `${OUT}/app.js`,
  // Leaflet's CSS names a few images (layer control, default markers): inline them.
  loader: { ".png": "dataurl", ".svg": "dataurl" },
});

// The API's documentation page (/docs), its own small bundle.
await esbuild.build({ ...BUNDLE, entryPoints: ["src/docs.js"], outfile: `${OUT}/docs.js` });

copyFileSync("src/index.html", `${OUT}/index.html`);
copyFileSync("src/docs.html", `${OUT}/docs.html`);
copyFileSync(BORDERS, `${OUT}/countries-50m.json`);

const licenses = SHIPPED.map((name) => {
  const dir = `node_modules/${name}`;
  const version = JSON.parse(readFileSync(`${dir}/package.json`, "utf8")).version;
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  const text = file ? readFileSync(join(dir, file), "utf8").trim() : "(no license file)";
  return `${name} ${version}\n${"=".repeat(40)}\n${text}\n`;
});
writeFileSync(`${OUT}/LICENSES.txt`, licenses.join("\n"));

// The stamp: a hash of everything the build reads from web/, so a test can tell when
// the committed build is older than its sources (tests/test_web.py recomputes it).
writeFileSync(`${OUT}/build.json`, JSON.stringify({ sources_sha256: sourcesHash() }, null, 1) + "\n");

function sourcesHash() {
  const files = ["build.mjs", "package.json", "package-lock.json", ...listFiles("src")].sort();
  const hash = createHash("sha256");
  for (const f of files) {
    hash.update(f + "\0");
    hash.update(readFileSync(f));
    hash.update("\0");
  }
  return hash.digest("hex");
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name)) : [relative(".", join(dir, d.name))],
  );
}
