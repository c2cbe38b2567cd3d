// Pure rules of incidents (avvik).

/** High and critical incidents are severe: the lead hears of them at once (inbox and e-mail). */
export function isSevere(severity: 'low' | 'medium' | 'high' | 'critical'): boolean {
  return severity === 'high' || severity === 'critical';
}

/** Inventory found in this condition becomes a damage incident. */
export function isDamage(condition: 'good' | 'worn' | 'damaged' | 'missing'): boolean {
  return condition === 'damaged' || condition === 'missing';
}

/** A new finding: the item is damaged or missing now, and was not already so before the check. */
export function isNewDamage(before: 'good' | 'worn' | 'damaged' | 'missing', now: 'good' | 'worn' | 'damaged' | 'missing'): boolean {
  return isDamage(now) && before !== now;
}
