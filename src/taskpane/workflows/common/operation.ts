/**
 * One long operation at a time per workflow: progress text, cancellation (AbortController), the error
 * to show (never swallowed) and a success message. Work is yielded in slices with `yieldToUi`.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { isGatewayError } from "../../../excel/errors";

export type OperationStatus = "idle" | "running" | "done" | "error" | "cancelled";

export interface Progress {
  text: string;
  /** 0..1, or undefined when unknown. */
  value?: number;
}

export interface Operation {
  status: OperationStatus;
  progress: Progress | undefined;
  error: unknown;
  message: string | undefined;
  run: (work: (signal: AbortSignal, report: (p: Progress) => void) => Promise<string | void>) => Promise<void>;
  cancel: () => void;
  reset: () => void;
}

/** Let the browser paint between slices of synchronous work; throws CANCELLED via the caller's check. */
export function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function useOperation(): Operation {
  const [status, setStatus] = useState<OperationStatus>("idle");
  const [progress, setProgress] = useState<Progress | undefined>();
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string | undefined>();
  const controller = useRef<AbortController | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const run = useCallback<Operation["run"]>(async (work) => {
    controller.current?.abort();
    const ac = new AbortController();
    controller.current = ac;
    setStatus("running");
    setError(undefined);
    setMessage(undefined);
    setProgress(undefined);
    try {
      const msg = await work(ac.signal, (p) => mounted.current && setProgress(p));
      if (!mounted.current) return;
      setMessage(msg || undefined);
      setStatus("done");
    } catch (e) {
      if (!mounted.current) return;
      if (isGatewayError(e) && e.code === "CANCELLED") setStatus("cancelled");
      else {
        setError(e);
        setStatus("error");
      }
    } finally {
      if (controller.current === ac) controller.current = null;
      if (mounted.current) setProgress(undefined);
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => {
    setStatus("idle");
    setError(undefined);
    setMessage(undefined);
  }, []);
  return { status, progress, error, message, run, cancel, reset };
}
