import { BASE64URL, HEX, LOWER_ALNUM, fake } from '../fake';
import { defineTokenPack, defineTokenRule, looksRandom, prefixedRules, provider, standalone } from '../rule';

const STRIPE = 'Stripe';
const LIVE = /_live_/;

export const pack = defineTokenPack({
  id: 'payments',
  providers: [
    provider(STRIPE, 'https://dashboard.stripe.com/apikeys',
      'Roll the key in the Stripe dashboard (Developers > API keys > Roll key); choose an expiry for the old one of "now" unless a deploy needs minutes.',
      'Replace secret keys in services with restricted keys limited to the resources each needs.',
      'Review Developers > Logs for requests made with the old key since the exposure.',
      'For webhook secrets: roll the endpoint\'s signing secret and update the verifier.'),
    provider('Square', 'https://developer.squareup.com/apps'),
    provider('PayPal', 'https://developer.paypal.com/dashboard/'),
    provider('Shopify', 'https://partners.shopify.com'),
    provider('Plaid', 'https://dashboard.plaid.com'),
    provider('Flutterwave', 'https://dashboard.flutterwave.com'),
    provider('Shippo', 'https://apps.goshippo.com/settings/api'),
    provider('EasyPost', 'https://www.easypost.com/account/api-keys'),
    provider('Duffel', 'https://app.duffel.com'),
  ],
  rules: [
    defineTokenRule({
      id: 'stripe-secret-key', provider: STRIPE, title: 'Stripe secret key', keywords: ['sk_live_', 'sk_test_'],
      pattern: standalone('sk_(?:live|test)_[0-9a-zA-Z]{24,247}'),
      scope: 'Secret key: every API call on the account: charges, refunds, payouts, customer data, deleting objects.', severity: 'critical',
      check: looksRandom(3),
      refine: (secret) => LIVE.test(secret) ? {} : { severity: 'low', scope: 'Test-mode secret key: full API access to test data only; no real money moves.' },
      examples: { valid: [`STRIPE_SECRET_KEY=sk_live_${fake(99)}`, `stripe.api_key = "sk_test_${fake(24)}"`], invalid: ['sk_live_xxxxxxxxxxxxxxxxxxxxxxxx', `pk_live_${fake(99)}`] },
    }),
    defineTokenRule({
      id: 'stripe-restricted-key', provider: STRIPE, title: 'Stripe restricted key', keywords: ['rk_live_', 'rk_test_'],
      pattern: standalone('rk_(?:live|test)_[0-9a-zA-Z]{24,247}'),
      scope: 'Restricted key: only the resources and permissions chosen when it was created (check them in the dashboard).', severity: 'high',
      check: looksRandom(3),
      refine: (secret) => LIVE.test(secret) ? {} : { severity: 'low', scope: 'Test-mode restricted key: test data only.' },
      examples: { valid: [`rk_live_${fake(99)}`], invalid: ['rk_live_<restricted-key>'] },
    }),
    ...prefixedRules(STRIPE, [
      { id: 'stripe-webhook-secret', title: 'Stripe webhook signing secret', keywords: ['whsec_'], pattern: 'whsec_[A-Za-z0-9+/=]{32,}', severity: 'medium', scope: 'Forges webhook events your endpoint will trust (fake payments succeeding).', valid: [`STRIPE_WEBHOOK_SECRET=whsec_${fake(32)}`] },
    ]),
    ...prefixedRules('Square', [
      { id: 'square-access-token', title: 'Square access token', keywords: ['eaaa', 'sq0atp-'], pattern: '(?:EAAA|sq0atp-)[A-Za-z0-9_-]{22,60}', severity: 'critical', scope: 'Acts for the seller: payments, refunds, customers, orders.', valid: [`SQUARE_ACCESS_TOKEN=EAAA${fake(60, BASE64URL)}`] },
      { id: 'square-oauth-secret', title: 'Square OAuth application secret', keywords: ['sq0csp-'], pattern: 'sq0csp-[0-9A-Za-z_-]{43}', severity: 'high', scope: 'Impersonates your Square application in OAuth flows.', valid: [`sq0csp-${fake(43, BASE64URL)}`] },
    ]),
    ...prefixedRules('PayPal', [
      { id: 'paypal-braintree-access-token', title: 'PayPal Braintree access token', keywords: ['access_token$'], pattern: 'access_token\\$(?:production|sandbox)\\$[0-9a-z]{16}\\$[0-9a-f]{32}', severity: 'critical', scope: 'Processes payments and refunds on the merchant account.', valid: [`access_token$production$${fake(16, LOWER_ALNUM)}$${fake(32, HEX)}`] },
    ]),
    ...prefixedRules('Shopify', [
      { id: 'shopify-access-token', title: 'Shopify Admin API access token', keywords: ['shpat_'], pattern: 'shpat_[a-fA-F0-9]{32}', severity: 'critical', scope: 'Admin API with the app\'s access scopes: orders, customers, products, often everything in the store.', valid: [`SHOPIFY_ACCESS_TOKEN=shpat_${fake(32, HEX)}`] },
      { id: 'shopify-custom-app-token', title: 'Shopify custom app access token', keywords: ['shpca_'], pattern: 'shpca_[a-fA-F0-9]{32}', severity: 'high', scope: 'Admin API with the custom app\'s scopes.', valid: [`shpca_${fake(32, HEX)}`] },
      { id: 'shopify-private-app-token', title: 'Shopify private app password', keywords: ['shppa_'], pattern: 'shppa_[a-fA-F0-9]{32}', severity: 'high', scope: 'Admin API with the private app\'s permissions.', valid: [`shppa_${fake(32, HEX)}`] },
      { id: 'shopify-shared-secret', title: 'Shopify app shared secret', keywords: ['shpss_'], pattern: 'shpss_[a-fA-F0-9]{32}', severity: 'medium', scope: 'Forges webhooks and OAuth signatures for the app.', valid: [`shpss_${fake(32, HEX)}`] },
    ]),
    ...prefixedRules('Plaid', [
      { id: 'plaid-access-token', title: 'Plaid access token', keywords: ['access-production-', 'access-development-', 'access-sandbox-'], pattern: 'access-(?:production|development|sandbox)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', severity: 'high', scope: 'Reads the linked bank account\'s data (balances, transactions, identity).', valid: ['access-production-5ea38b7b-f563-4709-8bae-87aeaf6d5d8f'] },
    ]),
    ...prefixedRules('Flutterwave', [
      { id: 'flutterwave-secret-key', title: 'Flutterwave secret key', keywords: ['flwseck'], pattern: 'FLWSECK(?:_TEST)?-[a-h0-9]{32}-X', ignoreCase: true, severity: 'critical', scope: 'Live key (FLWSECK-): charges, transfers (payouts to any account), refunds and customer data on the account. Test keys (FLWSECK_TEST-) only touch sandbox data.', valid: [`FLWSECK_TEST-${fake(32, 'abcdefgh0123456789')}-X`, `flutterwaveSecret := "FLWSECK-${fake(32, 'ABCDEFGH0123456789')}-X"`] },
      { id: 'flutterwave-encryption-key', title: 'Flutterwave encryption key', keywords: ['flwseck'], pattern: 'FLWSECK(?:_TEST)?-?[a-h0-9]{12}', ignoreCase: true, severity: 'medium', scope: 'Encrypts direct-charge payloads for the account: with the secret key, lets someone build card and bank charges your account accepts.', valid: [`FLWSECK_TEST${fake(12, 'abcdefgh0123456789')}`, `FLWSECK_TEST-${fake(12, 'abcdefgh0123456789')}`] },
    ]),
    ...prefixedRules('Shippo', [
      { id: 'shippo-api-token', title: 'Shippo API token', keywords: ['shippo_'], pattern: 'shippo_(?:live|test)_[a-fA-F0-9]{40}', severity: 'medium', scope: 'Buys shipping labels billed to the account; reads addresses.', valid: [`shippo_live_${fake(40, HEX)}`] },
    ]),
    ...prefixedRules('EasyPost', [
      { id: 'easypost-api-key', title: 'EasyPost production API key', keywords: ['ezak'], pattern: 'EZAK[a-zA-Z0-9]{54}', severity: 'medium', scope: 'Buys labels and reads shipments on the account.', valid: [`EZAK${fake(54)}`] },
      { id: 'easypost-test-api-key', title: 'EasyPost test API key', keywords: ['eztk'], pattern: 'EZTK[a-zA-Z0-9]{54}', severity: 'low', scope: 'Test mode only.', valid: [`EZTK${fake(54)}`] },
    ]),
    ...prefixedRules('Duffel', [
      { id: 'duffel-api-token', title: 'Duffel API token', keywords: ['duffel_'], pattern: 'duffel_(?:test|live)_[A-Za-z0-9_=-]{43}', severity: 'high', scope: 'Books and cancels flights billed to the account.', valid: [`duffel_live_${fake(43)}`] },
    ]),
  ],
});
