export function HousesAdminPage() {
  return null;
}
