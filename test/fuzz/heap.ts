/**
 * The heap a run retains, after a full garbage collection (V8's gc made callable for this process only), in MB:
 * a coarse, non-flaky memory check for the fuzz suite (garbage is collected first, so only what is kept counts).
 */
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";

let gc: (() => void) | undefined;

export function retainedHeapMB(): number {
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  gc();
  gc();
  return process.memoryUsage().heapUsed / (1 << 20);
}
