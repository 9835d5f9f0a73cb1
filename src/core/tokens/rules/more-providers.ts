import { defineTokenPack, provider } from '../rule';

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
] as const;

export const pack = defineTokenPack({
  id: 'more-providers',
  providers: PROVIDER_NAMES.map((name) => provider(name, undefined)),
  rules: [],
});
