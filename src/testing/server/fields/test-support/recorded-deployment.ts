// Recorded from a real kube-apiserver v1.36.3 (uid, resourceVersion and time replaced):
// the defaulted Deployment that a POST with user agent "Python-urllib/3.11" of {name:
// demo, two labels, replicas 1, one nginx container with port 80} created, and the
// fields its managedFields entry gave that manager.
import type { KubeObject } from '../../../../core/object.ts';
import type { FieldsV1 } from '../fields-v1.ts';

/** The created Deployment, as the server returned it, without managedFields. */
export const createdDeployment: KubeObject = {
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  metadata: {
    name: 'demo',
    namespace: 'default',
    uid: '6f1a1c0e-0000-4000-8000-000000000001',
    resourceVersion: '200',
    generation: 1,
    creationTimestamp: '2026-01-01T00:00:00Z',
    labels: { app: 'demo', 'biz-version': '101' },
  },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'demo' } },
    template: {
      metadata: { labels: { app: 'demo' } },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.27',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            resources: {},
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            imagePullPolicy: 'IfNotPresent',
          },
        ],
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        dnsPolicy: 'ClusterFirst',
        securityContext: {},
        schedulerName: 'default-scheduler',
      },
    },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
  },
  status: {},
};

/** metadata.managedFields[0].fieldsV1 of that create. */
export const createdDeploymentFields: FieldsV1 = {
  'f:metadata': { 'f:labels': { '.': {}, 'f:app': {}, 'f:biz-version': {} } },
  'f:spec': {
    'f:progressDeadlineSeconds': {},
    'f:replicas': {},
    'f:revisionHistoryLimit': {},
    'f:selector': {},
    'f:strategy': { 'f:rollingUpdate': { '.': {}, 'f:maxSurge': {}, 'f:maxUnavailable': {} }, 'f:type': {} },
    'f:template': {
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
      'f:spec': {
        'f:containers': {
          'k:{"name":"nginx"}': {
            '.': {},
            'f:image': {},
            'f:imagePullPolicy': {},
            'f:name': {},
            'f:ports': {
              '.': {},
              'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {}, 'f:protocol': {} },
            },
            'f:resources': {},
            'f:terminationMessagePath': {},
            'f:terminationMessagePolicy': {},
          },
        },
        'f:dnsPolicy': {},
        'f:restartPolicy': {},
        'f:schedulerName': {},
        'f:securityContext': {},
        'f:terminationGracePeriodSeconds': {},
      },
    },
  },
};
