import { ALNUM, BASE64URL, DIGITS, HEX, LOWER_ALNUM, UPPER_ALNUM, fake, fakeUuid } from '../fake';
import { assignedTo, defineTokenPack, defineTokenRule, looksRandom, namedRules, prefixedRules, provider, standalone } from '../rule';

const SLACK = 'Slack';

export const pack = defineTokenPack({
  id: 'messaging',
  providers: [
    provider(SLACK, 'https://api.slack.com/apps',
      'Revoke the token (api.slack.com/apps > your app > OAuth & Permissions > Revoke, or auth.revoke) or regenerate the webhook URL.',
      'Reinstall the app with the fewest scopes that work and store the new token in a secret store.',
      'Check the workspace\'s access logs and audit logs for use of the token since the exposure.'),
    provider('Twilio', 'https://console.twilio.com'),
    provider('SendGrid', 'https://app.sendgrid.com/settings/api_keys'),
    provider('Mailgun', 'https://app.mailgun.com/settings/api_security'),
    provider('Mailchimp', 'https://admin.mailchimp.com/account/api/'),
    provider('Postmark', 'https://account.postmarkapp.com'),
    provider('Brevo', 'https://app.brevo.com/settings/keys/api'),
    provider('Resend', 'https://resend.com/api-keys'),
    provider('MailerSend', 'https://app.mailersend.com/api-tokens'),
    provider('Discord', 'https://discord.com/developers/applications'),
    provider('Telegram', 'https://t.me/BotFather', 'Send /revoke to @BotFather for the bot, then update the new token everywhere.', 'Check the bot\'s recent updates for messages you did not send.'),
    provider('Microsoft Teams', 'https://teams.microsoft.com'),
    provider('Vonage', 'https://dashboard.nexmo.com/settings'),
    provider('Intercom', 'https://app.intercom.com/a/apps/_/developer-hub'),
    provider('Pusher', 'https://dashboard.pusher.com'),
  ],
  rules: [
    ...prefixedRules(SLACK, [
      { id: 'slack-bot-token', title: 'Slack bot token', keywords: ['xoxb-'], pattern: 'xoxb-[0-9]{10,13}-[0-9]{10,13}-[a-zA-Z0-9]{24}', severity: 'high', scope: 'Acts as the bot with the scopes granted at install (the format does not tell which). Common ones: chat:write posts as the bot (anywhere with chat:write.public), channels:history and groups:history read every message in channels it was added to, users:read and users:read.email list members and their emails, files:read and files:write read and upload files.', valid: [`SLACK_BOT_TOKEN=xoxb-${fake(12, DIGITS)}-${fake(13, DIGITS)}-${fake(24)}`] },
      { id: 'slack-user-token', title: 'Slack user token', keywords: ['xoxp-', 'xoxe-'], pattern: 'xox[pe](?:-[0-9]{10,13}){3}-[a-zA-Z0-9-]{28,34}', severity: 'critical', scope: 'Acts as the user who installed the app: their channels, DMs and files, within the user scopes.', valid: [`xoxp-${fake(12, DIGITS)}-${fake(12, DIGITS)}-${fake(13, DIGITS)}-${fake(32, HEX)}`] },
      { id: 'slack-legacy-bot-token', title: 'Slack legacy bot token', keywords: ['xoxb-'], pattern: 'xoxb-[0-9]{8,14}-[a-zA-Z0-9]{18,26}', severity: 'high', scope: 'Legacy (classic app) bot token: acts as the bot user with the broad classic bot scope: reads and posts in every channel it is in, reads the member list.', valid: [`xoxb-${fake(11, DIGITS)}-${fake(24)}`] },
      { id: 'slack-app-level-token', title: 'Slack app-level token', keywords: ['xapp-'], pattern: 'xapp-\\d-[A-Z0-9]+-\\d+-[A-Za-z0-9]{32,64}', severity: 'medium', scope: 'App-level: Socket Mode connections and app configuration across workspaces.', valid: [`xapp-1-A${fake(10, UPPER_ALNUM)}-${fake(13, DIGITS)}-${fake(64, LOWER_ALNUM)}`] },
      { id: 'slack-config-access-token', title: 'Slack app configuration access token', keywords: ['xoxe.xox'], pattern: 'xoxe\\.xox[bp]-\\d-[A-Z0-9]{163,166}', severity: 'high', scope: 'Creates and changes the workspace\'s apps through the App Manifest API.', valid: [`xoxe.xoxp-1-${fake(164, UPPER_ALNUM)}`] },
      { id: 'slack-config-refresh-token', title: 'Slack app configuration refresh token', keywords: ['xoxe-'], pattern: 'xoxe-\\d-[A-Z0-9]{146}', severity: 'high', scope: 'Mints new configuration tokens.', valid: [`xoxe-1-${fake(146, UPPER_ALNUM)}`] },
      { id: 'slack-legacy-token', title: 'Slack legacy token', keywords: ['xoxo-', 'xoxs-', 'xoxa-', 'xoxr-'], pattern: 'xox[osar]-(?:\\d+-){0,3}[0-9a-zA-Z]{8,48}', severity: 'high', scope: 'Legacy token: broad workspace access as its user.', valid: [`xoxs-${fake(12, DIGITS)}-${fake(12, DIGITS)}-${fake(32)}`] },
    ]),
    defineTokenRule({
      id: 'slack-webhook-url', provider: SLACK, title: 'Slack incoming webhook URL', keywords: ['hooks.slack.com/services/'],
      pattern: /(?:https?:\/\/)?hooks\.slack\.com\/services\/(?<secret>[A-Za-z0-9+/]{43,56})(?![A-Za-z0-9+/])/g,
      scope: 'Posts any message to its channel as the app (phishing your own team).', severity: 'medium', check: looksRandom(3),
      examples: { valid: [`SLACK_WEBHOOK=https://hooks.slack.com/services/T${fake(8, UPPER_ALNUM)}/B${fake(10, UPPER_ALNUM)}/${fake(24)}`, `webhook: hooks.slack.com/services/T${fake(10, UPPER_ALNUM)}/B${fake(11, UPPER_ALNUM)}/${fake(24)}`], invalid: ['https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'https://hooks.slack.com/services/'] },
    }),
    defineTokenRule({
      id: 'slack-workflow-webhook-url', provider: SLACK, title: 'Slack workflow webhook URL', keywords: ['hooks.slack.com/'],
      pattern: /(?:https?:\/\/)?hooks\.slack\.com\/(?:workflows|triggers)\/(?<secret>[A-Za-z0-9+/]{43,80})(?![A-Za-z0-9+/])/g,
      scope: 'Starts the workflow with any input (which may post messages or call the steps it chains).', severity: 'low', check: looksRandom(3),
      examples: { valid: [`https://hooks.slack.com/triggers/T${fake(8, UPPER_ALNUM)}/${fake(11, UPPER_ALNUM)}/${fake(12, DIGITS)}/${fake(32)}`, `hooks.slack.com/workflows/T${fake(10, UPPER_ALNUM)}/A${fake(10, UPPER_ALNUM)}/${fake(18, DIGITS)}/${fake(24)}`], invalid: [] },
    }),
    ...prefixedRules('Twilio', [
      { id: 'twilio-api-key', title: 'Twilio API key SID (an identifier, not a secret)', keywords: ['twilio', 'sk'], pattern: 'SK[0-9a-fA-F]{32}', severity: 'low', scope: 'An API key id: harmless without its secret, which is probably nearby.', valid: [`TWILIO_API_KEY=SK${fake(32, HEX)}`], ignoreCase: false },
    ]),
    ...namedRules('Twilio', [
      { id: 'twilio-auth-token', title: 'Twilio auth token', names: ['TWILIO_AUTH_TOKEN', 'TWILIO_TOKEN', 'TWILIO_API_SECRET'], scope: 'Account auth token: every API call on the account: sends SMS and calls billed to you, reads message logs.', severity: 'critical', valuePattern: /^[0-9a-zA-Z]{32}$/, valid: assignedTo(['TWILIO_AUTH_TOKEN', 'TWILIO_API_SECRET'], fake(32, HEX)) },
    ]),
    ...prefixedRules('SendGrid', [
      { id: 'sendgrid-api-key', title: 'SendGrid API key', keywords: ['sg.'], pattern: 'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}', severity: 'high', scope: 'Sends mail from your verified domains (phishing), and with full access manages the account.', valid: [`SENDGRID_API_KEY=SG.${fake(22, BASE64URL)}.${fake(43, BASE64URL)}`] },
    ]),
    ...prefixedRules('Mailgun', [
      { id: 'mailgun-api-key', title: 'Mailgun private API key', keywords: ['key-', 'mailgun'], pattern: '(?:key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})', severity: 'high', scope: 'Sends mail from your domains and reads logs and stored messages.', valid: [`MAILGUN_API_KEY=key-${fake(32, HEX)}`, `mailgun: ${fake(32, HEX)}-${fake(8, HEX)}-${fake(8, HEX)}`] },
    ]),
    ...namedRules('Mailgun', [
      { id: 'mailgun-webhook-signing-key', title: 'Mailgun webhook signing key', names: ['MAILGUN_WEBHOOK_SIGNING_KEY', 'MAILGUN_SIGNING_KEY'], scope: 'Forges Mailgun webhook events your endpoint trusts.', severity: 'medium', valuePattern: /^[0-9a-f]{32}$/, valid: assignedTo(['MAILGUN_WEBHOOK_SIGNING_KEY', 'MAILGUN_SIGNING_KEY'], fake(32, HEX)) },
    ]),
    ...prefixedRules('Mailchimp', [
      { id: 'mailchimp-api-key', title: 'Mailchimp API key', keywords: ['-us'], pattern: '[0-9a-f]{32}-us[0-9]{1,2}', severity: 'high', scope: 'Full account access: audiences (personal data) and sending campaigns.', valid: [`MAILCHIMP_API_KEY=${fake(32, HEX)}-us21`] },
      { id: 'mailchimp-transactional-key', title: 'Mailchimp Transactional (Mandrill) API key', keywords: ['md-'], pattern: 'md-[A-Za-z0-9_-]{22}', severity: 'high', scope: 'Sends transactional mail from your domains.', valid: [`MANDRILL_KEY=md-${fake(22, BASE64URL)}`] },
    ]),
    ...namedRules('Postmark', [
      { id: 'postmark-server-token', title: 'Postmark server API token', names: ['POSTMARK_SERVER_TOKEN', 'POSTMARK_API_TOKEN', 'POSTMARK_API_KEY'], scope: 'Sends mail through the server and reads its message history.', severity: 'high', valuePattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, valid: assignedTo(['POSTMARK_SERVER_TOKEN', 'POSTMARK_API_TOKEN'], '5ea38b7b-f563-4709-8bae-87aeaf6d5d8f') },
    ]),
    ...prefixedRules('Brevo', [
      { id: 'brevo-api-key', title: 'Brevo (Sendinblue) API key', keywords: ['xkeysib-'], pattern: 'xkeysib-[a-f0-9]{64}-[a-zA-Z0-9]{16}', severity: 'high', scope: 'Sends mail and SMS and reads contacts.', valid: [`xkeysib-${fake(64, HEX)}-${fake(16)}`] },
    ]),
    ...prefixedRules('Resend', [
      { id: 'resend-api-key', title: 'Resend API key', keywords: ['re_'], pattern: 're_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}', severity: 'high', scope: 'Sends mail from your domains (full access keys also manage domains).', valid: [`RESEND_API_KEY=re_${fake(8)}_${fake(24)}`] },
    ]),
    ...prefixedRules('MailerSend', [
      { id: 'mailersend-api-token', title: 'MailerSend API token', keywords: ['mlsn.'], pattern: 'mlsn\\.[a-z0-9]{64}', severity: 'high', scope: 'Sends mail from your domains.', valid: [`mlsn.${fake(64, LOWER_ALNUM)}`] },
    ]),
    defineTokenRule({
      id: 'discord-bot-token', provider: 'Discord', title: 'Discord bot token', keywords: ['discord', 'bot'],
      pattern: standalone('[MNO][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}'),
      scope: 'Logs in as the bot: every server it is in, with its permissions (often administrator).', severity: 'high', check: looksRandom(3.5),
      examples: { valid: [`DISCORD_BOT_TOKEN=MT${fake(24)}.${fake(6)}.${fake(38, BASE64URL)}`], invalid: ['bot.Client.run(token)'] },
    }),
    ...prefixedRules('Discord', [
      { id: 'discord-webhook-url', title: 'Discord webhook URL', keywords: ['/api/webhooks/'], pattern: 'https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d{17,20}/[A-Za-z0-9_-]{60,68}', severity: 'medium', scope: 'Posts any message to the channel.', valid: [`https://discord.com/api/webhooks/${fake(18, DIGITS)}/${fake(68, BASE64URL)}`] },
    ]),
    defineTokenRule({
      id: 'telegram-bot-token', provider: 'Telegram', title: 'Telegram bot token', keywords: [':aa'],
      pattern: standalone('[0-9]{8,10}:AA[0-9A-Za-z_-]{33}'),
      scope: 'Controls the bot: reads every message sent to it, posts as it.', severity: 'high', check: looksRandom(3),
      examples: { valid: [`TELEGRAM_BOT_TOKEN=${fake(10, DIGITS)}:AA${fake(33, BASE64URL)}`], invalid: ['12345678:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'] },
    }),
    defineTokenRule({
      id: 'teams-incoming-webhook-url', provider: 'Microsoft Teams', title: 'Microsoft Teams incoming webhook URL', keywords: ['webhook.office.com', 'outlook.office.com/webhook', 'outlook.office365.com/webhook'],
      pattern: /https:\/\/(?:[a-z0-9-]+\.webhook\.office\.com\/webhookb2|outlook\.office(?:365)?\.com\/webhook)\/[a-f0-9-]{36}@[a-f0-9-]{36}\/IncomingWebhook\/[a-z0-9]{32}\/[a-f0-9-]{36}(?:\/[A-Za-z0-9_-]{10,})?/gi,
      scope: 'Posts any message or card to the channel as the connector (phishing your own team).', severity: 'medium',
      examples: {
        valid: [`https://acme.webhook.office.com/webhookb2/${fakeUuid()}@${fakeUuid()}/IncomingWebhook/${fake(32, HEX)}/${fakeUuid()}`, `TEAMS_WEBHOOK=https://outlook.office.com/webhook/${fakeUuid()}@${fakeUuid()}/IncomingWebhook/${fake(32, HEX)}/${fakeUuid()}`, `https://acme.webhook.office.com/webhookb2/${fakeUuid()}@${fakeUuid()}/IncomingWebhook/${fake(32, HEX)}/${fakeUuid()}/V2${fake(40, BASE64URL)}`],
        invalid: ['https://acme.webhook.office.com/webhookb2/'],
      },
    }),
    defineTokenRule({
      id: 'teams-workflow-webhook-url', provider: 'Microsoft Teams', title: 'Microsoft Teams / Power Automate workflow webhook URL', keywords: ['logic.azure.com', 'powerplatform.com'],
      pattern: /https:\/\/[a-z0-9.-]+\.(?:logic\.azure\.com(?::443)?|api\.powerplatform\.com(?::443)?)\/(?:workflows\/[a-f0-9]{32}|powerautomate\/automations\/direct\/workflows\/[a-f0-9]{32})\/triggers\/manual\/paths\/invoke[^\s"'<>]*?[?&]sig=(?<secret>[A-Za-z0-9_%-]{30,})/gi,
      scope: 'Starts the Power Automate flow behind a Teams Workflows webhook with any payload (posts to the channel, and whatever else the flow does).', severity: 'medium',
      examples: { valid: [`https://prod-42.westeurope.logic.azure.com:443/workflows/${fake(32, HEX)}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${fake(43, BASE64URL)}`], invalid: [`https://prod-42.westeurope.logic.azure.com/workflows/${fake(32, HEX)}/triggers/manual/paths/invoke?api-version=2016-06-01`] },
    }),
    ...namedRules('Vonage', [
      { id: 'vonage-api-secret', title: 'Vonage (Nexmo) API secret', names: ['VONAGE_API_SECRET', 'NEXMO_API_SECRET'], scope: 'Sends SMS and calls billed to the account.', severity: 'high', valuePattern: /^[A-Za-z0-9]{16}$/, valid: assignedTo(['VONAGE_API_SECRET', 'NEXMO_API_SECRET'], fake(16)) },
    ]),
    ...namedRules('Intercom', [
      { id: 'intercom-access-token', title: 'Intercom access token', names: ['INTERCOM_ACCESS_TOKEN', 'INTERCOM_TOKEN'], scope: 'Reads and writes conversations and customer data in the workspace.', severity: 'high', valid: assignedTo(['INTERCOM_ACCESS_TOKEN', 'INTERCOM_TOKEN'], `dG9rOj${fake(54, ALNUM)}=`) },
    ]),
    ...namedRules('Pusher', [
      { id: 'pusher-app-secret', title: 'Pusher Channels app secret', names: ['PUSHER_APP_SECRET', 'PUSHER_SECRET'], scope: 'Publishes to every channel and authorises private channels.', severity: 'medium', valuePattern: /^[a-f0-9]{20}$/, valid: assignedTo(['PUSHER_APP_SECRET', 'PUSHER_SECRET'], fake(20, HEX)) },
    ]),
  ],
});

