/**
 * A real OTLP/HTTP logs endpoint on loopback for the export tests: it accepts POST /v1/logs in
 * protobuf (decoded with the OpenTelemetry transformer's own ProtobufReader, field numbers from
 * opentelemetry-proto's logs.proto) and JSON, and can go down and come back on the same port.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ProtobufReader } = require('@opentelemetry/otlp-transformer/build/src/common/protobuf/protobuf-reader') as {
  ProtobufReader: new (
    buf: Uint8Array,
  ) => {
    pos: number;
    isAtEnd(): boolean;
    readTag(): { fieldNumber: number; wireType: number };
    readVarint(): number;
    readBytes(): Uint8Array;
    readString(): string;
    skip(w: number): void;
  };
};

export type Value = string | number | boolean | Value[] | { [k: string]: Value } | null;
export interface ReceivedRecord {
  body: Value;
  severityNumber: number;
  eventName?: string;
  attributes: Record<string, Value>;
  resource: Record<string, Value>;
}

function each(buf: Uint8Array, on: (field: number, wire: number, r: InstanceType<typeof ProtobufReader>) => boolean): void {
  const r = new ProtobufReader(buf);
  while (!r.isAtEnd()) {
    const { fieldNumber, wireType } = r.readTag();
    if (!on(fieldNumber, wireType, r)) r.skip(wireType);
  }
}

function anyValue(buf: Uint8Array): Value {
  let v: Value = null;
  each(buf, (f, w, r) => {
    if (f === 1 && w === 2) {
      v = r.readString();
      return true;
    }
    if (f === 2 && w === 0) {
      v = r.readVarint() !== 0;
      return true;
    }
    if (f === 3 && w === 0) {
      v = r.readVarint();
      return true;
    }
    if (f === 5 && w === 2) {
      const list: Value[] = [];
      each(r.readBytes(), (g, x, s) => {
        if (g === 1 && x === 2) {
          list.push(anyValue(s.readBytes()));
          return true;
        }
        return false;
      });
      v = list;
      return true;
    }
    return false;
  });
  return v;
}

function keyValue(buf: Uint8Array): [string, Value] {
  let key = '';
  let value: Value = null;
  each(buf, (f, w, r) => {
    if (f === 1 && w === 2) {
      key = r.readString();
      return true;
    }
    if (f === 2 && w === 2) {
      value = anyValue(r.readBytes());
      return true;
    }
    return false;
  });
  return [key, value];
}

/** ExportLogsServiceRequest → records (resource_logs 1 → resource 1 / scope_logs 2 → log_records 2). */
export function decodeProtobuf(body: Uint8Array): ReceivedRecord[] {
  const out: ReceivedRecord[] = [];
  each(body, (f, w, r) => {
    if (f !== 1 || w !== 2) return false;
    const resource: Record<string, Value> = {};
    const records: ReceivedRecord[] = [];
    each(r.readBytes(), (g, x, s) => {
      if (g === 1 && x === 2) {
        each(s.readBytes(), (h, y, t) => {
          if (h === 1 && y === 2) {
            const [k, v] = keyValue(t.readBytes());
            resource[k] = v;
            return true;
          }
          return false;
        });
        return true;
      }
      if (g === 2 && x === 2) {
        each(s.readBytes(), (h, y, t) => {
          if (h !== 2 || y !== 2) return false;
          const rec: ReceivedRecord = { body: null, severityNumber: 0, attributes: {}, resource };
          each(t.readBytes(), (i, z, u) => {
            if (i === 2 && z === 0) {
              rec.severityNumber = u.readVarint();
              return true;
            }
            if (i === 5 && z === 2) {
              rec.body = anyValue(u.readBytes());
              return true;
            }
            if (i === 6 && z === 2) {
              const [k, v] = keyValue(u.readBytes());
              rec.attributes[k] = v;
              return true;
            }
            if (i === 12 && z === 2) {
              rec.eventName = u.readString();
              return true;
            }
            return false;
          });
          records.push(rec);
          return true;
        });
        return true;
      }
      return false;
    });
    out.push(...records);
    return true;
  });
  return out;
}

function jsonAny(v: Record<string, unknown> | undefined): Value {
  if (!v) return null;
  if ('stringValue' in v) return v.stringValue as string;
  if ('intValue' in v) return Number(v.intValue);
  if ('boolValue' in v) return v.boolValue as boolean;
  if ('doubleValue' in v) return v.doubleValue as number;
  if ('arrayValue' in v) return ((v.arrayValue as { values?: Array<Record<string, unknown>> }).values ?? []).map(jsonAny);
  return null;
}

function jsonAttributes(list: unknown): Record<string, Value> {
  return Object.fromEntries(((list as Array<{ key: string; value: Record<string, unknown> }>) ?? []).map((a) => [a.key, jsonAny(a.value)]));
}

/** The OTLP JSON encoding of the same request. */
export function decodeJson(body: string): ReceivedRecord[] {
  const request = JSON.parse(body) as {
    resourceLogs?: Array<{ resource?: { attributes?: unknown }; scopeLogs?: Array<{ logRecords?: Array<Record<string, unknown>> }> }>;
  };
  return (request.resourceLogs ?? []).flatMap((rl) => {
    const resource = jsonAttributes(rl.resource?.attributes);
    return (rl.scopeLogs ?? []).flatMap((sl) =>
      (sl.logRecords ?? []).map((lr) => ({
        body: jsonAny(lr.body as Record<string, unknown>),
        severityNumber: Number(lr.severityNumber ?? 0),
        eventName: lr.eventName as string | undefined,
        attributes: jsonAttributes(lr.attributes),
        resource,
      })),
    );
  });
}

export interface Collector {
  url: string;
  records: ReceivedRecord[];
  /** JSON request bodies as received: what a collector's file exporter would keep. */
  rawJson: string[];
  requests: Array<{ contentType: string; headers: Record<string, string | string[] | undefined> }>;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startCollector(): Promise<Collector> {
  const records: ReceivedRecord[] = [];
  const rawJson: string[] = [];
  const requests: Collector['requests'] = [];
  let port = 0;
  let server: Server | undefined;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const body = Buffer.concat(chunks);
          const contentType = String(req.headers['content-type'] ?? '');
          requests.push({ contentType, headers: req.headers });
          if (contentType.includes('json')) rawJson.push(body.toString('utf8'));
          try {
            records.push(...(contentType.includes('json') ? decodeJson(body.toString('utf8')) : decodeProtobuf(new Uint8Array(body))));
            res.writeHead(200, { 'content-type': contentType.includes('json') ? 'application/json' : 'application/x-protobuf' });
            res.end(contentType.includes('json') ? '{}' : Buffer.alloc(0));
          } catch {
            res.writeHead(400);
            res.end();
          }
        });
      });
      server.keepAliveTimeout = 100;
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
      server = undefined;
    });
  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}/v1/logs`;
    },
    records,
    rawJson,
    requests,
    down: stop,
    up: listen,
    close: stop,
  };
}
