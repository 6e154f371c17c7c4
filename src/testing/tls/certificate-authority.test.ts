import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { CertificateAuthority, createSigningKeyPair } from './certificate-authority.ts';

describe('CertificateAuthority', () => {
  it('issues a serving certificate that a verifying client accepts, and a client certificate the server can check', async () => {
    const ca = await CertificateAuthority.create();
    const serving = await ca.issue({
      kind: 'server',
      commonName: 'test',
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1'],
    });
    const client = await ca.issue({ kind: 'client', commonName: 'admin', organizations: ['system:masters'] });
    const server = createServer(
      { cert: serving.certificatePem, key: serving.privateKeyPem, ca: ca.certificatePem, requestCert: true },
      (req, res) => {
        const peer = (req.socket as import('node:tls').TLSSocket).getPeerCertificate();
        res.end(`${String(peer.subject.CN)}/${String(peer.subject.O)}`);
      },
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, ca: ca.certificatePem, cert: client.certificatePem, key: client.privateKeyPem },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => {
              resolve(text);
            });
          },
        );
        req.on('error', reject);
        req.end();
      });
      assert.equal(body, 'admin/system:masters');
    } finally {
      server.close();
    }
  });

  it('a client that does not trust the CA refuses the server', async () => {
    const ca = await CertificateAuthority.create();
    const other = await CertificateAuthority.create('other');
    const serving = await ca.issue({ kind: 'server', commonName: 't', dnsNames: [], ipAddresses: ['127.0.0.1'] });
    const server = createServer({ cert: serving.certificatePem, key: serving.privateKeyPem }, (_req, res) => res.end());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      await assert.rejects(
        new Promise((resolve, reject) => {
          request({ host: '127.0.0.1', port, ca: other.certificatePem }, resolve).on('error', reject).end();
        }),
        { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
      );
    } finally {
      server.close();
    }
  });

  it('names the hosts in the serving certificate and marks the CA as a CA', async () => {
    const ca = await CertificateAuthority.create();
    const serving = await ca.issue({
      kind: 'server',
      commonName: 's',
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1'],
    });
    const cert = new X509Certificate(serving.certificatePem);
    assert.match(cert.subjectAltName ?? '', /DNS:localhost/);
    assert.match(cert.subjectAltName ?? '', /IP Address:127.0.0.1/);
    assert.ok(cert.checkIssued(new X509Certificate(ca.certificatePem)));
    assert.equal(new X509Certificate(ca.certificatePem).ca, true);
    assert.equal(cert.ca, false);
  });

  it('signs with the CA key a certificate valid from an hour ago for a day', async () => {
    const ca = await CertificateAuthority.create();
    const other = await CertificateAuthority.create('other');
    const issued = new X509Certificate(
      (await ca.issue({ kind: 'client', commonName: 'c', organizations: ['g1', 'g2'] })).certificatePem,
    );
    const caCertificate = new X509Certificate(ca.certificatePem);
    assert.ok(issued.verify(caCertificate.publicKey));
    assert.ok(!issued.verify(new X509Certificate(other.certificatePem).publicKey));
    assert.ok(caCertificate.verify(caCertificate.publicKey), 'the CA certificate is self-signed');
    assert.equal(issued.subject, 'CN=c\nO=g1\nO=g2');
    assert.equal(issued.issuer, 'CN=kubeconflict test CA');
    const hours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 3_600_000;
    assert.equal(hours(issued.validFrom, issued.validTo), 25);
    assert.ok(Date.parse(issued.validFrom) < Date.now() && Date.now() < Date.parse(issued.validTo));
  });

  it('every certificate it issues parses, whatever its random serial number', async () => {
    const ca = await CertificateAuthority.create();
    for (let i = 0; i < 300; i++) {
      const issued = await ca.issue({ kind: 'client', commonName: `c${String(i)}` });
      assert.doesNotThrow(() => new X509Certificate(issued.certificatePem));
    }
  });

  it('makes signing key pairs in PEM', async () => {
    const { publicKeyPem, privateKeyPem } = await createSigningKeyPair();
    assert.match(publicKeyPem, /^-----BEGIN PUBLIC KEY-----/);
    assert.match(privateKeyPem, /^-----BEGIN PRIVATE KEY-----/);
  });
});
