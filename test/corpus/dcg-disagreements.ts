/**
 * Cases of dcg's corpus where Airlock decides differently on purpose, each with its reason.
 * The dcg test fails on any disagreement not listed here, and on any entry here that no longer
 * disagrees (so the list stays true).
 */
export interface DcgDisagreement {
  command: string;
  /** What dcg expects. */
  dcg: 'deny' | 'allow';
  reason: string;
}

const disagreements: DcgDisagreement[] = [
  {
    command: 'aws secretsmanager update-secret --secret-id my/secret --description "rotated in emergency"',
    dcg: 'deny',
    reason: 'Only the description changes: the secret value, its versions and its key stay as they are. Airlock asks when update-secret replaces the value or the KMS key (aws.secret-overwrite).',
  },
];

export default disagreements;
