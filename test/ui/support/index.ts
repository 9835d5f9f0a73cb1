// The UI test support library: see test/ui/README.md.
export { startWorkbench, connectWorkbench, Workbench, projectRoot, screenshotDir, airlockExtensionId, type WorkbenchOptions } from './workbench';
export { makeWorkspace } from './workspace';
