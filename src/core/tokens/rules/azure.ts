import type { Severity } from '../../types';
import { BASE64, fake, HEX, LOWER_ALNUM } from '../fake';
import { assignedTo, defineTokenPack, defineTokenRule, namedRules, provider } from '../rule';

const AZURE = 'Azure';
const key88 = `${fake(86, BASE64)}==`;
const key44 = `${fake(43, BASE64)}=`;

function connectionString(id: string, title: string, keyword: string, pattern: RegExp, scope: string, severity: Severity, valid: string, invalid: string) {
  return defineTokenRule({ id, provider: AZURE, title, keywords: [keyword], pattern, scope, severity, examples: { valid: [valid], invalid: [invalid] } });
}

export const pack = defineTokenPack({
  id: 'azure',
  providers: [
    provider(
      AZURE,
      'https://portal.azure.com',
      'Regenerate the exposed key in the Azure portal (Access keys / Shared access policies), or delete the client secret in Entra ID > App registrations.',
      'Move clients to Microsoft Entra ID with managed identities where the service supports it.',
      "Check the resource's activity and diagnostic logs for use of the old key since the exposure.",
      'Keep connection strings in Key Vault or an ignored, agent-blocked env file.',
    ),
  ],
  rules: [
    connectionString(
      'azure-storage-connection-string',
      'Azure Storage account key (connection string)',
      'accountkey=',
      /AccountName=[a-z0-9]{3,24};\s*AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/gi,
      'Storage account key: full control of every blob, queue, table and file share in the account, including deletion.',
      'critical',
      `DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${key88};EndpointSuffix=core.windows.net`,
      'DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=<key>',
    ),
    connectionString(
      'azure-cosmosdb-connection-string',
      'Azure Cosmos DB account key',
      'documents.azure.com',
      /AccountEndpoint=https:\/\/[a-z0-9-]+\.documents\.azure\.com[^;]*;\s*AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/gi,
      'Cosmos DB primary key: read, write and delete every database and container in the account.',
      'critical',
      `AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey=${key88};`,
      'AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey=;',
    ),
    connectionString(
      'azure-service-bus-connection-string',
      'Azure Service Bus / Event Hubs shared access key',
      'sharedaccesskey=',
      /Endpoint=sb:\/\/[a-z0-9-]+\.servicebus\.windows\.net\/?;\s*SharedAccessKeyName=[^;]+;\s*SharedAccessKey=(?<secret>[A-Za-z0-9+/]{43}=)/gi,
      'Shared access policy: the rights of that policy (RootManageSharedAccessKey can manage, send and listen on the whole namespace).',
      'high',
      `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${key44}`,
      'Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${KEY}',
    ),
    connectionString(
      'azure-iot-hub-connection-string',
      'Azure IoT Hub shared access key',
      'azure-devices.net',
      /HostName=[a-z0-9-]+\.azure-devices\.net;\s*(?:SharedAccessKeyName|DeviceId)=[^;]+;\s*SharedAccessKey=(?<secret>[A-Za-z0-9+/]{43}=)/gi,
      'IoT Hub policy or device key: controls devices or impersonates one.',
      'high',
      `HostName=acme.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=${key44}`,
      'HostName=acme.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=<key>',
    ),
    connectionString(
      'azure-signalr-connection-string',
      'Azure SignalR access key',
      'service.signalr.net',
      /Endpoint=https:\/\/[a-z0-9-]+\.service\.signalr\.net;\s*AccessKey=(?<secret>[A-Za-z0-9+/]{43}=)/gi,
      'SignalR access key: issues client tokens and sends to every connection.',
      'medium',
      `Endpoint=https://acme.service.signalr.net;AccessKey=${key44};Version=1.0;`,
      'Endpoint=https://acme.service.signalr.net;AccessKey=;',
    ),
    connectionString(
      'azure-sql-connection-string',
      'Azure SQL connection string with password',
      'database.windows.net',
      /Server=tcp:[a-z0-9-]+\.database\.windows\.net[^;]*;[^"'\n]*?Password=(?<secret>[^;"'\n]{6,128});/gi,
      "SQL login: whatever the login may do on that server's databases.",
      'high',
      `Server=tcp:acme.database.windows.net,1433;Initial Catalog=app;User ID=app;Password=${fake(20)};Encrypt=True;`,
      'Server=tcp:acme.database.windows.net,1433;User ID=app;Password={your_password};',
    ),
    defineTokenRule({
      id: 'azure-sas-token',
      provider: AZURE,
      title: 'Azure shared access signature (SAS) URL',
      keywords: ['sig='],
      pattern: /[?&]sv=\d{4}-\d{2}-\d{2}&[^\s"'<>]*?sig=(?<secret>[A-Za-z0-9%+/]{43,60}(?:%3D|=){0,2})/g,
      scope: "Whatever the signature's permissions (sp=) allow on its resource until its expiry (se=).",
      severity: 'medium',
      examples: {
        valid: [
          `https://acme.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=sco&sp=rwdlac&se=2030-01-01T00:00:00Z&sig=${fake(43, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}%3D`,
        ],
        invalid: ['https://acme.blob.core.windows.net/c?sv=2022-11-02&sig=<signature>'],
      },
    }),
    defineTokenRule({
      id: 'azure-ad-client-secret',
      provider: AZURE,
      title: 'Microsoft Entra ID (Azure AD) client secret',
      keywords: ['q~'],
      pattern: /(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/g,
      scope: 'Signs in as the application: every API permission granted to the app registration, in every tenant that consented.',
      severity: 'critical',
      examples: { valid: [`AZURE_CLIENT_SECRET=${fake(3)}8Q~${fake(34)}`], invalid: ['Q~ is not a secret'] },
    }),
    ...namedRules(AZURE, [
      {
        id: 'azure-client-secret',
        title: 'Azure service principal client secret',
        names: ['AZURE_CLIENT_SECRET', 'ARM_CLIENT_SECRET', 'AZURE_AD_CLIENT_SECRET'],
        scope: 'Signs in as the service principal: every role it holds on subscriptions and resources.',
        severity: 'critical',
        valid: assignedTo(['ARM_CLIENT_SECRET', 'AZURE_CLIENT_SECRET'], fake(40)),
      },
      {
        id: 'azure-devops-pat',
        title: 'Azure DevOps personal access token',
        names: ['AZURE_DEVOPS_PAT', 'AZURE_DEVOPS_EXT_PAT', 'AZDO_PERSONAL_ACCESS_TOKEN', 'ADO_PAT', 'VSTS_PAT'],
        scope: 'Acts as the user in the organisations and scopes chosen at creation (often full access).',
        severity: 'high',
        valid: assignedTo(['AZURE_DEVOPS_EXT_PAT', 'AZURE_DEVOPS_PAT'], fake(52, LOWER_ALNUM)),
      },
      {
        id: 'azure-openai-api-key',
        title: 'Azure OpenAI API key',
        names: ['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_KEY'],
        scope: 'Calls the deployments of that Azure OpenAI resource, billed to it.',
        severity: 'medium',
        valuePattern: /^[0-9a-f]{32}$|^[A-Za-z0-9]{84}$/,
        valid: assignedTo(['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_KEY'], fake(32, HEX)),
      },
      {
        id: 'azure-storage-account-key',
        title: 'Azure Storage account key',
        names: ['AZURE_STORAGE_KEY', 'AZURE_STORAGE_ACCOUNT_KEY', 'ARM_ACCESS_KEY'],
        scope: "Storage account key: full control of the account's data.",
        severity: 'critical',
        valuePattern: /^[A-Za-z0-9+/]{86}==$/,
        valid: assignedTo(['AZURE_STORAGE_KEY', 'ARM_ACCESS_KEY'], key88),
      },
    ]),
  ],
});
