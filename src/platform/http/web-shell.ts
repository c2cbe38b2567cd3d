import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The page shell the server sends. The home page ('/') is the staff's room board: its code is a
// chunk of its own (loaded on demand, so other pages do not pay for it), which the browser would
// otherwise only ask for once the app's main script has run. For '/' the shell names the board's
// chunks as modulepreload links, so they load alongside the main script (issue #9: the board
// interactive within 1 s on a cold load).

interface ManifestEntry {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

/** The board page's module as Vite's manifest names it (relative to the web root, src/platform/ui). */
const boardModule = '../../features/stays/ui/BoardPage.tsx';

/** The files the board's chunk needs that the entry does not already load: its chunk, imports and CSS. */
export function chunksOf(manifest: Record<string, ManifestEntry>, key: string): { scripts: string[]; styles: string[] } {
  const entry = Object.values(manifest).find((e) => e.isEntry);
  const loaded = new Set<string>();
  const walk = (k: string, into: Set<string>) => {
    if (into.has(k) || !manifest[k]) return;
    into.add(k);
    for (const i of manifest[k].imports ?? []) walk(i, into);
  };
  const entryKey = Object.keys(manifest).find((k) => manifest[k] === entry);
  if (entryKey) walk(entryKey, loaded);
  const needed = new Set<string>();
  walk(key, needed);
  const keys = [...needed].filter((k) => !loaded.has(k));
  return {
    scripts: keys.map((k) => `/${manifest[k]!.file}`),
    styles: [...new Set(keys.flatMap((k) => manifest[k]!.css ?? []))].map((f) => `/${f}`),
  };
}

/** index.html with the board's chunks preloaded; the shell unchanged when the build has no manifest. */
export function homePageHtml(webRoot: string, indexHtml: string): string {
  const file = join(webRoot, '.vite', 'manifest.json');
  if (!existsSync(file)) return indexHtml;
  const { scripts, styles } = chunksOf(JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestEntry>, boardModule);
  const links = [
    ...scripts.map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
    ...styles.map((href) => `<link rel="stylesheet" crossorigin href="${href}">`),
  ].join('\n    ');
  return links ? indexHtml.replace('</head>', `  ${links}\n  </head>`) : indexHtml;
}
