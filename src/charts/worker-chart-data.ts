// The charts' ChartData port answered by the chart workers, each reading the store on its own
// read-only connection: counting a year of a large store then holds no one's reply.
import type { ChartData, ChartFilter, DayRange, PeriodCounts, PlaceActivity } from '../core/charts/chart-data-port.js';
import type { PeriodUnit } from '../core/charts/chart.js';
import type { WorkerChartRenderer } from './render-pool.js';

export class WorkerChartData implements ChartData {
  constructor(private readonly pool: WorkerChartRenderer) {}

  dayRange(filter: ChartFilter): Promise<DayRange | undefined> {
    return this.pool.query('dayRange', [filter]) as Promise<DayRange | undefined>;
  }

  periodCounts(filter: ChartFilter & { since: string; until: string }, unit: PeriodUnit): Promise<PeriodCounts> {
    return this.pool.query('periodCounts', [filter, unit]) as Promise<PeriodCounts>;
  }

  placeActivity(filter: ChartFilter): Promise<PlaceActivity[]> {
    return this.pool.query('placeActivity', [filter]) as Promise<PlaceActivity[]>;
  }
}
