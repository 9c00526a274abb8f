// Reference data for the filing portal: what the office publishes of the classifications it uses.
export { niceClasses, searchNiceTerms, kindOfClass } from './use-cases/nice-terms.ts';
