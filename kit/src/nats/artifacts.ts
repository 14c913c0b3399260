import type { ObjectStore } from '@nats-io/obj';
import { Objm } from '@nats-io/obj';
import type { NatsConnection } from '@nats-io/transport-node';
import { nanos } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { buckets } from '@mge/contracts';
import type { Unpacked } from '../archive.js';
import { packTarGz, unpackTarGz } from '../archive.js';
import { InfrastructureError, ValidationFailure } from '../errors.js';

/** A stored project: what `put` recorded about its `.tar.gz`. */
export interface StoredArtifact {
  readonly size: number;
  readonly sha256: string;
  readonly files: number;
}

/** Built projects in the JetStream object store, one `.tar.gz` per run id. */
export interface ArtifactStore {
  /** Packs the project folder and stores it under the run id (replacing an earlier revision). */
  put(runId: string, dir: string): Promise<StoredArtifact>;
  /** The stored archive as a stream, or undefined when the run has none. */
  read(
    runId: string,
  ): Promise<{ size: number; sha256: string | undefined; stream: ReadableStream<Uint8Array> } | undefined>;
  /** Unpacks the run's project into `dir`, checking its sha256; undefined when the run has none. */
  unpack(runId: string, dir: string): Promise<Unpacked | undefined>;
}

export interface ArtifactStoreOptions {
  /** How long a project is kept (0 or unset: until deleted). */
  readonly ttlMs?: number;
}

/**
 * Opens the bucket for writing, creating it when absent and setting its retention to `ttlMs` (a
 * changed retention applies to the existing bucket too).
 */
export async function openArtifactStore(
  nc: NatsConnection,
  options: ArtifactStoreOptions = {},
): Promise<ArtifactStore> {
  const ttl = nanos(options.ttlMs ?? 0);
  const store = await reach(async () => {
    const created = await new Objm(nc).create(buckets.artifacts, { description: DESCRIPTION, ttl });
    const status = await created.status();
    if (status.ttl !== ttl) {
      const jsm = await jetstreamManager(nc);
      const info = await jsm.streams.info(status.streamInfo.config.name);
      await jsm.streams.update(info.config.name, { ...info.config, max_age: ttl });
    }
    return created;
  });
  return artifactStoreOf(store);
}

/** Opens the bucket for reading: a run's project, when the bucket and the project exist. */
export async function openArtifactReader(nc: NatsConnection): Promise<Omit<ArtifactStore, 'put'>> {
  const store = await reach(() => new Objm(nc).open(buckets.artifacts).catch(() => undefined));
  if (store === undefined) return { read: async () => undefined, unpack: async () => undefined };
  return artifactStoreOf(store);
}

const DESCRIPTION = 'MGE: built projects, one .tar.gz per run id';

async function reach<T>(open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    throw new InfrastructureError(
      `cannot open the object store ${buckets.artifacts}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

function artifactStoreOf(store: ObjectStore): ArtifactStore {
  const read: ArtifactStore['read'] = async (runId) => {
    const result = await store.get(runId);
    if (result === null) return undefined;
    return { size: result.info.size, sha256: result.info.metadata?.['sha256'], stream: result.data };
  };
  return {
    put: async (runId, dir) => {
      const packed = await packTarGz(dir);
      await store.putBlob(
        {
          name: runId,
          description: `the project of run ${runId}`,
          metadata: { sha256: packed.sha256, files: String(packed.files) },
        },
        packed.bytes,
      );
      return { size: packed.bytes.length, sha256: packed.sha256, files: packed.files };
    },
    read,
    unpack: async (runId, dir) => {
      const found = await read(runId);
      if (found === undefined) return undefined;
      const unpacked = await unpackTarGz(found.stream, dir);
      if (found.sha256 !== undefined && unpacked.sha256 !== found.sha256)
        throw new ValidationFailure(
          `the project of ${runId} does not match its sha256 (stored ${found.sha256}, read ${unpacked.sha256})`,
        );
      return unpacked;
    },
  };
}
