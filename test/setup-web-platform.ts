/**
 * Web platform APIs that every host of the task pane has (Edge WebView2, Safari/WKWebView, Chromium) but
 * jsdom does not: TextDecoder/TextEncoder and DecompressionStream, used by the .xlsx reader when the pane
 * parses files picked from disk (src/xlsx/browser.ts). Taken from Node's own WHATWG implementations, and
 * only where missing, so node-environment tests are unaffected.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";
import { DecompressionStream as NodeDecompressionStream } from "stream/web";

const g = globalThis as Record<string, unknown>;
g.TextDecoder ??= NodeTextDecoder;
g.TextEncoder ??= NodeTextEncoder;
g.DecompressionStream ??= NodeDecompressionStream;

// Blob/File.arrayBuffer(): how the pane reads a picked file's bytes (jsdom has FileReader but not this).
if (typeof Blob !== "undefined" && typeof Blob.prototype.arrayBuffer !== "function") {
  Object.defineProperty(Blob.prototype, "arrayBuffer", {
    configurable: true,
    writable: true,
    value(this: Blob): Promise<ArrayBuffer> {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(this);
      });
    },
  });
}
