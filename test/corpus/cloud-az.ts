// Azure CLI: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'az group delete --name prod-rg --yes', 'az.group-delete'],
  ['ask', 'az group delete -n prod-rg -y --no-wait', 'az.group-delete'],
  ['ask', "bash -c 'az group delete -n prod-rg -y'", 'az.group-delete'],
  ['ask', 'az keyvault purge --name prod-kv', 'az.vault-purge'],
  ['ask', 'az keyvault secret purge --vault-name kv -n db-password', 'az.vault-purge'],
  ['ask', 'az deployment group create -g rg --template-file main.bicep --mode Complete', 'az.complete-deployment'],
  ['ask', 'az vm delete -g rg -n web-1 --yes', 'az.delete-operation'],
  ['ask', 'az storage account delete -n prodstore -g rg --yes', 'az.delete-operation'],
  ['ask', 'az storage blob delete-batch --source uploads --account-name prodstore', 'az.delete-operation'],
  ['ask', 'az sql db delete -g rg -s server -n app --yes', 'az.delete-operation'],
  ['ask', 'az aks delete -g rg -n cluster --yes', 'az.delete-operation'],
  ['ask', 'az cosmosdb delete -g rg -n db', 'az.delete-operation'],
  ['allow', 'az login'],
  ['allow', 'az account show'],
  ['allow', 'az group list -o table'],
  ['allow', 'az vm list -g rg'],
  ['allow', 'az storage blob list --container-name c --account-name prodstore'],
  ['allow', 'az deployment group create -g rg --template-file main.bicep'],
  ['allow', 'az deployment group what-if -g rg --template-file main.bicep --mode Complete'],
  ['allow', 'az keyvault recover --name prod-kv'],
  ['allow', 'az group delete --help'],
  ['ask', 'az lock delete --name keep-prod -g prod-rg', 'az.lock-delete'],
  ['allow', 'az lock list -g prod-rg'],
] satisfies Corpus;
