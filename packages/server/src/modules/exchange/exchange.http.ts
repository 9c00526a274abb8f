// Routes of the exchange module: a case as a WIPO ST.96 V6_0 document, in XML or as its JSON mirror.
// The public register serves what it publishes of a public case; office staff get any case in full.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Office } from '../../app/office.ts';
import { DomainError } from '../../kernel/errors.ts';
import * as repo from './exchange.repository.ts';
import { isExportRight } from './st96/model.ts';
import { loadExportCases, st96Json, st96Record, type ExportCase } from './index.ts';

const XML_TYPE = 'application/xml; charset=utf-8';

/** An abridged record, to show the shape of the JSON mirror. */
const JSON_EXAMPLE = {
  TrademarkApplication: {
    st96Version: 'V6_0',
    TrademarkBag: {
      Trademark: [{
        RegistrationOfficeCode: 'XX',
        ApplicationNumber: { ApplicationNumberText: 'TM-2026-000001' },
        RegistrationNumber: 'TM-2026-000001',
        ApplicationDate: '2026-01-05',
        RegistrationDate: '2026-04-08',
        ExpiryDate: '2036-01-05',
        MarkCurrentStatusCode: 'Registration published',
        MarkCurrentStatusDate: '2026-04-08',
        MarkCategory: ['Trademark'],
        MarkRepresentation: { MarkFeatureCategory: 'Word', MarkReproduction: { WordMarkSpecification: { MarkVerbalElementText: 'AURORA', MarkSignificantVerbalElementText: 'AURORA', MarkStandardCharacterIndicator: true } } },
        GoodsServicesBag: {
          GoodsServices: [{
            GoodsServicesClassificationBag: { GoodsServicesClassification: [{ ClassificationKindCode: 'Nice', ClassNumber: '30' }] },
            ClassDescriptionBag: { ClassDescription: [{ ClassNumber: '30', GoodsServicesDescriptionText: [{ sequenceNumber: 1, value: 'coffee; tea' }], ClassificationTermBag: { ClassificationTerm: [{ ClassificationTermText: 'coffee' }, { ClassificationTermText: 'tea' }] } }] },
          }],
        },
        ApplicantBag: { Applicant: [{ sequenceNumber: 1, PublicationContact: { Name: { OrganizationName: { OrganizationStandardName: 'Aurora Coffee Ltd' } }, CountryCode: 'FR' } }] },
        MarkEventBag: {
          MarkEvent: [
            { MarkEventCategory: 'Filing date accorded', NationalMarkEvent: { MarkEventCode: 'file', MarkEventDescriptionText: ['Application filed'], MarkEventEntryNumber: 1 }, MarkEventDate: '2026-01-05' },
            { MarkEventCategory: 'Registration published', NationalMarkEvent: { MarkEventCode: 'register', MarkEventDescriptionText: ['Mark registered'], MarkEventEntryNumber: 7 }, MarkEventDate: '2026-04-08' },
          ],
        },
      }],
    },
  },
};

const JSON_DESCRIPTION = 'The ST.96 document as JSON (ST.97 style): element names without their namespace prefix as keys, the same nesting as the XML, '
  + 'an element the schema lets repeat always an array (even of one), attributes as keys beside the children (an element with attributes and text '
  + 'carries its text under "value"), numbers and booleans as JSON numbers and booleans. The root is the document element of the right: '
  + 'TrademarkApplication, DesignApplicationBag, PatentLegalStatusData (patents and utility models) or GITransaction.';

const XML_DESCRIPTION = 'A WIPO ST.96 V6_0 document holding the case, valid against the official schema of its root element: '
  + 'TrademarkApplication (TrademarkBag), DesignApplicationBag, PatentLegalStatusData (patents and utility models: ST.27 legal status with the bibliographic data) '
  + 'or GITransaction (the indication and its events as GI records).';

const responses = (what: 'xml' | 'json') => ({
  200: what === 'xml'
    ? { description: XML_DESCRIPTION, content: { 'application/xml': { schema: { type: 'string' } } } }
    : { description: JSON_DESCRIPTION, content: { 'application/json': { schema: { type: 'object', additionalProperties: true, example: JSON_EXAMPLE } } } },
});

async function exportOf(office: Office, idOrNumber: string, publicOnly: boolean): Promise<ExportCase> {
  const found = await repo.findCase(office.db, idOrNumber);
  // A case the public may not see does not exist for it, as in the register.
  if (!found || (publicOnly && !found.public)) throw new DomainError('CASE_NOT_FOUND', `Case ${idOrNumber} not found`, 404);
  if (!isExportRight(found.right_kind)) {
    throw new DomainError('ST96_NOT_AVAILABLE', `Case ${idOrNumber} is a ${found.right_kind} case: ST.96 records exist for trademarks, designs, patents, utility models and geographical indications`, 404, { right: found.right_kind });
  }
  const [c] = await loadExportCases(office.db, [found.id], { publicOnly });
  if (!c) throw new DomainError('CASE_NOT_FOUND', `Case ${idOrNumber} not found`, 404);
  return c;
}

const sendXml = (reply: FastifyReply, c: ExportCase) => reply.type(XML_TYPE).send(st96Record(c));
const sendJson = (reply: FastifyReply, c: ExportCase) => reply.type('application/json; charset=utf-8').send(st96Json(c));

export async function exchangeRoutes(api: FastifyInstance, office: Office) {
  const number = { type: 'object', required: ['number'], properties: { number: { type: 'string', minLength: 1, maxLength: 100 } } } as const;
  const id = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } } as const;

  api.get<{ Params: { number: string } }>('/register/:number/st96.xml', {
    config: { access: 'public' },
    schema: {
      tags: ['register'], security: [], params: number, response: responses('xml'),
      summary: 'A published case as WIPO ST.96 V6_0 XML: what the register publishes of it (names and countries of the parties, no contact details); a case not public is not found',
    },
  }, async (req, reply) => sendXml(reply, await exportOf(office, req.params.number, true)));

  api.get<{ Params: { number: string } }>('/register/:number/st96.json', {
    config: { access: 'public' },
    schema: {
      tags: ['register'], security: [], params: number, response: responses('json'),
      summary: 'A published case as the JSON mirror of its WIPO ST.96 V6_0 document (ST.97 style); a case not public is not found',
    },
  }, async (req, reply) => sendJson(reply, await exportOf(office, req.params.number, true)));

  api.get<{ Params: { id: string } }>('/cases/:id/st96.xml', {
    config: { access: 'office' },
    schema: {
      tags: ['cases'], params: id, response: responses('xml'),
      summary: 'Any case (id or number) as WIPO ST.96 V6_0 XML with its full data, for office staff',
    },
  }, async (req, reply) => {
    return sendXml(reply, await exportOf(office, req.params.id, false));
  });

  api.get<{ Params: { id: string } }>('/cases/:id/st96.json', {
    config: { access: 'office' },
    schema: {
      tags: ['cases'], params: id, response: responses('json'),
      summary: 'Any case (id or number) as the JSON mirror of its WIPO ST.96 V6_0 document with its full data, for office staff',
    },
  }, async (req, reply) => {
    return sendJson(reply, await exportOf(office, req.params.id, false));
  });
}
