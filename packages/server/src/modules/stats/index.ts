// The office's statistics: the dashboard of the back office.
export { dashboard, pendingStates, titleActs, isoWeek, type StatsDeps } from './use-cases/dashboard.ts';
