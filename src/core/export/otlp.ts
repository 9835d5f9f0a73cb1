/**
 * Ships queued events to an OTLP/HTTP logs endpoint with the official OpenTelemetry packages:
 * the SDK builds the log records (resource, scope, limits), the OTLP exporter encodes them
 * (protobuf or JSON) and posts them. We call the exporter ourselves rather than through a batch
 * processor so each batch's result is known: only accepted events leave the queue.
 */
import { hostname, userInfo } from 'node:os';
import { ExportResultCode } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { LoggerProvider, type LogRecordExporter, type LogRecordProcessor, type ReadableLogRecord } from '@opentelemetry/sdk-logs';
import type { ExportSettings } from '../policy/types';
import { version } from '../version';
import type { QueuedEvent } from './queue';
import { type RecordContext, recordFields } from './record';

/** Collects what the logger emits, so the caller hands a batch to the exporter and sees its result. */
class Collect implements LogRecordProcessor {
  records: ReadableLogRecord[] = [];
  onEmit(record: ReadableLogRecord): void {
    this.records.push(record);
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

export interface Shipper {
  /** Resolves true when the collector accepted the whole batch. */
  ship(items: QueuedEvent[], workspace?: string): Promise<{ ok: true } | { ok: false; error: string }>;
  close(): Promise<void>;
}

function safeUser(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}

export function createExporter(settings: ExportSettings): LogRecordExporter {
  const config = { url: settings.endpoint, headers: settings.headers ?? {}, timeoutMillis: 10_000, keepAlive: true };
  // Loaded on first use: a hook that only queues never pays for the exporters.
  /* eslint-disable @typescript-eslint/no-require-imports */
  if (settings.protocol === 'http/json') {
    const { OTLPLogExporter } = require('@opentelemetry/exporter-logs-otlp-http') as typeof import('@opentelemetry/exporter-logs-otlp-http');
    return new OTLPLogExporter(config);
  }
  const { OTLPLogExporter } = require('@opentelemetry/exporter-logs-otlp-proto') as typeof import('@opentelemetry/exporter-logs-otlp-proto');
  return new OTLPLogExporter(config);
}

export function createShipper(settings: ExportSettings, exporter: LogRecordExporter = createExporter(settings)): Shipper {
  const host = hostname();
  const user = safeUser();
  const collect = new Collect();
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({ 'service.name': 'airlock', 'service.version': version, 'host.name': host }),
    processors: [collect],
  });
  const logger = provider.getLogger('airlock.activity', version);
  return {
    ship(items, workspace) {
      const ctx: RecordContext = { workspace, user, host };
      collect.records = [];
      for (const item of items) logger.emit(recordFields(item, ctx));
      const batch = collect.records;
      collect.records = [];
      return new Promise((resolve) => {
        try {
          exporter.export(batch, (result) => {
            if (result.code === ExportResultCode.SUCCESS) resolve({ ok: true });
            else resolve({ ok: false, error: describe(result.error) });
          });
        } catch (error) {
          resolve({ ok: false, error: describe(error) });
        }
      });
    },
    async close() {
      await provider.shutdown().catch(() => undefined);
      await exporter.shutdown().catch(() => undefined);
    },
  };
}

/** A short, secret-free reason (no URL with credentials, no header values). */
function describe(error: unknown): string {
  if (!error) return 'the collector did not accept the batch';
  const e = error as { code?: string; message?: string; name?: string };
  const message = (e.message ?? e.name ?? 'error')
    .split('\n')[0]!
    .replace(/https?:\/\/[^\s]+/g, '<endpoint>')
    .slice(0, 160);
  return e.code ? `${e.code}: ${message}` : message;
}
