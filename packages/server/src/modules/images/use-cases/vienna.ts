// The Vienna Classification as the office ships it (reference/vienna: the categories and, for some, their
// divisions), for pickers and for clients checking codes before they file.
import { VIENNA_CATEGORIES, VIENNA_DIVISIONS } from '@registrum/procedures';

export function viennaReference() {
  const divisionsOf = (cat: string) => Object.entries(VIENNA_DIVISIONS)
    .filter(([code]) => code.split('.')[0] === cat)
    .map(([code, title]) => ({ code, title }));
  return {
    classification: 'Vienna Classification of the figurative elements of marks',
    note: 'The 29 categories, and the divisions of the categories that list them; sections are not shipped. A transcription, to be checked against the official edition.',
    categories: Object.entries(VIENNA_CATEGORIES).map(([code, title]) => {
      const divisions = divisionsOf(code);
      return { code, title, divisionsListed: divisions.length > 0, divisions };
    }),
  };
}
