/** The cloud, infrastructure and service-CLI packs, in one list for the registry and their tests. */
import type { Pack } from '../rule';
import aws from './aws';
import backup from './backup';
import cicd from './cicd';
import az from './az';
import cdk from './cdk';
import digitalocean from './digitalocean';
import docker from './docker';
import fly from './fly';
import gcloud from './gcloud';
import github from './github';
import helm from './helm';
import heroku from './heroku';
import hosting from './hosting';
import kubectl from './kubectl';
import messaging from './messaging';
import neon from './neon';
import netlify from './netlify';
import planetscale from './planetscale';
import pulumi from './pulumi';
import railway from './railway';
import secrets from './secrets';
import supabase from './supabase';
import terraform from './terraform';
import vercel from './vercel';
import wrangler from './wrangler';

export const CLOUD_PACKS: Pack[] = [
  railway, fly, heroku, vercel, netlify, supabase, neon, planetscale, digitalocean, wrangler,
  aws, gcloud, az, terraform, pulumi, cdk, kubectl, helm, docker,
  hosting, secrets, backup, messaging, cicd, github,
];
