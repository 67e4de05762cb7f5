import { describe, expect, it } from 'vitest';
import { inProcessExecutor } from '../experiments/executor.ts';
import { runJob } from '../experiments/jobs.ts';
import { loadPreset } from '../scenarios/presets.ts';
import { shippedAllocation } from './allocation.ts';
import { optimisePosts, postsPareto } from './optimise-posts.ts';
import { allocationMarkdown, paretoMarkdown } from './optimise-report.ts';

const lg = loadPreset('longgang-2021');

describe('optimising the allocation on the model', () => {
  const exec = inProcessExecutor(runJob);
  const options = { base: lg, runs: 100, days: 6, warmupDays: 1, budgetReplications: 3, seed: 5 };

  it('races the shipped allocation against the best found on the same seeds, with intervals', async () => {
    const r = await optimisePosts(exec, options);
    expect(r.totalCityPosts).toBeCloseTo(1863, 6);
    expect(r.budget.how).toBe('shipped');
    expect(r.budget.interval!.lo).toBeLessThanOrEqual(r.budget.yuan);
    expect(r.shipped.shipped).toBe(true);
    expect(r.shipped.x).toEqual(shippedAllocation(lg));
    expect(r.designs[0]).toBe(r.best);
    for (const d of r.designs) {
      expect(d.places.total).toBeCloseTo(1863, 6);
      const t = d.figures['hoursToCloseAll.mean'];
      expect(t.lo).toBeLessThanOrEqual(t.mean);
      expect(t.hi).toBeGreaterThanOrEqual(t.mean);
      expect(d.runs).toBeGreaterThanOrEqual(5);
    }
    // The best's own paired difference is zero; the rest are measured against it.
    expect(r.best.difference.mean).toBe(0);
    expect(r.runs).toBeLessThanOrEqual(100 + 3);
    const md = allocationMarkdown(r);
    expect(md).toContain('**shipped**: 26 middle units × 11.5, centre 30, hotline 20');
    expect(md).toMatch(/1,863 city posts/);
    // The same options give the same result.
    expect(await optimisePosts(exec, options)).toEqual(r);
  }, 120_000);

  it('gives a front of cost against time with the total of posts free, the shipped allocation apart', async () => {
    await expect(postsPareto(exec, { ...options, runs: 300 })).rejects.toThrow(/runs: expected at least 500 for a front of 5 points/);
    const r = await postsPareto(exec, { ...options, runs: 500 });
    expect(r.front.length).toBeGreaterThan(0);
    expect(r.shipped.places.total).toBeCloseTo(1863, 6);
    expect(r.shipped.runs).toBe(3);
    for (const d of r.front) {
      expect(d.x).not.toEqual(r.shipped.x);
      expect(d.places.total / 1863).toBeCloseTo(d.x.totalPosts, 6);
    }
    // Non-dominated on the means, by increasing cost.
    for (let i = 1; i < r.front.length; i++) {
      expect(r.front[i].cost.mean).toBeGreaterThanOrEqual(r.front[i - 1].cost.mean);
      expect(r.front[i].hours.mean).toBeLessThan(r.front[i - 1].hours.mean);
    }
    const md = paretoMarkdown(r, { name: lg.name, days: 6, warmupDays: 1, targets: [] });
    expect(md).toContain('**shipped**: 26 middle units × 11.5');
  }, 240_000);
});
