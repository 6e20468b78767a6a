/**
 * The command registry. Add one import and one entry per command; keep the list alphabetical.
 */
import type { Command } from "../command";
import { demoCommand } from "./demo";
import { templateCommand } from "./template";

export const commands: Command[] = [demoCommand, templateCommand];
