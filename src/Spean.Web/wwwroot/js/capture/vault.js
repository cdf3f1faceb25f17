// The reports waiting on this phone, in IndexedDB. Everything a monitor writes and every photo is encrypted
// with AES-GCM under a key derived from their passphrase (PBKDF2-SHA-256); the key is not extractable and
// lives only in this page's memory. In clear: ids, states and times.
//
// Stores: "meta" holds the salt, the iteration count and a check value that tells a wrong passphrase;
// "reports" one record per report (keyed by its clientId); "photos" one record per photo (clientUploadId).

const ITERATIONS = 600000;
const CHECK = 'spean capture queue';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class WrongPassphrase extends Error {}

export async function openVault(userId) {
  const name = `spean-capture-${userId}`;
  const request = indexedDB.open(name, 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore('meta');
    request.result.createObjectStore('reports', { keyPath: 'clientId' });
    request.result.createObjectStore('photos', { keyPath: 'clientUploadId' });
  };
  const db = await done(request);
  db.onversionchange = () => db.close(); // another tab is deleting everything: let it
  return new Vault(name, db);
}

class Vault {
  #name;
  #db;
  #key = null;

  constructor(name, db) {
    this.#name = name;
    this.#db = db;
  }

  get unlocked() {
    return this.#key !== null;
  }

  async hasPassphrase() {
    return (await this.#read('meta', 'key')) !== undefined;
  }

  /** Sets the passphrase the first time; afterwards throws WrongPassphrase unless it is the same one. */
  async unlock(passphrase) {
    const stored = await this.#read('meta', 'key');
    if (!stored) {
      const salt = crypto.getRandomValues(new Uint8Array(16));
      const key = await derive(passphrase, salt, ITERATIONS);
      const check = await seal(key, encoder.encode(CHECK), 'check');
      await this.#write(['meta'], tx => tx.objectStore('meta').put({ salt, iterations: ITERATIONS, check }, 'key'));
      this.#key = key;
      return;
    }
    const key = await derive(passphrase, stored.salt, stored.iterations);
    try {
      await unseal(key, stored.check, 'check');
    } catch {
      throw new WrongPassphrase();
    }
    this.#key = key;
  }

  /** The reports' records, oldest first; their contents stay sealed. */
  async list() {
    const records = await this.#read('reports');
    return records.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  }

  get(clientId) {
    return this.#read('reports', clientId);
  }

  /** Queues a report: { input, person, photos: [{ clientUploadId, name, type, size, sha256, bytes }], submit }. */
  async add({ input, person, photos, submit }) {
    const clientId = input.clientId;
    const sealedPhotos = [];
    for (const photo of photos)
      sealedPhotos.push({ clientUploadId: photo.clientUploadId, box: await seal(this.#key, photo.bytes, photo.clientUploadId) });
    const contents = { input, person, photos: photos.map(({ bytes, ...about }) => about), submit };
    const record = {
      clientId, state: 'waiting', failure: null, signIn: false, queuedAt: new Date().toISOString(),
      reportId: null, personSent: false, photoIds: photos.map(p => p.clientUploadId), photosSent: [],
      box: await seal(this.#key, encoder.encode(JSON.stringify(contents)), clientId),
    };
    await this.#write(['reports', 'photos'], tx => {
      tx.objectStore('reports').put(record);
      for (const photo of sealedPhotos) tx.objectStore('photos').put(photo);
    });
  }

  /** What the monitor wrote: { input, person, photos, submit } while queued, { title, submitted } once sent. */
  async contents(record) {
    return JSON.parse(decoder.decode(await unseal(this.#key, record.box, record.clientId)));
  }

  async photo(clientUploadId) {
    const photo = await this.#read('photos', clientUploadId);
    return unseal(this.#key, photo.box, clientUploadId);
  }

  save(record) {
    return this.#write(['reports'], tx => tx.objectStore('reports').put(record));
  }

  /** Sealed too: a server's reason can quote what was sent (a place, a GPS point). */
  async failed(record, reason, signIn) {
    Object.assign(record, { state: 'failed', signIn, failure: await seal(this.#key, encoder.encode(reason), record.clientId + '#failure') });
    await this.save(record);
  }

  async failure(record) {
    return record.failure && decoder.decode(await unseal(this.#key, record.failure, record.clientId + '#failure'));
  }

  /** Notes that the server has the photo and removes it from the phone, in one step. */
  photoSent(record, clientUploadId) {
    record.photosSent.push(clientUploadId);
    return this.#write(['reports', 'photos'], tx => {
      tx.objectStore('reports').put(record);
      tx.objectStore('photos').delete(clientUploadId);
    });
  }

  /** Keeps only what the queue shows (sealed) and the server's id of a sent report; its contents and photos go. */
  async sent(record, shown) {
    Object.assign(record, {
      state: 'sent', failure: null, signIn: false, sentAt: new Date().toISOString(),
      box: await seal(this.#key, encoder.encode(JSON.stringify(shown)), record.clientId),
    });
    await this.#write(['reports', 'photos'], tx => {
      tx.objectStore('reports').put(record);
      for (const id of record.photoIds) tx.objectStore('photos').delete(id);
    });
  }

  remove(record) {
    return this.#write(['reports', 'photos'], tx => {
      tx.objectStore('reports').delete(record.clientId);
      for (const id of record.photoIds) tx.objectStore('photos').delete(id);
    });
  }

  /** Deletes the whole database: every report, photo and the passphrase's salt and check. */
  async wipe() {
    this.#key = null;
    this.#db.close();
    await done(indexedDB.deleteDatabase(this.#name));
  }

  #read(store, key) {
    const objects = this.#db.transaction(store).objectStore(store);
    return done(key === undefined ? objects.getAll() : objects.get(key));
  }

  #write(stores, change) {
    const tx = this.#db.transaction(stores, 'readwrite');
    change(tx);
    return new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  }
}

async function derive(passphrase, salt, iterations) {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

// The record's id is authenticated with its contents, so sealed boxes cannot be swapped between records.
async function seal(key, bytes, id) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return { iv, data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(id) }, key, bytes) };
}

function unseal(key, box, id) {
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv: box.iv, additionalData: encoder.encode(id) }, key, box.data);
}

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
