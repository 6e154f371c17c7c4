import { generateKeyPair, type KeyObject, randomBytes, sign as signData } from 'node:crypto';
import { isIPv4 } from 'node:net';
import { promisify } from 'node:util';
import * as der from './der.ts';

const hour = 60 * 60 * 1000;
const oid = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
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
  readonly #privateKey: KeyObject;

  private constructor(name: string, certificatePem: string, privateKey: KeyObject) {
    this.#name = name;
    this.certificatePem = certificatePem;
    this.#privateKey = privateKey;
  }

  /** Makes a new CA with a fresh key. `name` is its common name. */
  static async create(name = 'kubeconflict test CA'): Promise<CertificateAuthority> {
    const keys = await generateKeys();
    const certificate = certificatePem({
      subject: [[oid.commonName, name]],
      issuer: [[oid.commonName, name]],
      publicKey: keys.publicKey,
      signingKey: keys.privateKey,
      extensions: [
        extension(oid.basicConstraints, true, der.sequence(der.boolean(true), der.smallInteger(0))),
        extension(oid.keyUsage, true, der.namedBits(keyUsageBits.keyCertSign | keyUsageBits.cRLSign)),
      ],
    });
    return new CertificateAuthority(name, certificate, keys.privateKey);
  }

  /** Issues a serving or client certificate signed by this CA, with a fresh key. */
  async issue(request: CertificateRequest): Promise<IssuedCertificate> {
    const keys = await generateKeys();
    const organizations = request.kind === 'client' ? (request.organizations ?? []) : [];
    const purpose = request.kind === 'server' ? oid.serverAuth : oid.clientAuth;
    const extensions = [
      // cA defaults to false, and DER leaves out a default: an empty sequence.
      extension(oid.basicConstraints, true, der.sequence()),
      extension(oid.keyUsage, true, der.namedBits(keyUsageBits.digitalSignature)),
      extension(oid.extendedKeyUsage, false, der.sequence(der.objectIdentifier(purpose))),
    ];
    if (request.kind === 'server') {
      extensions.push(extension(oid.subjectAltName, false, subjectAltNames(request.dnsNames, request.ipAddresses)));
    }
    return {
      certificatePem: certificatePem({
        subject: [[oid.commonName, request.commonName], ...organizations.map((o) => [oid.organization, o] as const)],
        issuer: [[oid.commonName, this.#name]],
        publicKey: keys.publicKey,
        signingKey: this.#privateKey,
        extensions,
      }),
      privateKeyPem: privateKeyPem(keys.privateKey),
    };
  }
}

/** A key pair for signing service-account tokens (ECDSA P-256, PEM). */
export async function createSigningKeyPair(): Promise<{ publicKeyPem: string; privateKeyPem: string }> {
  const keys = await generateKeys();
  return {
    publicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }) as string,
    privateKeyPem: privateKeyPem(keys.privateKey),
  };
}

type Name = readonly (readonly [string, string])[];

/** A signed X.509 v3 certificate (RFC 5280 4.1) in PEM. */
function certificatePem(options: {
  subject: Name;
  issuer: Name;
  publicKey: KeyObject;
  signingKey: KeyObject;
  extensions: Uint8Array[];
}): string {
  const signatureAlgorithm = der.sequence(der.objectIdentifier(oid.ecdsaWithSha256));
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f; // positive, and at most 16 bytes once encoded
  serial[15] = (serial[15] ?? 0) | 1; // and never zero
  const now = Date.now();
  const tbsCertificate = der.sequence(
    der.explicit(0, der.smallInteger(2)), // v3
    der.unsignedInteger(serial),
    signatureAlgorithm,
    name(options.issuer),
    // An hour back absorbs clock differences between the processes that check it.
    der.sequence(der.time(new Date(now - hour)), der.time(new Date(now + 24 * hour))),
    name(options.subject),
    options.publicKey.export({ type: 'spki', format: 'der' }),
    der.explicit(3, der.sequence(...options.extensions)),
  );
  // node:crypto's ECDSA signature is already the DER Ecdsa-Sig-Value that X.509 carries.
  const signature = signData('sha256', tbsCertificate, options.signingKey);
  return pem('CERTIFICATE', der.sequence(tbsCertificate, signatureAlgorithm, der.bitString(signature)));
}

/** A distinguished name: one attribute per relative distinguished name, in order. */
function name(attributes: Name): Uint8Array {
  return der.sequence(
    ...attributes.map(([type, value]) => der.set(der.sequence(der.objectIdentifier(type), der.utf8String(value)))),
  );
}

function extension(extnID: string, critical: boolean, value: Uint8Array): Uint8Array {
  // `critical` defaults to false, so DER writes it only when true.
  const flag = critical ? [der.boolean(true)] : [];
  return der.sequence(der.objectIdentifier(extnID), ...flag, der.octetString(value));
}

function subjectAltNames(dnsNames: readonly string[], ipAddresses: readonly string[]): Uint8Array {
  // GeneralName's dNSName is [2] IA5String and iPAddress [7] OCTET STRING (RFC 5280 4.2.1.6).
  return der.sequence(
    ...dnsNames.map((dnsName) => der.implicit(2, Buffer.from(dnsName, 'ascii'))),
    ...ipAddresses.map((address) => der.implicit(7, ipBytes(address))),
  );
}

function ipBytes(address: string): Uint8Array {
  if (!isIPv4(address)) throw new RangeError(`only IPv4 addresses are supported in certificates; got ${address}`);
  return new Uint8Array(address.split('.').map(Number));
}

const generateEcKeyPair = promisify(generateKeyPair);

async function generateKeys(): Promise<{ publicKey: KeyObject; privateKey: KeyObject }> {
  return generateEcKeyPair('ec', { namedCurve: 'P-256' });
}

function privateKeyPem(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }) as string;
}

function pem(label: string, der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
