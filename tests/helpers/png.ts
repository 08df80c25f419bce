/** Reads a PNG as resvg writes it (8-bit RGBA or RGB, not interlaced) into pixels, for tests that look at a chart. */
import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 8)).equals(SIGNATURE);
}

export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const buffer = Buffer.from(bytes);
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(bytes: Uint8Array): Pixels {
  const buffer = Buffer.from(bytes);
  if (!isPng(buffer)) throw new Error('not a PNG');
  const { width, height } = pngSize(buffer);
  const colorType = buffer.readUInt8(25);
  if (buffer.readUInt8(24) !== 8 || (colorType !== 6 && colorType !== 2) || buffer.readUInt8(28) !== 0) throw new Error('only 8-bit RGB(A), not interlaced');
  const channels = colorType === 6 ? 4 : 3;
  const chunks: Buffer[] = [];
  for (let at = 8; at < buffer.length; ) {
    const length = buffer.readUInt32BE(at);
    if (buffer.toString('latin1', at + 4, at + 8) === 'IDAT') chunks.push(buffer.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (rows[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (rows[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= channels ? (rows[(y - 1) * stride + x - channels] ?? 0) : 0;
      const predicted = filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : filter === 4 ? paeth(left, up, upLeft) : 0;
      rows[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  if (channels === 4) return { width, height, data: rows };
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([rows[i * 3] ?? 0, rows[i * 3 + 1] ?? 0, rows[i * 3 + 2] ?? 0, 255], i * 4);
  return { width, height, data };
}

/** Pixels within `tolerance` of a colour on each channel ("#E69F00"). */
export function countColor(pixels: Pixels, hex: string, tolerance = 10): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let count = 0;
  for (let i = 0; i < pixels.data.length; i += 4) {
    if (Math.abs((pixels.data[i] ?? 0) - r) <= tolerance && Math.abs((pixels.data[i + 1] ?? 0) - g) <= tolerance && Math.abs((pixels.data[i + 2] ?? 0) - b) <= tolerance) count++;
  }
  return count;
}

/** Pixels that differ between two images of one size. */
export function differingPixels(a: Pixels, b: Pixels): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('images of different sizes');
  let count = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) count++;
  }
  return count;
}

/** Pixels that are not white. */
export function inkedPixels(pixels: Pixels): number {
  let count = 0;
  for (let i = 0; i < pixels.data.length; i += 4) if ((pixels.data[i] ?? 0) < 250 || (pixels.data[i + 1] ?? 0) < 250 || (pixels.data[i + 2] ?? 0) < 250) count++;
  return count;
}
