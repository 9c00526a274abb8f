// When the law lets the office erase a person's data from a case, field by field. Pure: the caller
// gives the facts. The register keeps what it must:
// - a name, while the case is pending or once it gave a right (the register shows who applied for and
//   who holds a right, and who held it before), and until the case's file has been kept for the
//   retention period after it ended; a company's name is not personal data at all;
// - an address or a nationality, while the person takes part in a pending case (the office serves its
//   notices there), and until the retention period after the case ended; a person who no longer takes
//   part (a representative replaced, a holder who transferred the right) need not be found there again;
// - an e-mail address, while the person takes part in a pending case (the office writes to it).
import { compareDates, computePeriodEnd, type LegalDate, type PeriodSpec } from '@registrum/procedures';
import { DomainError } from '../../kernel/errors.ts';
import type { ErasableField } from './classification.ts';

export interface ErasureFacts {
  party: { id: string; kind: 'natural' | 'legal'; current: boolean };
  /** The case has reached a final state, on `endedOn` (the date of the act that brought it there). */
  ended: boolean;
  endedOn: LegalDate | null;
  /** The case gave a right (a registration, a grant, the protection of a designation). */
  conferredRight: boolean;
  today: LegalDate;
  retention: PeriodSpec;
}

/** The last day of the retention period of an ended case (the file is kept whole until then), or null. */
export function retentionEnds(f: Pick<ErasureFacts, 'ended' | 'endedOn' | 'retention'>): LegalDate | null {
  return f.ended && f.endedOn ? computePeriodEnd(f.endedOn, f.retention, null).lastDay : null;
}

/** Why the field may not be erased now, or null when it may. */
export function erasureRefusal(field: ErasableField, f: ErasureFacts): DomainError | null {
  const until = retentionEnds(f);
  const keptUntil = () => (until && compareDates(f.today, until) <= 0
    ? new DomainError('ERASURE_RETENTION_NOT_ENDED', `The file of this case is kept whole until ${until} (the retention period after it ended); the ${field} may be erased after that`, 422, { party: f.party.id, field, until })
    : null);
  if (field === 'name') {
    if (f.party.kind === 'legal') return new DomainError('ERASURE_NOT_PERSONAL_DATA', 'The name of a company or other legal person is not personal data: the register keeps it', 422, { party: f.party.id, field });
    if (!f.ended || f.conferredRight) {
      return new DomainError('ERASURE_REGISTER_ENTRY', f.ended
        ? 'The register keeps the names of those who applied for and held a right, also after the right ended'
        : 'The register keeps the names of the parties of a pending case', 422, { party: f.party.id, field });
    }
    return keptUntil();
  }
  if (f.party.current && !f.ended) {
    return new DomainError('ERASURE_DATA_IN_USE', `The office still serves and writes to this party at its ${field === 'email' ? 'e-mail address' : field === 'address' ? 'address' : 'particulars'} while the case is pending`, 422, { party: f.party.id, field });
  }
  if (field === 'email' || !f.party.current) return null;
  return keptUntil();
}
