/** The cloud and infrastructure packs, in one list for the registry and their tests. */
import type { Pack } from '../rule';
import aws from './aws';
import digitalocean from './digitalocean';
import fly from './fly';
import heroku from './heroku';
import neon from './neon';
import netlify from './netlify';
import planetscale from './planetscale';
import railway from './railway';
import supabase from './supabase';
import vercel from './vercel';
import wrangler from './wrangler';

export const CLOUD_PACKS: Pack[] = [railway, fly, heroku, vercel, netlify, supabase, neon, planetscale, digitalocean, wrangler, aws];
