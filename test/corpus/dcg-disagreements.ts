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
];

export default disagreements;
