// IDX files (the official MNIST format) built from the digits shipped with the page, for the
// tests of the Data panel and for the browser benchmark: nothing of them is committed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIDE = 28;
const PIXELS = SIDE * SIDE;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/// The shipped digits (public/mnist-10k.bin: zlib of "CLMNIST1", count, rows, cols as u32 LE,
/// the labels, then the pixels).
export function shipped() {
  const raw = zlib.inflateSync(fs.readFileSync(path.join(root, 'public/mnist-10k.bin')));
  if (raw.subarray(0, 8).toString('latin1') !== 'CLMNIST1') throw new Error('not the shipped digits');
  const count = raw.readUInt32LE(8);
  const labels = raw.subarray(20, 20 + count);
  const pixels = raw.subarray(20 + count, 20 + count + count * PIXELS);
  return { count, labels, image: (i) => pixels.subarray(i * PIXELS, (i + 1) * PIXELS) };
}

/// Image `px` moved by (dx, dy) pixels, the uncovered edge blank.
export function shift(px, dx, dy) {
  const out = Buffer.alloc(PIXELS);
  for (let r = 0; r < SIDE; r++) {
    const sr = r - dy;
    if (sr < 0 || sr >= SIDE) continue;
    for (let c = 0; c < SIDE; c++) {
      const sc = c - dx;
      if (sc >= 0 && sc < SIDE) out[r * SIDE + c] = px[sr * SIDE + sc];
    }
  }
  return out;
}

const SHIFTS = [[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1], [1, 1], [-1, -1], [1, -1], [-1, 1]];

/// `n` images and their labels from the shipped images `from` (indices), by repetition: the
/// k-th pass over them moves each by a small shift, so no two images are the same.
export function repeat(digits, from, n) {
  const images = Buffer.alloc(n * PIXELS);
  const labels = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    const src = from[i % from.length];
    const [dx, dy] = SHIFTS[Math.floor(i / from.length) % SHIFTS.length];
    shift(digits.image(src), dx, dy).copy(images, i * PIXELS);
    labels[i] = digits.labels[src];
  }
  return { images, labels, count: n };
}

/// An IDX images file: magic 2051, count, rows, cols (u32 big-endian), then the pixels.
export function idxImages({ images, count }, rows = SIDE, cols = SIDE) {
  const head = Buffer.alloc(16);
  head.writeUInt32BE(0x803, 0);
  head.writeUInt32BE(count, 4);
  head.writeUInt32BE(rows, 8);
  head.writeUInt32BE(cols, 12);
  return Buffer.concat([head, images]);
}

/// An IDX labels file: magic 2049, count, then the labels.
export function idxLabels({ labels, count }) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(0x801, 0);
  head.writeUInt32BE(count, 4);
  return Buffer.concat([head, labels]);
}

/// The numbers 0..n in a fixed shuffled order (Fisher–Yates with a small LCG), so a set cut
/// short still holds every class.
function shuffled(n) {
  const out = Array.from({ length: n }, (_, i) => i);
  let x = 20241128;
  for (let i = n - 1; i > 0; i--) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/// A training set of `train` images and a test set of `test` images, as the four files, raw.
/// The shipped file is ordered by digit: every fifth of its images is held out (2,000, never
/// trained on), the other 8,000 train, each part in a shuffled order.
export function officialSet(train, test) {
  const digits = shipped();
  const ids = shuffled(digits.count);
  const trainSet = repeat(digits, ids.filter((i) => i % 5 !== 0), train);
  const testSet = repeat(digits, ids.filter((i) => i % 5 === 0), test);
  return {
    trainImages: idxImages(trainSet),
    trainLabels: idxLabels(trainSet),
    testImages: idxImages(testSet),
    testLabels: idxLabels(testSet),
  };
}

export const gzip = (bytes) => zlib.gzipSync(bytes);
