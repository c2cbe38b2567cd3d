// Pure rules of stored belongings.

/** Still in storage after the last day the service promised to keep them: time to call the owner. */
export function isPastKeepUntil(b: { keepUntilOn: string; pickedUpOn: string | null }, today: string): boolean {
  return b.pickedUpOn === null && b.keepUntilOn < today;
}

export type PickUpRefusal = 'picked_up_in_future' | 'picked_up_before_stored';

export function pickUpRefusal(pickedUpOn: string, storedOn: string, today: string): PickUpRefusal | null {
  if (pickedUpOn > today) return 'picked_up_in_future';
  if (pickedUpOn < storedOn) return 'picked_up_before_stored';
  return null;
}
