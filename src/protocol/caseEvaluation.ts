/**
 * Evaluation (综合评价) of GB/T 30428's case handling, for one day of the manager's daily report:
 * per street (街道/镇), per unit cell with cases and per handling department, how many cases were
 * registered, due, handled on time, handled, sent back and closed, and the rates over them. The
 * schemas are the types' source and document the summary route (docs/grid.md has the formulas).
 */
import { z } from 'zod';
import { TEAM_TYPES } from './assets';
import { RESPONSIBLE_UNITS } from './cityEvents';

/** The handling department: the kind of our team that took the work order, else the outside unit responsible. */
export const DEPARTMENTS = [...TEAM_TYPES, ...RESPONSIBLE_UNITS] as const;
export const DepartmentSchema = z.enum(DEPARTMENTS);
export type Department = z.infer<typeof DepartmentSchema>;

/** Departments' names, as the console names the units and team kinds (the CSV and the report page read them). */
export const DEPARTMENT_NAMES: Record<Department, { name: string; nameEn: string }> = {
  floodTeam: { name: '防汛队伍', nameEn: 'Flood teams' },
  pumpTruck: { name: '泵车', nameEn: 'Pump trucks' },
  repairCrew: { name: '抢修队', nameEn: 'Repair crews' },
  waterAuthority: { name: '水务局', nameEn: 'Water Authority' },
  trafficPolice: { name: '交警', nameEn: 'Traffic Police' },
  powerCompany: { name: '电力公司', nameEn: 'Power Company' },
  housing: { name: '住建委', nameEn: 'Housing Bureau' },
  cityAppearance: { name: '绿化市容局', nameEn: 'City Appearance Bureau' },
  urbanManagement: { name: '城管', nameEn: 'Urban Management' },
};

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1).nullable();

export const EvaluationFiguresSchema = z.object({
  /** 立案数: cases created that day. */
  registered: count,
  /** 应处置数: registered cases due by the day's end (or closed that day), cancelled ones left out. */
  due: count,
  /** 按期处置数: due cases whose fix, accepted by the passing check, came by their resolve deadline. */
  onTime: count,
  /** 处置数: cases with a passing check (核查) that day. */
  handled: count,
  /** 返工数: cases sent back (返工) at least once that day. */
  rework: count,
  /** 结案数: cases closed that day. */
  closed: count,
  /** onTime / due; null when nothing was due. */
  onTimeRate: rate,
  /** Due cases closed that day / due; null when nothing was due. */
  closureRate: rate,
  /** rework / the cases checked that day (passed or sent back); null when none was checked. */
  reworkRate: rate,
});
export type EvaluationFigures = z.infer<typeof EvaluationFiguresSchema>;

export const StreetEvaluationSchema = EvaluationFiguresSchema.extend({ streetCode: z.string(), name: z.string(), nameEn: z.string() });
export type StreetEvaluation = z.infer<typeof StreetEvaluationSchema>;

export const CellEvaluationSchema = EvaluationFiguresSchema.extend({ cellCode: z.string(), streetCode: z.string(), streetName: z.string(), streetNameEn: z.string() });
export type CellEvaluation = z.infer<typeof CellEvaluationSchema>;

export const DepartmentEvaluationSchema = EvaluationFiguresSchema.extend({ department: DepartmentSchema });
export type DepartmentEvaluation = z.infer<typeof DepartmentEvaluationSchema>;

export const CaseEvaluationSchema = z.object({
  /** The whole city, cases off the grid included. */
  city: EvaluationFiguresSchema,
  /** Streets with cases, worst on-time rate first (no rate last), then most registered. */
  streets: z.array(StreetEvaluationSchema),
  /** Cells with cases, busiest first. */
  cells: z.array(CellEvaluationSchema),
  /** Departments with cases, worst on-time rate first, as streets. */
  departments: z.array(DepartmentEvaluationSchema),
});
export type CaseEvaluation = z.infer<typeof CaseEvaluationSchema>;
