/**
 * vitest's setup file (vitest.config.ts `setupFiles`): runs in every test file's process before the
 * file. The emulators are on loopback and must be reached directly, so the proxy variables go here,
 * once, through the one function that clears them.
 */
import { clearProxyVariables } from "../scripts/lib/proxy";

clearProxyVariables();
