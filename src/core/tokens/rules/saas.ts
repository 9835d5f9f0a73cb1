import { BASE64, BASE64URL, DIGITS, HEX, LOWER_ALNUM, UPPER_ALNUM, fake, fakeUuid } from '../fake';
import { assignedTo, defineTokenPack, defineTokenRule, looksRandom, namedRules, prefixedRules, provider } from '../rule';

const names = ['Linear', 'Notion', 'Airtable', 'Figma', 'Dropbox', 'Contentful', 'Typeform', 'ClickUp', 'HubSpot', 'ReadMe', 'Frame.io', 'Mapbox', 'X (Twitter)', 'Facebook', 'Sentry', 'Datadog', 'New Relic', 'Grafana', 'Dynatrace', 'PagerDuty', 'Honeycomb', 'Rollbar', 'Okta', 'Auth0', 'Zendesk', 'Asana', 'Monday.com', 'LaunchDarkly', 'Adobe', 'Twitch', 'Lob', 'Zoom', 'Salesforce', 'Segment', 'Mixpanel', 'PostHog', 'Smartsheet'];

export const pack = defineTokenPack({
  id: 'saas',
  providers: names.map((n) => provider(n, undefined)),
  rules: [
    ...prefixedRules('Linear', [
      { id: 'linear-api-key', title: 'Linear personal API key', keywords: ['lin_api_'], pattern: 'lin_api_[A-Za-z0-9]{40}', severity: 'high', scope: 'Acts as the user in the workspace: reads and changes every issue and project they can see.', valid: [`LINEAR_API_KEY=lin_api_${fake(40)}`] },
      { id: 'linear-oauth-token', title: 'Linear OAuth access token', keywords: ['lin_oauth_'], pattern: 'lin_oauth_[a-f0-9]{64}', severity: 'high', scope: 'The OAuth app\'s scopes in the workspace.', valid: [`lin_oauth_${fake(64, HEX)}`] },
    ]),
    ...prefixedRules('Notion', [
      { id: 'notion-integration-token', title: 'Notion integration token', keywords: ['ntn_'], pattern: 'ntn_[0-9]{11}[A-Za-z0-9]{35}', severity: 'high', scope: 'Reads and edits the pages and databases shared with the integration.', valid: [`NOTION_TOKEN=ntn_${fake(11, DIGITS)}${fake(35)}`] },
      { id: 'notion-legacy-token', title: 'Notion integration token (legacy)', keywords: ['secret_'], pattern: 'secret_[A-Za-z0-9]{43}', severity: 'high', scope: 'Reads and edits the pages shared with the integration.', valid: [`NOTION_API_KEY=secret_${fake(43)}`], minEntropy: 3.5 },
    ]),
    ...prefixedRules('Airtable', [
      { id: 'airtable-pat', title: 'Airtable personal access token', keywords: ['pat'], pattern: 'pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}', severity: 'high', scope: 'The scopes and bases chosen at creation.', valid: [`AIRTABLE_TOKEN=pat${fake(14)}.${fake(64, HEX)}`] },
    ]),
    ...prefixedRules('Figma', [
      { id: 'figma-pat', title: 'Figma personal access token', keywords: ['figd_'], pattern: 'figd_[A-Za-z0-9_-]{40,}', severity: 'medium', scope: 'Reads (and with write scopes, changes) every file the user can open.', valid: [`FIGMA_TOKEN=figd_${fake(40, BASE64URL)}`] },
    ]),
    ...prefixedRules('Dropbox', [
      { id: 'dropbox-short-lived-token', title: 'Dropbox short-lived access token', keywords: ['sl.'], pattern: 'sl\\.[A-Za-z0-9_-]{130,152}', severity: 'high', scope: 'The app\'s access to the user\'s Dropbox (often every file) for about four hours.', valid: [`DROPBOX_TOKEN=sl.${fake(138, BASE64URL)}`] },
    ]),
    ...prefixedRules('Contentful', [
      { id: 'contentful-pat', title: 'Contentful personal access token', keywords: ['cfpat-'], pattern: 'CFPAT-[A-Za-z0-9_-]{43}', severity: 'high', scope: 'Content Management API as the user: every space they can reach, including deletion.', valid: [`CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-${fake(43, BASE64URL)}`] },
    ]),
    ...prefixedRules('Typeform', [
      { id: 'typeform-pat', title: 'Typeform personal access token', keywords: ['tfp_'], pattern: 'tfp_[A-Za-z0-9_=.-]{59}', severity: 'medium', scope: 'Reads forms and responses (personal data) with the token\'s scopes.', valid: [`tfp_${fake(59, BASE64URL)}`] },
    ]),
    ...prefixedRules('ClickUp', [
      { id: 'clickup-api-token', title: 'ClickUp personal API token', keywords: ['pk_'], pattern: 'pk_[0-9]{6,10}_[0-9A-Z]{32}', severity: 'medium', scope: 'Acts as the user in every workspace.', valid: [`CLICKUP_TOKEN=pk_${fake(8, DIGITS)}_${fake(32, UPPER_ALNUM)}`] },
    ]),
    ...prefixedRules('HubSpot', [
      { id: 'hubspot-private-app-token', title: 'HubSpot private app access token', keywords: ['pat-na1-', 'pat-eu1-'], pattern: 'pat-(?:na1|eu1)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', severity: 'high', scope: 'The private app\'s scopes: often every contact and deal in the CRM.', valid: ['HUBSPOT_TOKEN=pat-na1-5ea38b7b-f563-4709-8bae-87aeaf6d5d8f'] },
    ]),
    ...prefixedRules('ReadMe', [
      { id: 'readme-api-key', title: 'ReadMe API key', keywords: ['rdme_'], pattern: 'rdme_[a-z0-9]{70}', severity: 'medium', scope: 'Changes the project\'s documentation.', valid: [`rdme_${fake(70, LOWER_ALNUM)}`] },
    ]),
    ...prefixedRules('Frame.io', [
      { id: 'frameio-api-token', title: 'Frame.io API token', keywords: ['fio-u-'], pattern: 'fio-u-[A-Za-z0-9_=-]{64}', severity: 'medium', scope: 'Acts as the user on their projects and assets.', valid: [`fio-u-${fake(64, BASE64URL)}`] },
    ]),
    ...prefixedRules('Mapbox', [
      { id: 'mapbox-secret-token', title: 'Mapbox secret access token', keywords: ['sk.eyj'], pattern: 'sk\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}', severity: 'medium', scope: 'The secret scopes chosen at creation (uploads, styles, tokens).', valid: [`MAPBOX_SECRET_TOKEN=sk.eyJ${fake(60, BASE64URL)}.${fake(22, BASE64URL)}`] },
    ]),
    ...prefixedRules('X (Twitter)', [
      { id: 'twitter-bearer-token', title: 'X (Twitter) app bearer token', keywords: ['aaaaaaaaaaaaaaaaaaaaa'], pattern: 'AAAAAAAAAAAAAAAAAAAAA[A-Za-z0-9%]{30,120}', severity: 'medium', scope: 'App-only API access billed to the app (read public data at your rate limit and cost).', valid: [`TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA${fake(90)}`] },
    ]),
    defineTokenRule({
      id: 'facebook-app-access-token', provider: 'Facebook', title: 'Facebook / Meta app access token (app ID | app secret)',
      // No literal of its own: a `|` is in nearly every file, so the names it is kept under stand in.
      keywords: ['facebook', 'fb_', 'meta_', 'access_token', 'accesstoken', 'app_token', 'apptoken', '%7c'],
      pattern: /(?<![A-Za-z0-9_|%-])(?<secret>\d{15,16}(?:\||%7[Cc])[0-9A-Za-z_-]{27,40})(?![A-Za-z0-9_-])/g,
      scope: 'App access token: its second half is the app secret. Acts as the app on the Graph API (app settings, test users, webhooks subscriptions, insights) and signs as the app.',
      severity: 'high', check: (secret) => looksRandom(3)(secret.replace(/^\d+(?:\||%7[Cc])/, '')),
      examples: { valid: [`FB_APP_TOKEN=${fake(16, DIGITS)}|${fake(32, HEX)}`, `graph.facebook.com/me?access_token=${fake(15, DIGITS)}%7C${fake(27, BASE64URL)}`], invalid: ['count|123456789012345|xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', `| ${fake(16, DIGITS)} | some table cell text |`] },
    }),
    ...prefixedRules('Facebook', [
      { id: 'facebook-access-token', title: 'Facebook / Meta access token', keywords: ['eaab', 'eaag', 'eaai', 'eaac', 'eaam'], pattern: 'EAA[BCGIM][A-Za-z0-9]{90,}', severity: 'high', scope: 'A user, page or system-user token: the permissions granted to the app (pages, ads, Instagram, WhatsApp).', valid: [`FB_ACCESS_TOKEN=EAAG${fake(160)}`] },
    ]),
    ...prefixedRules('Sentry', [
      { id: 'sentry-org-token', title: 'Sentry organisation auth token', keywords: ['sntrys_eyj'], pattern: 'sntrys_eyJ[A-Za-z0-9+/=_-]{80,}', severity: 'medium', scope: 'Uploads source maps and creates releases for the organisation (CI scopes).', valid: [`SENTRY_AUTH_TOKEN=sntrys_eyJ${fake(120, BASE64)}`] },
      { id: 'sentry-user-token', title: 'Sentry user auth token', keywords: ['sntryu_'], pattern: 'sntryu_[a-f0-9]{64}', severity: 'high', scope: 'Acts as the user with the token\'s scopes: events (which hold user data), projects, members.', valid: [`sntryu_${fake(64, HEX)}`] },
    ]),
    ...namedRules('Datadog', [
      { id: 'datadog-api-key', title: 'Datadog API key', names: ['DD_API_KEY', 'DATADOG_API_KEY'], scope: 'Sends metrics, logs and events to the organisation (and is required with an app key for everything else).', severity: 'medium', valuePattern: /^[a-f0-9]{32}$/, valid: assignedTo(['DD_API_KEY', 'DATADOG_API_KEY'], fake(32, HEX)) },
      { id: 'datadog-app-key', title: 'Datadog application key', names: ['DD_APP_KEY', 'DATADOG_APP_KEY', 'DD_APPLICATION_KEY', 'DATADOG_APPLICATION_KEY'], scope: 'With an API key: the user\'s permissions on dashboards, monitors, logs and the organisation.', severity: 'high', valuePattern: /^[a-f0-9]{40}$/, valid: assignedTo(['DD_APP_KEY', 'DATADOG_APP_KEY'], fake(40, HEX)) },
    ]),
    ...prefixedRules('New Relic', [
      { id: 'newrelic-user-api-key', title: 'New Relic user API key', keywords: ['nrak-'], pattern: 'NRAK-[A-Z0-9]{27}', severity: 'high', scope: 'NerdGraph as the user: every account they can reach.', valid: [`NEW_RELIC_API_KEY=NRAK-${fake(27, UPPER_ALNUM)}`] },
      { id: 'newrelic-insert-key', title: 'New Relic insights insert key', keywords: ['nrii-'], pattern: 'NRII-[A-Za-z0-9_-]{32}', severity: 'low', scope: 'Inserts custom events.', valid: [`NRII-${fake(32, BASE64URL)}`] },
    ]),
    ...namedRules('New Relic', [
      { id: 'newrelic-license-key', title: 'New Relic license (ingest) key', names: ['NEW_RELIC_LICENSE_KEY', 'NEWRELIC_LICENSE_KEY', 'NRIA_LICENSE_KEY'], scope: 'Sends telemetry into the account.', severity: 'low', valuePattern: /^(?:[a-f0-9]{40}|[A-Za-z0-9]{36}NRAL)$/, valid: assignedTo(['NEW_RELIC_LICENSE_KEY', 'NRIA_LICENSE_KEY'], `${fake(36)}NRAL`) },
    ]),
    ...prefixedRules('Grafana', [
      { id: 'grafana-legacy-api-key', title: 'Grafana API key (legacy)', keywords: ['eyjrijoi'], pattern: 'eyJrIjoi[A-Za-z0-9]{70,400}={0,3}', severity: 'medium', scope: 'Legacy API key: the Viewer, Editor or Admin role chosen at creation in one organisation (the format does not tell which).', valid: [`GRAFANA_API_KEY=eyJrIjoi${fake(90)}`] },
      { id: 'grafana-cloud-token', title: 'Grafana Cloud access policy token', keywords: ['glc_'], pattern: 'glc_[A-Za-z0-9+/]{32,400}={0,2}', severity: 'high', scope: 'The access policy\'s scopes across the Grafana Cloud stack.', valid: [`GRAFANA_CLOUD_TOKEN=glc_${fake(120, BASE64)}`] },
      { id: 'grafana-service-account-token', title: 'Grafana service account token', keywords: ['glsa_'], pattern: 'glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}', severity: 'high', scope: 'The service account\'s role in the Grafana organisation (often Admin).', valid: [`glsa_${fake(32)}_${fake(8, HEX)}`] },
    ]),
    ...prefixedRules('Dynatrace', [
      { id: 'dynatrace-api-token', title: 'Dynatrace API token', keywords: ['dt0c01.'], pattern: 'dt0c01\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}', ignoreCase: true, severity: 'high', scope: 'The scopes chosen at creation on one environment (reading metrics, entities and logs; writing settings; ingesting data): the format does not tell which.', valid: [`dt0c01.${fake(24, UPPER_ALNUM)}.${fake(64, UPPER_ALNUM)}`, `dynatraceToken: "dt0c01.${fake(24, LOWER_ALNUM)}.${fake(64, LOWER_ALNUM)}"`] },
    ]),
    ...namedRules('PagerDuty', [{ id: 'pagerduty-api-key', title: 'PagerDuty REST API key', names: ['PAGERDUTY_TOKEN', 'PAGERDUTY_API_KEY', 'PAGERDUTY_API_TOKEN', 'PD_API_KEY'], scope: 'Reads and changes incidents, schedules and services (silencing alerts included).', severity: 'high', valuePattern: /^[A-Za-z0-9_+-]{20}$/, valid: assignedTo(['PAGERDUTY_TOKEN', 'PAGERDUTY_API_KEY'], `u+${fake(18, BASE64URL)}`) }]),
    ...namedRules('Honeycomb', [{ id: 'honeycomb-api-key', title: 'Honeycomb API key', names: ['HONEYCOMB_API_KEY', 'HONEYCOMB_WRITEKEY'], scope: 'Sends events to (and, for management keys, manages) the environment.', severity: 'medium', valuePattern: /^(?:[a-f0-9]{32}|[A-Za-z0-9]{22})$/, valid: assignedTo(['HONEYCOMB_API_KEY', 'HONEYCOMB_WRITEKEY'], fake(22)) }]),
    ...namedRules('Rollbar', [{ id: 'rollbar-access-token', title: 'Rollbar access token', names: ['ROLLBAR_ACCESS_TOKEN', 'ROLLBAR_TOKEN', 'ROLLBAR_SERVER_TOKEN'], scope: 'The token\'s scope (post_server_item, read, write) on the project.', severity: 'medium', valuePattern: /^[a-f0-9]{32}$/, valid: assignedTo(['ROLLBAR_ACCESS_TOKEN', 'ROLLBAR_TOKEN'], fake(32, HEX)) }]),
    ...namedRules('Okta', [{ id: 'okta-api-token', title: 'Okta API token', names: ['OKTA_API_TOKEN', 'OKTA_TOKEN', 'OKTA_CLIENT_TOKEN'], scope: 'Acts with the admin role of the user who created it: users, groups, apps, sign-on policies.', severity: 'critical', valuePattern: /^00[A-Za-z0-9_-]{40}$/, valid: assignedTo(['OKTA_API_TOKEN', 'OKTA_CLIENT_TOKEN'], `00${fake(40, BASE64URL)}`) }]),
    ...namedRules('Auth0', [{ id: 'auth0-client-secret', title: 'Auth0 client secret', names: ['AUTH0_CLIENT_SECRET'], scope: 'Signs in as the application; for a Management API client, manages users and connections.', severity: 'high', valuePattern: /^[A-Za-z0-9_-]{64}$/, valid: assignedTo(['AUTH0_CLIENT_SECRET'], fake(64, BASE64URL)) }]),
    ...namedRules('Zendesk', [{ id: 'zendesk-api-token', title: 'Zendesk API token', names: ['ZENDESK_API_TOKEN', 'ZENDESK_TOKEN'], scope: 'Acts as any agent of the account via email/token auth: tickets and customer data.', severity: 'high', valuePattern: /^[A-Za-z0-9]{40}$/, valid: assignedTo(['ZENDESK_API_TOKEN', 'ZENDESK_TOKEN'], fake(40)) }]),
    ...namedRules('Asana', [{ id: 'asana-pat', title: 'Asana personal access token', names: ['ASANA_ACCESS_TOKEN', 'ASANA_PAT', 'ASANA_TOKEN'], scope: 'Acts as the user in every workspace.', severity: 'high', valuePattern: /^[0-9]\/[0-9]{10,20}(?:\/[0-9]{10,20})?:[a-f0-9]{32}$/, valid: assignedTo(['ASANA_ACCESS_TOKEN', 'ASANA_PAT'], `2/${fake(16, DIGITS)}/${fake(16, DIGITS)}:${fake(32, HEX)}`) }]),
    ...namedRules('Monday.com', [{ id: 'monday-api-token', title: 'monday.com API token', names: ['MONDAY_API_TOKEN', 'MONDAY_TOKEN'], scope: 'Acts as the user on every board they can see.', severity: 'high', valuePattern: /^eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, valid: assignedTo(['MONDAY_API_TOKEN', 'MONDAY_TOKEN'], `eyJhbGciOiJIUzI1NiJ9.eyJ${fake(80, BASE64URL)}.${fake(43, BASE64URL)}`) }]),
    ...namedRules('LaunchDarkly', [{ id: 'launchdarkly-access-token', title: 'LaunchDarkly API access token', names: ['LAUNCHDARKLY_ACCESS_TOKEN', 'LD_ACCESS_TOKEN', 'LAUNCHDARKLY_API_TOKEN'], scope: 'Changes feature flags (turning features on or off in production) with the token\'s role.', severity: 'high', valuePattern: /^api-[0-9a-f-]{36}$/, valid: assignedTo(['LAUNCHDARKLY_ACCESS_TOKEN', 'LD_ACCESS_TOKEN'], `api-${fakeUuid()}`) }]),
    ...prefixedRules('Adobe', [
      { id: 'adobe-client-secret', title: 'Adobe OAuth client secret', keywords: ['p8e-'], pattern: 'p8e-[A-Za-z0-9_-]{32}', ignoreCase: true, severity: 'high', scope: 'With its client ID, gets access tokens for the Adobe Developer Console project: the APIs and product profiles added to its OAuth Server-to-Server or Web credential.', valid: [`adobeClient := "p8e-${fake(32)}"`, `ADOBE_CLIENT_SECRET=p8e-${fake(32, BASE64URL)}`] },
    ]),
    ...namedRules('Twitch', [{ id: 'twitch-client-secret', title: 'Twitch client secret', names: ['TWITCH_CLIENT_SECRET'], scope: 'Signs in as the Twitch application.', severity: 'medium', valuePattern: /^[a-z0-9]{30}$/, valid: assignedTo(['TWITCH_CLIENT_SECRET'], fake(30, LOWER_ALNUM)) }]),
    ...namedRules('Lob', [{ id: 'lob-api-key', title: 'Lob API key', names: ['LOB_API_KEY', 'LOB_LIVE_API_KEY'], scope: 'Sends physical mail billed to the account and reads addresses.', severity: 'medium', valuePattern: /^(?:live|test)_[a-f0-9]{35}$/, valid: assignedTo(['LOB_API_KEY', 'LOB_LIVE_API_KEY'], `live_${fake(35, HEX)}`) }]),
    ...namedRules('Zoom', [{ id: 'zoom-client-secret', title: 'Zoom app client secret', names: ['ZOOM_CLIENT_SECRET', 'ZOOM_API_SECRET'], scope: 'Signs in as the Zoom app: meetings, recordings, users within its scopes.', severity: 'high', valuePattern: /^[A-Za-z0-9]{32}$/, valid: assignedTo(['ZOOM_CLIENT_SECRET', 'ZOOM_API_SECRET'], fake(32)) }]),
    ...namedRules('Salesforce', [{ id: 'salesforce-client-secret', title: 'Salesforce connected app secret', names: ['SALESFORCE_CLIENT_SECRET', 'SF_CLIENT_SECRET', 'SFDC_CLIENT_SECRET'], scope: 'Signs in as the connected app; with a user\'s flow, their org data.', severity: 'high', valuePattern: /^[A-F0-9]{64}$/, valid: assignedTo(['SALESFORCE_CLIENT_SECRET', 'SF_CLIENT_SECRET'], fake(64, '0123456789ABCDEF')) }]),
    ...namedRules('Segment', [{ id: 'segment-api-token', title: 'Segment public API token', names: ['SEGMENT_API_TOKEN', 'SEGMENT_ACCESS_TOKEN'], scope: 'Manages the workspace\'s sources, destinations and tracking plans.', severity: 'medium', valuePattern: /^sgp_[A-Za-z0-9]{64}$/, valid: assignedTo(['SEGMENT_API_TOKEN', 'SEGMENT_ACCESS_TOKEN'], `sgp_${fake(64)}`) }]),
    ...namedRules('Mixpanel', [{ id: 'mixpanel-service-account-secret', title: 'Mixpanel service account secret', names: ['MIXPANEL_SERVICE_ACCOUNT_SECRET', 'MIXPANEL_API_SECRET'], scope: 'Exports and imports the project\'s event data.', severity: 'medium', valuePattern: /^[A-Za-z0-9]{32}$/, valid: assignedTo(['MIXPANEL_SERVICE_ACCOUNT_SECRET', 'MIXPANEL_API_SECRET'], fake(32)) }]),
    ...prefixedRules('PostHog', [
      { id: 'posthog-personal-api-key', title: 'PostHog personal API key', keywords: ['phx_'], pattern: 'phx_[A-Za-z0-9]{43}', severity: 'high', scope: 'Acts as the user on every project: reads events (user data), changes feature flags.', valid: [`POSTHOG_PERSONAL_API_KEY=phx_${fake(43)}`] },
    ]),
    ...namedRules('Smartsheet', [{ id: 'smartsheet-access-token', title: 'Smartsheet access token', names: ['SMARTSHEET_ACCESS_TOKEN', 'SMARTSHEET_API_TOKEN'], scope: 'Acts as the user on every sheet they can reach.', severity: 'high', valuePattern: /^[A-Za-z0-9]{26,37}$/, valid: assignedTo(['SMARTSHEET_ACCESS_TOKEN', 'SMARTSHEET_API_TOKEN'], fake(37)) }]),
  ],
});

