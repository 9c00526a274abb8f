// Open data: the register dumps (ST.96 XML in a zip, JSON Lines) made by the worker, the downloads of
// every published file with its SHA-256, and the public API's conditional reads and rate limits.
export { describe, manifest, manifestBytes, store, zipWithManifest, ZipBuilder, type Manifest, type PublishedFile } from './bundle.ts';
export { sendStoredFile } from './download.ts';
export { produceDump, dumpJob, scheduleDump, requestDump, type DumpDeps } from './use-cases/dump.ts';
export { listDumps, openDataIndex, dumpFile, readDump, presentDump } from './use-cases/list.ts';
export { DUMP_TOPIC } from './opendata.repository.ts';
export { registerConditionalRequests, officeDayStart } from './http-cache.ts';
export { registerRateLimits, describeRateLimits, type RateLimits } from './rate-limits.ts';
