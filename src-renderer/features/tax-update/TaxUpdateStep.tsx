/** One numbered step of the 消費税自動更新 screen: a labelled panel with its heading. */
import type { ReactNode } from 'react';

export function TaxUpdateStep({ label, heading, children }: { label: string; heading: string; children: ReactNode }) {
  return (
    <section className="tu-step" aria-label={label}>
      <h3>{heading}</h3>
      {children}
    </section>
  );
}
