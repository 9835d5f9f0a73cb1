export declare const bundleAliases: Record<string, string>;
