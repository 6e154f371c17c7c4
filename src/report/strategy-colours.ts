/**
 * Each lab strategy's colour in the report's charts, for the light and the dark theme.
 * Keyed by name, not by position, so that a strategy keeps its colour in every report,
 * whichever strategies ran. Hues after Tableau 10, darkened for a white page and lightened
 * for a dark one: each is at least 4:1 against its theme's background.
 */
export const strategyColours: Readonly<Record<string, { readonly light: string; readonly dark: string }>> = {
  naive: { light: '#d62728', dark: '#ff6b6b' },
  blind: { light: '#8c564b', dark: '#c49c94' },
  retry: { light: '#1f77b4', dark: '#5fa8e8' },
  backoff: { light: '#0f8b99', dark: '#3fd0de' },
  'merge-patch': { light: '#2b8a2b', dark: '#66d166' },
  'json-patch': { light: '#8e5fc2', dark: '#b99ae0' },
  apply: { light: '#c75a00', dark: '#ffa04d' },
  adaptive: { light: '#c2409a', dark: '#f09ad6' },
  queue: { light: '#666666', dark: '#b0b0b0' },
  coalesce: { light: '#7d7e0f', dark: '#d4d53a' },
};

const known = (strategy: string): boolean => Object.hasOwn(strategyColours, strategy);

/**
 * The class of a strategy's marks: `series-<name>`; `series-other` (the page's muted
 * text colour) for a name the table lacks, as in a result from another version.
 */
export const seriesClass = (strategy: string): string => (known(strategy) ? `series-${strategy}` : 'series-other');

/** The style sheet's part for the series: one variable per strategy and theme, and the fills. */
export function seriesStyle(): { light: string; dark: string; rules: string } {
  const entries = Object.entries(strategyColours);
  const variables = (theme: 'light' | 'dark') =>
    entries.map(([name, colours]) => `--strategy-${name}: ${colours[theme]};`).join(' ');
  const rules = entries
    .map(([name]) => `.series-${name} rect, .series-${name} circle { fill: var(--strategy-${name}); }`)
    .concat('.series-other rect, .series-other circle { fill: var(--muted); }')
    .join('\n');
  return { light: variables('light'), dark: variables('dark'), rules };
}
