import { BASE64URL, HEX, LOWER_ALNUM, UPPER_ALNUM, fake } from '../fake';
import { defineTokenPack, prefixedRules, provider } from '../rule';

/**
 * Providers that have no token format of their own in our rules but whose name, in a
 * variable, says whose credential a value is (`krakenSecret = "…"`). Their rotation info is
 * here so a finding named for them gets a real checklist.
 */
export const PROVIDER_NAMES = [
  'Adafruit', 'Beamer', 'Bittrex', 'Cisco Meraki', 'Coinbase', 'Confluent', 'Drone CI', 'Etsy', 'Fastly', 'Finicity', 'Finnhub',
  'Flickr', 'FreshBooks', 'Gitter', 'Kraken', 'KuCoin', 'LinkedIn', 'Looker', 'Mattermost', 'MessageBird', 'New York Times',
  'Private AI', 'RapidAPI', 'Sendbird', 'Sumo Logic', 'Squarespace', 'Travis CI', 'Yandex', 'Infracost', 'Scalingo',
  'Octopus Deploy', 'MaxMind', 'ClickHouse', 'Clojars', 'GoCardless', 'Defined Networking', 'Authress', 'Freemius', 'Bitly',
  'Contentstack', 'Stytch', 'Clerk', 'Sanity', 'Storyblok', 'Nylas', 'Airbrake', 'Bugsnag', 'Loggly', 'Logz.io', 'Papertrail',
  'OpenShift', '42 Intra',
] as const;

export const pack = defineTokenPack({
  id: 'more-providers',
  providers: PROVIDER_NAMES.map((name) => provider(name, undefined)),
  rules: [
    ...prefixedRules('ClickHouse', [
      { id: 'clickhouse-cloud-api-secret', title: 'ClickHouse Cloud API key secret', keywords: ['4b1d'], pattern: '4b1d[A-Za-z0-9]{38}', severity: 'high', scope: 'With its key ID, calls the ClickHouse Cloud API with the key\'s role: creates, stops, scales and deletes the organisation\'s services.', valid: [`CLICKHOUSE_KEY_SECRET=4b1d${fake(38)}`] },
    ]),
    ...prefixedRules('Clojars', [
      { id: 'clojars-deploy-token', title: 'Clojars deploy token', keywords: ['clojars_'], pattern: 'CLOJARS_[a-z0-9]{60}', ignoreCase: true, severity: 'high', scope: 'Publishes artifacts to the Clojars groups the token is scoped to (a supply-chain attack on their users).', valid: [`CLOJARS_${fake(60, LOWER_ALNUM)}`] },
    ]),
    ...prefixedRules('Infracost', [
      { id: 'infracost-api-key', title: 'Infracost API key', keywords: ['ico-'], pattern: 'ico-[A-Za-z0-9]{32}', severity: 'low', scope: 'Sends cost estimates to Infracost and reads the organisation\'s Infracost Cloud data (which lists your cloud resources).', valid: [`INFRACOST_API_KEY=ico-${fake(32)}`] },
    ]),
    ...prefixedRules('MaxMind', [
      { id: 'maxmind-license-key', title: 'MaxMind licence key', keywords: ['_mmk'], pattern: '[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk', severity: 'low', scope: 'Downloads GeoIP databases and calls the GeoIP web services billed to the account.', valid: [`MAXMIND_LICENSE_KEY=${fake(6)}_${fake(29)}_mmk`] },
    ]),
    ...prefixedRules('Octopus Deploy', [
      { id: 'octopus-deploy-api-key', title: 'Octopus Deploy API key', keywords: ['octopus', 'x-octopus-apikey'], pattern: 'API-[A-Z0-9]{26}', severity: 'critical', scope: 'Acts as its user on the Octopus server: creates releases and deploys them to every environment the user may, production included.', valid: [`OCTOPUS_API_KEY=API-${fake(26, UPPER_ALNUM)}`] },
    ]),
    ...prefixedRules('Scalingo', [
      { id: 'scalingo-api-token', title: 'Scalingo API token', keywords: ['tk-us-'], pattern: 'tk-us-[A-Za-z0-9_-]{48}', severity: 'high', scope: 'Acts as the user on Scalingo: deploys, scales and deletes apps and reads their environment variables (more secrets).', valid: [`SCALINGO_API_TOKEN=tk-us-${fake(48, BASE64URL)}`] },
    ]),
    ...prefixedRules('Defined Networking', [
      { id: 'defined-networking-api-key', title: 'Defined Networking (Managed Nebula) API key', keywords: ['dnkey-'], pattern: 'dnkey-[a-z0-9=_-]{26}-[a-z0-9=_-]{52}', ignoreCase: true, severity: 'high', scope: 'Manages the Nebula overlay network: hosts, roles, routes and the enrolment codes that let new machines join it.', valid: [`DN_API_KEY=dnkey-${fake(26, LOWER_ALNUM)}-${fake(52, LOWER_ALNUM)}`] },
    ]),
    ...prefixedRules('OpenShift', [
      { id: 'openshift-user-token', title: 'OpenShift user token', keywords: ['sha256~'], pattern: 'sha256~[A-Za-z0-9_-]{43}', severity: 'high', scope: 'Acts as the user on the cluster (oc login --token): their RBAC roles in every project, cluster-admin included if they have it.', valid: [`oc login --token=sha256~${fake(43, BASE64URL)} --server=https://api.acme.io:6443`] },
    ]),
    ...prefixedRules('Yandex', [
      { id: 'yandex-api-key', title: 'Yandex Cloud API key', keywords: ['aqvn'], pattern: 'AQVN[A-Za-z0-9_-]{35,38}', severity: 'high', scope: 'Acts as its service account in Yandex Cloud, with the account\'s roles on the folders and clouds it is bound to.', valid: [`YC_API_KEY=AQVN${fake(36, BASE64URL)}`] },
      { id: 'yandex-iam-token', title: 'Yandex Cloud IAM token', keywords: ['t1.'], pattern: 't1\\.[A-Za-z0-9_-]+={0,2}\\.[A-Za-z0-9_-]{86}={0,2}', severity: 'high', scope: 'Acts as its user or service account in Yandex Cloud with their roles, for up to 12 hours.', valid: [`YC_TOKEN=t1.${fake(40, BASE64URL)}.${fake(86, BASE64URL)}`] },
    ]),
    ...prefixedRules('42 Intra', [
      { id: 'intra42-client-secret', title: '42 Intra OAuth client secret', keywords: ['s-s4t2'], pattern: 's-s4t2(?:ud|af)-[a-f0-9]{64}', severity: 'medium', scope: 'Impersonates the OAuth application on the 42 Intra API (its users\' data within the app\'s scopes).', valid: [`FT_SECRET=s-s4t2ud-${fake(64, HEX)}`] },
    ]),
  ],
});
