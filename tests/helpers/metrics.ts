/** GET /metrics from a test: the Prometheus text read into samples, and the value of one. */
import { expect } from 'vitest';
import type { TestApp } from './app.js';

export const METRICS_TOKEN = 'metrics-scraper-token-0123';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format, sample lines only. */
export function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
      return { name: match[1] ?? '', labels, value: Number(match[3]) };
    });
}

/** The value of the one sample of `name` whose labels include `labels`; 0 when there is none. */
export function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return found[0]?.value ?? 0;
}

export async function getMetrics(t: TestApp, authorization?: string): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(`${t.app.url}/metrics`, authorization === undefined ? {} : { headers: { authorization } });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** The samples a scraper with METRICS_TOKEN gets (the app started with it set). */
export async function scrape(t: TestApp): Promise<Sample[]> {
  const { status, text } = await getMetrics(t, `Bearer ${METRICS_TOKEN}`);
  expect(status).toBe(200);
  return parse(text);
}
