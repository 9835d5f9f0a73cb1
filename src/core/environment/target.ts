import type { Environment } from '../types';

/** Where a command lands, and how Airlock knows. Filled by the environment resolver. */
export interface Target {
  /** The name the tool would act on: a kube context, a terraform workspace, a Railway environment... */
  name: string | null;
  /** The concrete resource, e.g. a database host and name, a volume id. */
  resource: string | null;
  environment: Environment;
  evidence: Array<{ source: string; value: string }>;
  /** Other environments that point at the same resource. */
  sharedWith: Environment[];
}
