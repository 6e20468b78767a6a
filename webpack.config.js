/**
 * Webpack build of the Excel add-in (custom functions + task pane, one shared runtime).
 *
 *   npm run build      → dist/ for production: manifest.xml with URLs rewritten to POVERTY_PROD_URL
 *   npm run build:dev  → dist/ with https://localhost:3000/ URLs
 *   npm start          → dev server on https://localhost:3000 with certificates in .certs/ (scripts/dev-certs.js)
 *
 * Environment:
 *   POVERTY_PROD_URL   where the production files are hosted, with a trailing slash
 *                      (default https://poverty-planner.example.vn/, a placeholder: set it for a real deployment).
 *
 * Outputs: functions.js, functions.json (CustomFunctionsMetadataPlugin), functions-vi.json (merged from
 * src/functions/functions.vi.json by scripts/localize-functions.js), taskpane.html loading both entries,
 * taskpane.js (+ lazy workflow chunks), assets/, manifest.xml.
 */
const path = require("path");
const fs = require("fs");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const ForkTsCheckerWebpackPlugin = require("fork-ts-checker-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { localize } = require("./scripts/localize-functions");

const DEV_URL = "https://localhost:3000/";
const DEFAULT_PROD_URL = "https://poverty-planner.example.vn/";
const FUNCTIONS_ENTRY = "./src/functions/functions.ts";
const TRANSLATION_TABLE = path.resolve(__dirname, "src/functions/functions.vi.json");

/** The production base URL: https, ends with "/". */
function prodUrl() {
  let url = process.env.POVERTY_PROD_URL || DEFAULT_PROD_URL;
  if (!url.endsWith("/")) url += "/";
  if (!/^https:\/\/[^/]+\//.test(url)) {
    throw new Error(`POVERTY_PROD_URL must be an https URL (Office requires https), got "${url}"`);
  }
  return url;
}

/** Writes functions-vi.json next to functions.json; a missing or stale translation fails the build. */
class LocalizeFunctionsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizeFunctionsPlugin", (compilation) => {
      compilation.fileDependencies.add(TRANSLATION_TABLE);
      compilation.hooks.processAssets.tap(
        { name: "LocalizeFunctionsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const source = compilation.getAsset("functions.json");
          if (!source) return; // the metadata plugin already reported why
          try {
            const table = JSON.parse(fs.readFileSync(TRANSLATION_TABLE, "utf8"));
            const vi = localize(JSON.parse(source.source.source().toString()), table);
            compilation.emitAsset("functions-vi.json", new webpack.sources.RawSource(JSON.stringify(vi, null, 4)));
          } catch (e) {
            compilation.errors.push(
              new webpack.WebpackError(
                `functions-vi.json (${path.relative(__dirname, TRANSLATION_TABLE)}): ${e.message}`,
              ),
            );
          }
        },
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const baseUrl = dev ? DEV_URL : prodUrl();

  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: FUNCTIONS_ENTRY,
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json" } },
        },
      ],
    },
    performance: {
      hints: dev ? false : "warning",
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
    },
    plugins: [
      new ForkTsCheckerWebpackPlugin({ typescript: { configFile: "tsconfig.json" } }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_ENTRY }),
      new LocalizeFunctionsPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            // A literal name, never a glob: a glob makes the project root a watched context and
            // `webpack serve` rebuilds forever whenever a file is written there.
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : content.toString().split(DEV_URL).join(baseUrl);
            },
          },
        ],
      }),
    ],
    devServer: {
      host: "localhost",
      port: 3000,
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      client: { overlay: { warnings: false } },
    },
  };

  if (serving) {
    const { ensureDevCerts } = require("./scripts/dev-certs");
    const { key, cert, ca } = await ensureDevCerts();
    config.devServer.server = { type: "https", options: { key, cert, ca } };
  }
  return config;
};
