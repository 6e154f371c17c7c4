import { randomBytes, webcrypto } from 'node:crypto';
import { isIPv4 } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const keyAlgorithm = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const hour = 60 * 60 * 1000;
const oid = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extendedKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;
// KeyUsage bits, first octet, most significant bit first (RFC 5280 4.2.1.3).
const keyUsageBits = { digitalSignature: 0x80, keyCertSign: 0x04, cRLSign: 0x02 } as const;

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto }));

/** A PEM certificate and its PEM (PKCS #8) private key. */
export interface IssuedCertificate {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

/** What a certificate is for; subject alternative names only for servers. */
export type CertificateRequest =
  | {
      readonly kind: 'server';
      readonly commonName: string;
      readonly dnsNames: string[];
      readonly ipAddresses: string[];
    }
  | { readonly kind: 'client'; readonly commonName: string; readonly organizations?: string[] };

/**
 * A throwaway certificate authority for test servers: a server gets a certificate from
 * it and clients trust its certificate, so TLS verification stays on. Keys are ECDSA
 * P-256 (made in about a millisecond); certificates are valid for a day.
 */
export class CertificateAuthority {
  readonly certificatePem: string;
  readonly #name: string;
  readonly #privateKey: webcrypto.CryptoKey;

  private constructor(name: string, certificatePem: string, privateKey: webcrypto.CryptoKey) {
    this.#name = name;
    this.certificatePem = certificatePem;
    this.#privateKey = privateKey;
  }

  /** Makes a new CA with a fresh key. `name` is its common name. */
  static async create(name = 'kubeconflict test CA'): Promise<CertificateAuthority> {
    const keys = await generateKeys();
    const certificate = await sign({
      subject: [[oid.commonName, name]],
      issuer: [[oid.commonName, name]],
      publicKey: keys.publicKey,
      signingKey: keys.privateKey,
      extensions: [
        extension(
          oid.basicConstraints,
          true,
          new pkijs.BasicConstraints({ cA: true, pathLenConstraint: 0 }).toSchema(),
        ),
        extension(oid.keyUsage, true, keyUsage(keyUsageBits.keyCertSign | keyUsageBits.cRLSign)),
      ],
    });
    return new CertificateAuthority(name, certificate, keys.privateKey);
  }

  /** Issues a serving or client certificate signed by this CA, with a fresh key. */
  async issue(request: CertificateRequest): Promise<IssuedCertificate> {
    const keys = await generateKeys();
    const organizations = request.kind === 'client' ? (request.organizations ?? []) : [];
    const extensions = [
      extension(oid.basicConstraints, true, new pkijs.BasicConstraints({ cA: false }).toSchema()),
      extension(oid.keyUsage, true, keyUsage(keyUsageBits.digitalSignature)),
      extension(
        oid.extendedKeyUsage,
        false,
        new pkijs.ExtKeyUsage({
          keyPurposes: [request.kind === 'server' ? oid.serverAuth : oid.clientAuth],
        }).toSchema(),
      ),
    ];
    if (request.kind === 'server') {
      extensions.push(extension(oid.subjectAltName, false, subjectAltNames(request.dnsNames, request.ipAddresses)));
    }
    const certificatePem = await sign({
      subject: [[oid.commonName, request.commonName], ...organizations.map((o) => [oid.organization, o] as const)],
      issuer: [[oid.commonName, this.#name]],
      publicKey: keys.publicKey,
      signingKey: this.#privateKey,
      extensions,
    });
    return { certificatePem, privateKeyPem: await privateKeyPem(keys.privateKey) };
  }
}

/** A key pair for signing service-account tokens (ECDSA P-256, PEM). */
export async function createSigningKeyPair(): Promise<{ publicKeyPem: string; privateKeyPem: string }> {
  const keys = await generateKeys();
  return {
    publicKeyPem: pem('PUBLIC KEY', await webcrypto.subtle.exportKey('spki', keys.publicKey)),
    privateKeyPem: await privateKeyPem(keys.privateKey),
  };
}

type Name = readonly (readonly [string, string])[];

async function sign(options: {
  subject: Name;
  issuer: Name;
  publicKey: webcrypto.CryptoKey;
  signingKey: webcrypto.CryptoKey;
  extensions: pkijs.Extension[];
}): Promise<string> {
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  const serial = randomBytes(16);
  // Positive (top bit clear) and minimally encoded (first byte non-zero): DER refuses a
  // leading zero byte before a byte below 0x80 as padding.
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
  certificate.serialNumber = new asn1js.Integer({ valueHex: serial });
  fillName(certificate.subject, options.subject);
  fillName(certificate.issuer, options.issuer);
  // An hour back absorbs clock differences between the processes that check it.
  certificate.notBefore.value = new Date(Date.now() - hour);
  certificate.notAfter.value = new Date(Date.now() + 24 * hour);
  certificate.extensions = options.extensions;
  await certificate.subjectPublicKeyInfo.importKey(options.publicKey);
  await certificate.sign(options.signingKey, 'SHA-256');
  return pem('CERTIFICATE', certificate.toSchema(true).toBER(false));
}

function fillName(target: pkijs.RelativeDistinguishedNames, name: Name): void {
  for (const [type, value] of name) {
    target.typesAndValues.push(new pkijs.AttributeTypeAndValue({ type, value: new asn1js.Utf8String({ value }) }));
  }
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

function keyUsage(bits: number): asn1js.BitString {
  return new asn1js.BitString({ valueHex: new Uint8Array([bits]) });
}

function subjectAltNames(dnsNames: readonly string[], ipAddresses: readonly string[]): asn1js.Sequence {
  const names = [
    ...dnsNames.map((value) => new pkijs.GeneralName({ type: 2, value })),
    ...ipAddresses.map(
      (value) => new pkijs.GeneralName({ type: 7, value: new asn1js.OctetString({ valueHex: ipBytes(value) }) }),
    ),
  ];
  return new pkijs.GeneralNames({ names }).toSchema();
}

function ipBytes(address: string): Uint8Array {
  if (!isIPv4(address)) throw new RangeError(`only IPv4 addresses are supported in certificates; got ${address}`);
  return new Uint8Array(address.split('.').map(Number));
}

async function generateKeys(): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey(keyAlgorithm, true, ['sign', 'verify']);
}

async function privateKeyPem(key: webcrypto.CryptoKey): Promise<string> {
  return pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', key));
}

function pem(label: string, der: ArrayBuffer): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
