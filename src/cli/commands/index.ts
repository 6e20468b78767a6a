/**
 * The command registry. Add one import and one entry per command; keep the list alphabetical.
 */
import type { Command } from "../command";
import { consolidateCommand } from "./consolidate";
import { demoCommand } from "./demo";
import { reportCommand } from "./report";
import { rulesCommand } from "./rules";
import { sponsorsCommand } from "./sponsors";
import { standardsCommand } from "./standards";
import { targetsCommand } from "./targets";
import { templateCommand } from "./template";
import { validateCommand } from "./validate";

export const commands: Command[] = [
  consolidateCommand,
  demoCommand,
  reportCommand,
  rulesCommand,
  sponsorsCommand,
  standardsCommand,
  targetsCommand,
  templateCommand,
  validateCommand,
];
