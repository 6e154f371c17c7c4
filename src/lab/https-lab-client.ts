import { Agent, request, type RequestOptions } from 'node:https';
import { request as httpRequest } from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeObject } from '../testing/server/kube-object.ts';
import { type LabClient, type LabObjectRef, seedObject } from './lab-object.ts';

/** An HTTP failure shaped as the classifier reads it: code, Status body, headers. */
class HttpStatusError extends Error {
  readonly code: number;
  readonly body: string;
  readonly headers: Record<string, string | string[] | undefined>;
  constructor(code: number, body: string, headers: Record<string, string | string[] | undefined>) {
    super(`HTTP ${String(code)}: ${body.slice(0, 300)}`);
    this.code = code;
    this.body = body;
    this.headers = headers;
  }
}

/**
 * The lab's request path: `node:https` over a pool of keep-alive connections, with the
 * TLS material and credentials of the kubeconfig as @kubernetes/client-node applies them
 * (certificates, tokens, exec plugins). Going through client-node itself opened a new TLS
 * connection per request, which a thousand concurrent workers could not afford.
 */
export function httpsLabClient(kubeConfig: KubeConfig, ref: LabObjectRef, maxSockets = 64): LabClient {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('the kubeconfig has no current cluster');
  const base = new URL(cluster.server);
  const collection =
    ref.kind === 'deployment'
      ? `/apis/apps/v1/namespaces/${encodeURIComponent(ref.namespace)}/deployments`
      : `/api/v1/namespaces/${encodeURIComponent(ref.namespace)}/configmaps`;
  const item = `${collection}/${encodeURIComponent(ref.name)}`;
  let options: Promise<RequestOptions> | undefined;
  const requestOptions = () =>
    (options ??= (async () => {
      const applied: RequestOptions = {};
      await kubeConfig.applyToHTTPSOptions(applied);
      const { ca, cert, key, headers, rejectUnauthorized } = applied;
      const agent =
        base.protocol === 'https:'
          ? new Agent({
              keepAlive: true,
              maxSockets,
              ca,
              cert,
              key,
              ...(rejectUnauthorized !== undefined && { rejectUnauthorized }),
            })
          : undefined;
      const ready: RequestOptions = { agent, headers: headers ?? {} };
      return ready;
    })());

  const call = async (method: string, path: string, body?: unknown): Promise<KubeObject> => {
    const { agent, headers } = await requestOptions();
    const text = body === undefined ? undefined : JSON.stringify(body);
    const send = base.protocol === 'https:' ? request : httpRequest;
    return new Promise((resolve, reject) => {
      const outgoing = send(
        new URL(path, base),
        {
          method,
          ...(agent && { agent }),
          headers: {
            ...(headers as Record<string, string>),
            accept: 'application/json',
            'user-agent': 'kubeconflict-lab',
            ...(text !== undefined && {
              'content-type': 'application/json',
              'content-length': String(Buffer.byteLength(text)),
            }),
          },
        },
        (response) => {
          let data = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (data += chunk));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) {
              try {
                resolve(JSON.parse(data) as KubeObject);
              } catch (error) {
                reject(new Error(`the server's answer to ${method} ${path} is not JSON`, { cause: error }));
              }
            } else {
              reject(new HttpStatusError(status, data, response.headers));
            }
          });
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(text);
    });
  };

  return {
    read: () => call('GET', item),
    replace: (object) => call('PUT', item, object),
    create: (start) => call('POST', collection, seedObject(ref, start)),
    delete: async () => {
      await call('DELETE', item);
    },
  };
}
