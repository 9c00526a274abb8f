// The portfolio of an applicant or agent: their cases ordered by the next deadline.
export { listPortfolio } from './use-cases/list-portfolio.ts';
