import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a phone. A scrollable region must be reachable by keyboard
 * (WCAG 2.1.1, axe "scrollable-region-focusable"), so it is a focusable, named region.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
