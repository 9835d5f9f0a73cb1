/** The cloud and infrastructure packs, in one list for the registry and their tests. */
import type { Pack } from '../rule';
import aws from './aws';
import az from './az';
import cdk from './cdk';
import digitalocean from './digitalocean';
import docker from './docker';
import fly from './fly';
import gcloud from './gcloud';
import helm from './helm';
import heroku from './heroku';
import kubectl from './kubectl';
import neon from './neon';
import netlify from './netlify';
import planetscale from './planetscale';
import pulumi from './pulumi';
import railway from './railway';
import supabase from './supabase';
import terraform from './terraform';
import vercel from './vercel';
import wrangler from './wrangler';

export const CLOUD_PACKS: Pack[] = [
  railway, fly, heroku, vercel, netlify, supabase, neon, planetscale, digitalocean, wrangler,
  aws, gcloud, az, terraform, pulumi, cdk, kubectl, helm, docker,
];
