// The UI test support library: see test/ui/README.md.
export { airlockExtensionId, connectWorkbench, projectRoot, screenshotDir, startWorkbench, Workbench, type WorkbenchOptions } from './workbench';
export { makeWorkspace } from './workspace';
