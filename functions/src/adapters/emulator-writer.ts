/**
 * Writes of `bangkom run` straight into the in-process emulator's state, without gRPC: each
 * document costs about a millisecond through the client and the emulator's server (serialised,
 * sent, parsed, converted twice), and a 50,000-ASN run writes about 950,000 of them; with the
 * client and the server in one process and four commits in flight, a busy machine also saw
 * commits time out (DEADLINE_EXCEEDED). Only for the embedded emulator, whose state is in this
 * process: any other Firestore is written through the client (firestore-sync.ts).
 *
 * A batch behaves as a commit does on the emulator: checked whole first (a value Firestore
 * refuses fails the batch before any document is written), then every document set (replaced
 * whole) or deleted with the batch's time, and the emulator's document events emitted. The
 * documents keep their fields as plain values (emulator-plain.ts).
 */
import type { FirestoreState } from '@firestore-emulator/server';
import { checkStorable } from './emulator-plain.js';
import { type CollectionNode, type DocMetadata, setDocFields } from './emulator-store.js';
import type { BatchWriter } from './firestore-sync.js';

/** A deleted document's metadata, as the emulator leaves it. */
const DELETED: DocMetadata = Object.freeze({ hasExist: false, createdAt: null, updatedAt: null });

/** Writes batches of one collection (`tenants/t/employees`) of project `projectId` into `state`. */
export function stateBatchWriter(state: FirestoreState, projectId: string): BatchWriter {
  const collections = new Map<string, CollectionNode>();
  const collectionOf = (path: string): CollectionNode => {
    let c = collections.get(path);
    if (!c) {
      c = state.getCollection(
        `projects/${projectId}/databases/(default)/documents/${path}`,
      ) as unknown as CollectionNode;
      collections.set(path, c);
    }
    return c;
  };
  return (collectionPath, ops) => {
    for (const op of ops) if (op.data) checkStorable(op.data);
    const collection = collectionOf(collectionPath);
    const date = new Date();
    // shared by the documents this batch creates (the emulator replaces metadata, never edits it)
    const created: DocMetadata = Object.freeze({ hasExist: true, createdAt: date, updatedAt: date });
    for (const op of ops) {
      const doc = collection.getDocument(op.id);
      const existed = doc.metadata.hasExist;
      if (op.data) {
        doc.metadata = existed
          ? Object.freeze({ hasExist: true, createdAt: doc.metadata.createdAt, updatedAt: date })
          : created;
        setDocFields(doc, op.data);
        doc.emitter.emit(existed ? 'update-document' : 'create-document', { document: doc });
      } else if (existed) {
        doc.metadata = DELETED;
        doc.fields = {};
        doc.emitter.emit('delete-document', { document: doc });
      }
    }
  };
}
