/**
 * Every rule pack, one line each: a pack is one folder whose index default-exports it, and one
 * line here. The engine indexes their rules by tool; the fast path's trigger words come from
 * their keywords; the README's rule tables are generated from them (`npm run docs:rules`).
 */
export { default as airlockSelf } from './airlock-self';
export { default as aws } from './aws';
export { default as az } from './az';
export { default as backup } from './backup';
export { default as cdk } from './cdk';
export { default as cicd } from './cicd';
export { default as databases } from './databases';
export { default as digitalocean } from './digitalocean';
export { default as docker } from './docker';
export { default as filesystem } from './filesystem';
export { default as fly } from './fly';
export { default as gcloud } from './gcloud';
export { default as git } from './git';
export { default as github } from './github';
export { default as helm } from './helm';
export { default as heroku } from './heroku';
export { default as hosting } from './hosting';
export { default as http } from './http';
export { default as interpreters } from './interpreters';
export { default as kubectl } from './kubectl';
export { default as messaging } from './messaging';
export { default as neon } from './neon';
export { default as netlify } from './netlify';
export { default as planetscale } from './planetscale';
export { default as pulumi } from './pulumi';
export { default as railway } from './railway';
export { default as registries } from './registries';
export { default as secrets } from './secrets';
export { default as supabase } from './supabase';
export { default as terraform } from './terraform';
export { default as vercel } from './vercel';
export { default as wrangler } from './wrangler';
