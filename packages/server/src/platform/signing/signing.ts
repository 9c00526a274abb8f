// The office's signature on its outgoing PDFs: a PAdES baseline signature (SubFilter
// ETSI.CAdES.detached; a CMS SignedData whose signed attributes are the content type, the message
// digest and the ESS signing-certificate-v2 naming the office certificate), made with the key of a
// PKCS#12 file given at start, or with a key made for the demo office. Any PDF reader or verifier
// (e.g. poppler's pdfsig) checks it with the certificate it carries.
import { createHash, createPrivateKey, createSign, generateKeyPairSync, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import forge from 'node-forge';
import { SignPdf, Signer } from '@signpdf/signpdf';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';

const { asn1 } = forge;
const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
};

export class SigningKeyError extends Error {}

/** The office's signing key and certificate (with any chain up to its authority). */
export interface OfficeSigningKey {
  privateKey: KeyObject;
  /** DER of the signing certificate, then of the chain. */
  certificates: Buffer[];
  /** The signing certificate, for display: subject, issuer, validity, SHA-256 fingerprint. */
  describe(): { subject: string; issuer: string; validFrom: string; validTo: string; fingerprint256: string };
}

function keyOf(privateKey: KeyObject, certificates: Buffer[]): OfficeSigningKey {
  if (!certificates.length) throw new SigningKeyError('the PKCS#12 file holds no certificate');
  const cert = new X509Certificate(certificates[0]);
  if (!cert.checkPrivateKey(privateKey)) throw new SigningKeyError('the private key does not belong to the first certificate');
  return {
    privateKey, certificates,
    describe: () => ({ subject: cert.subject, issuer: cert.issuer, validFrom: cert.validFrom, validTo: cert.validTo, fingerprint256: cert.fingerprint256 }),
  };
}

const derOf = (cert: forge.pki.Certificate) => Buffer.from(asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');

/** Reads a PKCS#12 (.p12/.pfx) file: its private key and its certificates, the one matching the key first. */
export function loadPkcs12(p12: Buffer, passphrase: string): OfficeSigningKey {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1.fromDer(p12.toString('binary')), false, passphrase);
  } catch (e) {
    throw new SigningKeyError(`cannot open the PKCS#12 file (wrong passphrase or not PKCS#12): ${(e as Error).message}`);
  }
  const keyBags = [
    ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const forgeKey = keyBags.find((b) => b.key)?.key;
  if (!forgeKey) throw new SigningKeyError('the PKCS#12 file holds no private key');
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(forgeKey));
  const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).flatMap((b) => (b.cert ? [derOf(b.cert)] : []));
  const own = certs.findIndex((der) => new X509Certificate(der).checkPrivateKey(privateKey));
  if (own < 0) throw new SigningKeyError('no certificate in the PKCS#12 file matches its private key');
  return keyOf(privateKey, [certs[own], ...certs.filter((_, i) => i !== own)]);
}

