export function RoomsOverviewPage() {
  return null;
}
