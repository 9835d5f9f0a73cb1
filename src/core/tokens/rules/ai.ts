import { BASE64URL, HEX, LETTERS, fake } from '../fake';
import { assignedTo, defineTokenPack, namedRules, prefixedRules, provider } from '../rule';

const OPENAI = 'OpenAI';

export const pack = defineTokenPack({
  id: 'ai',
  providers: [
    provider(OPENAI, 'https://platform.openai.com/api-keys'),
    provider('Anthropic', 'https://console.anthropic.com/settings/keys'),
    provider('Hugging Face', 'https://huggingface.co/settings/tokens'),
    provider('Replicate', 'https://replicate.com/account/api-tokens'),
    provider('Groq', 'https://console.groq.com/keys'),
    provider('Perplexity', 'https://www.perplexity.ai/settings/api'),
    provider('xAI', 'https://console.x.ai'),
    provider('OpenRouter', 'https://openrouter.ai/settings/keys'),
    provider('LangSmith', 'https://smith.langchain.com/settings'),
    provider('Pinecone', 'https://app.pinecone.io'),
    provider('Cohere', 'https://dashboard.cohere.com/api-keys'),
    provider('Mistral AI', 'https://console.mistral.ai/api-keys'),
    provider('Weights & Biases', 'https://wandb.ai/authorize'),
    provider('ElevenLabs', 'https://elevenlabs.io/app/settings/api-keys'),
    provider('DeepSeek', 'https://platform.deepseek.com/api_keys'),
    provider('Together AI', 'https://api.together.ai/settings/api-keys'),
    provider('Fireworks AI', 'https://fireworks.ai/account/api-keys'),
    provider('AssemblyAI', 'https://www.assemblyai.com/app/account'),
    provider('Deepgram', 'https://console.deepgram.com'),
  ],
  rules: [
    ...prefixedRules(OPENAI, [
      { id: 'openai-project-key', title: 'OpenAI project API key', keywords: ['sk-proj-'], pattern: 'sk-proj-[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}', severity: 'high', scope: 'Project key: calls models billed to its one project and uses that project\'s files, assistants, vector stores, batches and fine-tunes; it may be restricted to read-only or chosen endpoints (the format does not tell). No organisation admin powers.', valid: [`OPENAI_API_KEY=sk-proj-${fake(74, BASE64URL)}T3BlbkFJ${fake(74, BASE64URL)}`] },
      { id: 'openai-service-account-key', title: 'OpenAI service account key', keywords: ['sk-svcacct-'], pattern: 'sk-svcacct-[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}', severity: 'high', scope: 'Service-account key: a bot member of one project, tied to no person (it outlives the people who made it); calls models billed to the project and uses its files, assistants and fine-tunes, within permissions the format does not tell. No organisation admin powers.', valid: [`sk-svcacct-${fake(74, BASE64URL)}T3BlbkFJ${fake(74, BASE64URL)}`] },
      { id: 'openai-admin-key', title: 'OpenAI admin key', keywords: ['sk-admin-'], pattern: 'sk-admin-[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}', severity: 'critical', scope: 'Admin key (Administration API): invites and removes members, creates projects, creates and deletes API keys and service accounts, reads usage and audit logs. It cannot call models.', valid: [`sk-admin-${fake(58, BASE64URL)}T3BlbkFJ${fake(58, BASE64URL)}`] },
      { id: 'openai-legacy-key', title: 'OpenAI user API key (legacy)', keywords: ['t3blbkfj'], pattern: 'sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}', severity: 'high', scope: 'Legacy user key: acts as its user in their organisations and projects: calls every model billed to them and reads their files, assistants and fine-tunes. No Administration-API powers.', valid: [`openai.api_key = "sk-${fake(20)}T3BlbkFJ${fake(20)}"`] },
    ]),
    ...prefixedRules('Anthropic', [
      { id: 'anthropic-api-key', title: 'Anthropic API key', keywords: ['sk-ant-api'], pattern: 'sk-ant-api03-[A-Za-z0-9_-]{93}AA', severity: 'high', scope: 'Calls Claude models billed to the workspace, and uses its files and batches.', valid: [`ANTHROPIC_API_KEY=sk-ant-api03-${fake(93, BASE64URL)}AA`] },
      { id: 'anthropic-admin-key', title: 'Anthropic Admin API key', keywords: ['sk-ant-admin'], pattern: 'sk-ant-admin01-[A-Za-z0-9_-]{93}AA', severity: 'critical', scope: 'Manages the organisation: members, workspaces and API keys.', valid: [`sk-ant-admin01-${fake(93, BASE64URL)}AA`] },
    ]),
    ...prefixedRules('Hugging Face', [
      { id: 'huggingface-access-token', title: 'Hugging Face user access token', keywords: ['hf_'], pattern: 'hf_[A-Za-z]{34}', severity: 'medium', scope: 'Read or write (the format does not tell) to the user\'s models, datasets and Spaces, and private repos of their organisations.', valid: [`HF_TOKEN=hf_${fake(34, LETTERS)}`] },
      { id: 'huggingface-org-token', title: 'Hugging Face organisation API token', keywords: ['api_org_'], pattern: 'api_org_[A-Za-z]{34}', severity: 'high', scope: 'The organisation\'s repositories.', valid: [`api_org_${fake(34, LETTERS)}`] },
    ]),
    ...prefixedRules('Replicate', [
      { id: 'replicate-api-token', title: 'Replicate API token', keywords: ['r8_'], pattern: 'r8_[A-Za-z0-9]{37}', severity: 'medium', scope: 'Runs models billed to the account and reads its predictions.', valid: [`REPLICATE_API_TOKEN=r8_${fake(37)}`] },
    ]),
    ...prefixedRules('Groq', [
      { id: 'groq-api-key', title: 'Groq API key', keywords: ['gsk_'], pattern: 'gsk_[A-Za-z0-9]{52}', severity: 'medium', scope: 'Calls models billed to the account.', valid: [`GROQ_API_KEY=gsk_${fake(52)}`] },
    ]),
    ...prefixedRules('Perplexity', [
      { id: 'perplexity-api-key', title: 'Perplexity API key', keywords: ['pplx-'], pattern: 'pplx-[A-Za-z0-9]{48}', severity: 'medium', scope: 'Calls the API billed to the account.', valid: [`pplx-${fake(48)}`] },
    ]),
    ...prefixedRules('xAI', [
      { id: 'xai-api-key', title: 'xAI API key', keywords: ['xai-'], pattern: 'xai-[A-Za-z0-9]{80}', severity: 'medium', scope: 'Calls Grok models billed to the team.', valid: [`XAI_API_KEY=xai-${fake(80)}`] },
    ]),
    ...prefixedRules('OpenRouter', [
      { id: 'openrouter-api-key', title: 'OpenRouter API key', keywords: ['sk-or-v1-'], pattern: 'sk-or-v1-[0-9a-f]{64}', severity: 'medium', scope: 'Calls every routed model billed to the account\'s credits.', valid: [`sk-or-v1-${fake(64, HEX)}`] },
    ]),
    ...prefixedRules('LangSmith', [
      { id: 'langsmith-api-key', title: 'LangSmith API key', keywords: ['lsv2_'], pattern: 'lsv2_(?:pt|sk)_[0-9a-f]{32}_[0-9a-f]{10}', severity: 'medium', scope: 'Reads and writes traces (which hold prompts and user data) in the workspace.', valid: [`LANGCHAIN_API_KEY=lsv2_pt_${fake(32, HEX)}_${fake(10, HEX)}`] },
    ]),
    ...prefixedRules('Pinecone', [
      { id: 'pinecone-api-key', title: 'Pinecone API key', keywords: ['pcsk_'], pattern: 'pcsk_[A-Za-z0-9]{5,6}_[A-Za-z0-9]{40,80}', severity: 'high', scope: 'Reads, writes and deletes the project\'s indexes.', valid: [`PINECONE_API_KEY=pcsk_${fake(6)}_${fake(63)}`] },
    ]),
    ...namedRules('Cohere', [{ id: 'cohere-api-key', title: 'Cohere API key', names: ['COHERE_API_KEY', 'CO_API_KEY'], scope: 'Calls models billed to the account.', severity: 'medium', valuePattern: /^[A-Za-z0-9]{40}$/, valid: assignedTo(['COHERE_API_KEY', 'CO_API_KEY'], fake(40)) }]),
    ...namedRules('Mistral AI', [{ id: 'mistral-api-key', title: 'Mistral AI API key', names: ['MISTRAL_API_KEY'], scope: 'Calls models billed to the workspace.', severity: 'medium', valuePattern: /^[A-Za-z0-9]{32}$/, valid: assignedTo(['MISTRAL_API_KEY'], fake(32)) }]),
    ...namedRules('Weights & Biases', [{ id: 'wandb-api-key', title: 'Weights & Biases API key', names: ['WANDB_API_KEY'], scope: 'Reads and writes the user\'s runs, artifacts and models.', severity: 'medium', valuePattern: /^[0-9a-f]{40}$/, valid: assignedTo(['WANDB_API_KEY'], fake(40, HEX)) }]),
    ...namedRules('ElevenLabs', [{ id: 'elevenlabs-api-key', title: 'ElevenLabs API key', names: ['ELEVENLABS_API_KEY', 'XI_API_KEY'], scope: 'Generates speech and clones voices billed to the account.', severity: 'medium', valuePattern: /^(?:sk_)?[0-9a-f]{32,48}$/, valid: assignedTo(['ELEVENLABS_API_KEY', 'XI_API_KEY'], `sk_${fake(48, HEX)}`) }]),
    ...namedRules('DeepSeek', [{ id: 'deepseek-api-key', title: 'DeepSeek API key', names: ['DEEPSEEK_API_KEY'], scope: 'Calls models billed to the account.', severity: 'medium', valuePattern: /^sk-[0-9a-f]{32}$/, valid: assignedTo(['DEEPSEEK_API_KEY'], `sk-${fake(32, HEX)}`) }]),
    ...namedRules('Together AI', [{ id: 'together-api-key', title: 'Together AI API key', names: ['TOGETHER_API_KEY'], scope: 'Calls and fine-tunes models billed to the account.', severity: 'medium', valid: assignedTo(['TOGETHER_API_KEY'], fake(64, HEX)) }]),
    ...namedRules('Fireworks AI', [{ id: 'fireworks-api-key', title: 'Fireworks AI API key', names: ['FIREWORKS_API_KEY'], scope: 'Calls models billed to the account.', severity: 'medium', valid: assignedTo(['FIREWORKS_API_KEY'], `fw_${fake(24)}`) }]),
    ...namedRules('AssemblyAI', [{ id: 'assemblyai-api-key', title: 'AssemblyAI API key', names: ['ASSEMBLYAI_API_KEY'], scope: 'Transcribes audio billed to the account and reads past transcripts.', severity: 'medium', valuePattern: /^[0-9a-f]{32}$/, valid: assignedTo(['ASSEMBLYAI_API_KEY'], fake(32, HEX)) }]),
    ...namedRules('Deepgram', [{ id: 'deepgram-api-key', title: 'Deepgram API key', names: ['DEEPGRAM_API_KEY'], scope: 'Transcribes audio billed to the project.', severity: 'medium', valuePattern: /^[0-9a-f]{40}$/, valid: assignedTo(['DEEPGRAM_API_KEY'], fake(40, HEX)) }]),
  ],
});