/** A PKCS#12 file holding a new key and a self-signed certificate for `officeName` (the demo office). */
export function makeDemoPkcs12(officeName: string, officeCode: string, passphrase: string): Buffer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 86_400_000);
  const name = [{ name: 'commonName', value: `${officeName} (demonstration signing key)` }, { name: 'organizationName', value: officeName }, { shortName: 'C', value: officeCode.length === 2 ? officeCode : 'XX' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  cert.sign(forgeKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(forgeKey, [cert], passphrase, { algorithm: 'aes256', friendlyName: 'office signing key' });
  return Buffer.from(asn1.toDer(p12).getBytes(), 'binary');
}

/**
 * The demo office's key: made once and kept in `path` (so documents signed before a restart still
 * verify with the same certificate), or in memory only when `path` is null.
 */
export function demoSigningKey(path: string | null, officeName: string, officeCode: string): OfficeSigningKey {
  const passphrase = 'registrum-demo';
  if (path && existsSync(path)) return loadPkcs12(readFileSync(path), passphrase);
  const p12 = makeDemoPkcs12(officeName, officeCode, passphrase);
  if (path) { mkdirSync(dirname(path), { recursive: true }); writeFileSync(path, p12, { mode: 0o600 }); }
  return loadPkcs12(p12, passphrase);
}

// ----- CMS SignedData (RFC 5652) with the signed attributes PAdES baseline asks for -----

const oid = (o: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(o).getBytes());
const seq = (items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const octets = (b: Buffer) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, b.toString('binary'));
const der = (a: forge.asn1.Asn1) => Buffer.from(asn1.toDer(a).getBytes(), 'binary');
const fromDer = (b: Buffer) => asn1.fromDer(b.toString('binary'));
/** A DER SET OF: its elements sorted by their encodings. */
function setOf(items: forge.asn1.Asn1[], tagClass = asn1.Class.UNIVERSAL, tag: number = asn1.Type.SET) {
  const sorted = items.map((i) => ({ i, d: der(i) })).sort((a, b) => Buffer.compare(a.d, b.d)).map((x) => x.i);
  return asn1.create(tagClass, tag, true, sorted);
}
const attribute = (type: string, value: forge.asn1.Asn1) => seq([oid(type), setOf([value])]);

/** The detached CMS signature of `content` (the PDF's signed byte ranges) by `key`. */
export function cmsSign(content: Buffer, key: OfficeSigningKey): Buffer {
  const certDer = key.certificates[0];
  const certAsn1 = fromDer(certDer);
  // tbsCertificate: [version], serialNumber, signature, issuer, ...
  const tbs = (certAsn1.value as forge.asn1.Asn1[])[0].value as forge.asn1.Asn1[];
  const hasVersion = tbs[0].tagClass === asn1.Class.CONTEXT_SPECIFIC;
  const serial = tbs[hasVersion ? 1 : 0];
  const issuer = tbs[hasVersion ? 3 : 2];
  const sha256Alg = seq([oid(OID.sha256)]);
  const signedAttrs = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(createHash('sha256').update(content).digest())),
    // ESSCertIDv2 with the default hash algorithm (SHA-256), which DER leaves out.
    attribute(OID.signingCertificateV2, seq([seq([seq([octets(createHash('sha256').update(certDer).digest())])])])),
  ];
  // The signature covers the DER of the attributes as a SET; in the SignerInfo they are [0] IMPLICIT.
  const toSign = der(setOf(signedAttrs));
  const signature = createSign('sha256').update(toSign).sign(key.privateKey);
  const signerInfo = seq([
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, String.fromCharCode(1)),
    seq([issuer, serial]),
    sha256Alg,
    setOf(signedAttrs, asn1.Class.CONTEXT_SPECIFIC, 0),
    seq([oid(OID.rsaEncryption), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')]),
    octets(signature),
  ]);
  const signedData = seq([
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, String.fromCharCode(1)),
    setOf([sha256Alg]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, key.certificates.map(fromDer)),
    setOf([signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}

class CadesSigner extends Signer {
  constructor(private readonly key: OfficeSigningKey) { super(); }
  async sign(pdfBuffer: Buffer): Promise<Buffer> { return cmsSign(pdfBuffer, this.key); }
}

export interface SignatureInfo {
  /** Why the office signs, e.g. 'Registration certificate TM-2026-000123'. */
  reason: string;
  /** The office's name, shown as the signer. */
  name: string;
  location?: string;
  contactInfo?: string;
}

/** The PDF with the office's signature over all of it (an invisible signature field). */
export async function signPdf(pdf: Buffer, key: OfficeSigningKey, info: SignatureInfo): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf, reason: info.reason, name: info.name, location: info.location ?? '', contactInfo: info.contactInfo ?? '',
    subFilter: SUBFILTER_ETSI_CADES_DETACHED, signatureLength: 8192, appName: 'Registrum',
  });
  return new SignPdf().sign(withPlaceholder, new CadesSigner(key));
}
