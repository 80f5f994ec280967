// Applies a subscription's diff (dashboard-gateway/README.md) to the result the page holds.
(function (root) {
  'use strict';
  const identity = (entry) => JSON.stringify([entry.bucket == null ? null : entry.bucket, entry.group || {}]);

  function apply(result, update) {
    const changes = update.changes;
    const values = new Map((result.values || []).map((v) => [identity(v), v]));
    changes.removed.forEach((r) => values.delete(identity(r)));
    changes.values.forEach((v) => values.set(identity(v), v));
    const dropped = new Set(changes.droppedBuckets);
    const buckets = new Map((result.buckets || []).filter((b) => !dropped.has(b.start)).map((b) => [b.start, b]));
    changes.buckets.forEach((b) => buckets.set(b.start, b));
    const next = Object.assign({}, update.result);
    next.buckets = [...buckets.values()].sort((a, b) => a.start - b.start);
    next.values = [...values.values()].sort((a, b) =>
      (a.rank != null ? a.rank - b.rank : (a.bucket || 0) - (b.bucket || 0)));
    return next;
  }

  root.FlareDiff = { apply };
})(typeof window !== 'undefined' ? window : globalThis);
