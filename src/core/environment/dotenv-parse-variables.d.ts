declare module 'dotenv-parse-variables' {
  type Parsed = string | number | boolean | Array<string | number | boolean>;
  function parseVariables(
    env: Record<string, string>,
    options?: { assignToProcessEnv?: boolean; overrideProcessEnv?: boolean; ignoreFunctions?: boolean },
  ): Record<string, Parsed>;
  export = parseVariables;
}
