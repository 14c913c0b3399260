import { describe, expect, it } from '@jest/globals';
import type { DiscoveryDocument } from '@mge/contracts';
import { MasterPlan, planMilestones, planTasks } from '@mge/contracts';
import { planProject } from './index.js';
import { clashingNames, library, taskTracker, userManagement } from './spec-support/documents.js';

const documents: [string, DiscoveryDocument][] = [
  ['user management', userManagement],
  ['task tracker', taskTracker],
  ['library', library],
  ['clashing names', clashingNames],
];

/** Whether following dependsOn from any task comes back to it. */
function hasCycle(edges: ReadonlyMap<string, readonly string[]>): boolean {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 'done') return false;
    if (state.get(id) === 'open') return true;
    state.set(id, 'open');
    const found = (edges.get(id) ?? []).some(visit);
    state.set(id, 'done');
    return found;
  };
  return [...edges.keys()].some(visit);
}

describe.each(documents)('the plan for %s', (_name, doc) => {
  const plan = planProject(doc);
  const milestones = planMilestones(plan);
  const tasks = planTasks(plan);

  it('is a valid MasterPlan with the phases setup, core, polish', () => {
    expect(MasterPlan.safeParse(plan).success).toBe(true);
    expect(plan.phases.map((p) => p.id)).toEqual(['setup', 'core', 'polish']);
    expect(plan.phases.map((p) => p.milestones.map((m) => m.kind))).toEqual([
      ['infrastructure'],
      doc.entities.map(() => 'entity'),
      ['integration'],
    ]);
  });

  it('has one entity milestone per entity, with the entity named', () => {
    const entities = plan.phases[1]!.milestones.map((m) => m.entity);
    expect([...entities].sort()).toEqual(doc.entities.map((e) => e.name).sort());
  });

  it('has unique ids, one task per file, and tasks that name their milestone', () => {
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
    expect(new Set(tasks.map((t) => t.file)).size).toBe(tasks.length);
    expect(new Set(milestones.map((m) => m.id)).size).toBe(milestones.length);
    for (const m of milestones) for (const t of m.tasks) expect(t.milestoneId).toBe(m.id);
  });

  it('has task dependencies that exist and form no cycle', () => {
    const ids = new Set(tasks.map((t) => t.id));
    for (const t of tasks) for (const d of t.dependsOn) expect(ids.has(d)).toBe(true);
    expect(hasCycle(new Map(tasks.map((t) => [t.id, t.dependsOn])))).toBe(false);
  });

  it('orders milestones so each depends only on earlier ones', () => {
    const seen = new Set<string>();
    for (const m of milestones) {
      for (const d of m.dependsOn) expect(seen.has(d)).toBe(true);
      seen.add(m.id);
    }
    const taskMilestone = new Map(tasks.map((t) => [t.id, t.milestoneId]));
    for (const t of tasks) for (const d of t.dependsOn) expect(seen.has(taskMilestone.get(d)!)).toBe(true);
  });

  it('makes entity milestones depend on the infrastructure, never on the integration', () => {
    for (const m of plan.phases[1]!.milestones) {
      expect(m.dependsOn).toContain('m-infra');
      expect(m.dependsOn).not.toContain('m-integration');
      expect(m.tasks.map((t) => t.kind)).toEqual(['source', 'source', 'test']);
    }
  });

  it('gives each task a kind, a size and the symbols it exports', () => {
    for (const t of tasks) {
      expect(t.estimatedLines).toBeGreaterThan(0);
      expect(t.kind).toBe(t.file.endsWith('.test.ts') ? 'test' : t.file.endsWith('.ts') ? 'source' : 'asset');
      if (t.kind === 'source') expect(t.exports.length).toBeGreaterThan(0);
      if (t.kind === 'asset') expect(t.exports).toEqual([]);
    }
  });

  it('plans the files of the generated project', () => {
    const files = tasks.map((t) => t.file);
    for (const file of [
      'package.json',
      'tsconfig.json',
      'README.md',
      'src/config.ts',
      'src/app.ts',
      'src/main.ts',
    ])
      expect(files).toContain(file);
    expect(files).toContain('src/app.test.ts');
  });
});

describe('milestone order', () => {
  it('puts referenced entities first and makes their referrers depend on them', () => {
    const core = planProject(taskTracker).phases[1]!.milestones;
    expect(core.map((m) => m.id)).toEqual(['m-project', 'm-task']);
    expect(core[1]!.dependsOn).toEqual(['m-infra', 'm-project']);
    const routes = planTasks(planProject(taskTracker)).find((t) => t.id === 'task-routes')!;
    expect(routes.dependsOn).toContain('project-model');
  });

  it('orders a library: books and members before loans', () => {
    const core = planProject(library).phases[1]!.milestones.map((m) => m.entity);
    expect(core.indexOf('Loan')).toBeGreaterThan(core.indexOf('Book'));
    expect(core.indexOf('Loan')).toBeGreaterThan(core.indexOf('Member'));
  });

  it('cuts a reference cycle at its first entity, keeping the milestone graph acyclic', () => {
    const core = planProject(clashingNames).phases[1]!.milestones;
    expect(core.map((m) => m.entity)).toEqual(['Response', 'Config', 'Route']);
    expect(core[1]!.dependsOn).toEqual(['m-infra']);
    expect(core[2]!.dependsOn).toEqual(['m-infra', 'm-config']);
  });

  it('makes the integration depend on every other milestone', () => {
    const plan = planProject(library);
    const integration = plan.phases[2]!.milestones[0]!;
    expect(integration.dependsOn).toEqual(
      planMilestones(plan)
        .slice(0, -1)
        .map((m) => m.id),
    );
  });

  it('returns equal plans for equal documents, and copies callers may change', () => {
    const first = planProject(taskTracker);
    first.phases[0]!.milestones[0]!.tasks.length = 0;
    expect(planProject(structuredClone(taskTracker))).toEqual(planProject(taskTracker));
    expect(planProject(taskTracker).phases[0]!.milestones[0]!.tasks.length).toBeGreaterThan(0);
  });
});
