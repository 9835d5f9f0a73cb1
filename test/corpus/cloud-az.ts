// Azure CLI: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', "bash -c 'az group delete -n prod-rg -y'", 'az.group-delete'],
  ['ask', 'az storage account delete -n prodstore -g rg --yes', 'az.delete-operation'],
  ['ask', 'az sql db delete -g rg -s server -n app --yes', 'az.delete-operation'],
  ['ask', 'az aks delete -g rg -n cluster --yes', 'az.delete-operation'],
  ['ask', 'az cosmosdb delete -g rg -n db', 'az.delete-operation'],
  ['allow', 'az account show'],
  ['allow', 'az group list -o table'],
  ['allow', 'az vm list -g rg'],
  ['allow', 'az storage blob list --container-name c --account-name prodstore'],
  ['ask', 'az lock delete --name keep-prod -g prod-rg', 'az.lock-delete'],
] satisfies Corpus;
