/**
 * Which Excel the workflows talk to. Default: the real one (global `Excel`, or the fake the browser
 * tests install as the global). Component tests wrap the workflow in <GatewayProvider host={fakeHost}>.
 */
import { createContext, useContext, type ReactNode } from "react";
import { officeHost, type ExcelHost } from "../../../excel/host";

const GatewayContext = createContext<ExcelHost>(officeHost);

export function GatewayProvider({ host, children }: { host: ExcelHost; children: ReactNode }) {
  return <GatewayContext.Provider value={host}>{children}</GatewayContext.Provider>;
}

export function useGateway(): ExcelHost {
  return useContext(GatewayContext);
}
