// The process of an St96Validator: validates the documents sent to it, one at a time, and ends with
// its parent.
import { validateSt96, type St96Validation } from './validator.ts';

process.on('message', ({ id, xml }: { id: number; xml: string }) => {
  const t0 = performance.now();
  let result: St96Validation;
  try { result = validateSt96(xml); } catch (e) { result = { valid: false, errors: [(e as Error).message] }; }
  process.send!({ id, result: { ...result, seconds: (performance.now() - t0) / 1000 } });
});
process.on('disconnect', () => process.exit(0));
