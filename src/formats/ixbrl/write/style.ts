/** The page's style sheet: reads like a printed release (figures right-aligned, totals bold, captions italic). */
export const STYLE = `
body { font-family: Georgia, "Times New Roman", serif; color: #222; max-width: 1120px; margin: 2em auto; padding: 0 1.5em; line-height: 1.45; }
h1, h2, h3, h4, h5, h6, p.title { font-family: Helvetica, Arial, sans-serif; color: #123; }
h2 { border-bottom: 2px solid #123; padding-bottom: 0.2em; margin-top: 2em; }
h3 { margin-top: 1.6em; }
hr { border: none; border-top: 1px solid #bbb; margin: 1.5em 0; }
table.fin { border-collapse: collapse; margin: 0.8em 0 2em; font-family: Helvetica, Arial, sans-serif; font-size: 0.86em; }
table.fin th { text-align: right; vertical-align: bottom; padding: 3px 8px; border-bottom: 1px solid #555; font-weight: bold; }
table.fin th.caption { text-align: left; font-weight: normal; font-style: italic; border-bottom: none; color: #444; }
table.fin td { text-align: right; padding: 2px 8px; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.fin td.label { text-align: left; white-space: normal; min-width: 16em; }
table.fin tbody tr:nth-child(even) { background: #f4f6f8; }
table.fin tr.total td { font-weight: bold; border-top: 1px solid #999; }
table.fin tr.heading td.label { font-style: italic; padding-top: 0.6em; }
table.plain td { text-align: left; }
span.period { font-weight: normal; color: #666; font-size: 0.8em; }
`;
