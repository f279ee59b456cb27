import { BlobsStorage } from 'botbuilder-azure-blobs';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import type { StoreItems } from 'botbuilder';
import type { ContainerClient } from '@azure/storage-blob';
import { CREATE_ONLY_ETAG } from './turnETagStorage';

/**
 * botbuilder-azure-blobs' BlobsStorage, plus one thing it lacks: a write with the CREATE_ONLY_ETAG
 * eTag succeeds only if the blob does not exist yet (If-None-Match: *). That closes the last
 * lost-update gap between instances: two instances answering a conversation's very first turns at
 * once. Everything else is BlobsStorage's own code.
 *
 * It reaches into BlobsStorage's private `_initialize()` and `_containerClient`, and its key
 * sanitiser, because the class offers no conditional write. botbuilder-azure-blobs is pinned at
 * 4.23.3; if an upgrade renames or removes those members, every first save of a conversation in
 * blob mode throws, and the storage contract suite's create-only cases against Azurite
 * (test/ops/storageContract.test.ts) fail before anything ships.
 */
export class CreateOnlyBlobsStorage extends BlobsStorage {
  constructor(...args: ConstructorParameters<typeof BlobsStorage>) {
    super(...args);
    // BlobsStorage creates its container once and keeps that promise, a failed one too: a store
    // that was unreachable at its first use would fail for ever. A failure is forgotten here, so
    // the next turn tries again and the store comes back when the storage does.
    const internals = this as unknown as { _initialize(): Promise<unknown>; _initializePromise?: Promise<unknown> };
    const initialize = internals._initialize.bind(this);
    internals._initialize = () =>
      initialize().catch((err: unknown) => {
        internals._initializePromise = undefined;
        throw err;
      });
  }

  async write(changes: StoreItems): Promise<void> {
    const creates = Object.entries(changes).filter(([, item]) => item?.eTag === CREATE_ONLY_ETAG);
    if (creates.length === 0) return super.write(changes);
    const rest = Object.fromEntries(Object.entries(changes).filter(([, item]) => item?.eTag !== CREATE_ONLY_ETAG));
    const internals = this as unknown as { _initialize(): Promise<unknown>; _containerClient: ContainerClient };
    await internals._initialize();
    await Promise.all(
      creates.map(async ([key, item]) => {
        const { eTag: _ignored, ...value } = item;
        const serialized = JSON.stringify(value);
        try {
          await internals._containerClient
            .getBlockBlobClient(sanitizeBlobKey(key))
            .upload(serialized, Buffer.byteLength(serialized), {
              conditions: { ifNoneMatch: '*' },
              blobHTTPHeaders: { blobContentType: 'application/json' },
            });
        } catch (err) {
          const status = (err as { statusCode?: number }).statusCode;
          if (status === 409 || status === 412)
            throw new Error(`Storage: error writing "${key}" due to eTag conflict.`, { cause: err });
          throw err;
        }
      }),
    );
    if (Object.keys(rest).length > 0) await super.write(rest);
  }
}
