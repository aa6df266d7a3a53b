#!/usr/bin/env node
/**
 * Draws the add-in's icons (a blue document with a white check mark) as PNG files in assets/.
 * No image library: the shapes are rasterised with supersampling and encoded with node's zlib,
 * so the output is byte-for-byte reproducible and the PNGs can be committed.
 *
 * Usage: node scripts/make-icons.cjs [--check]   (--check: exit 1 if assets/ differ from a fresh draw)
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.join(__dirname, '..', 'assets');

/** Fluent 2 brand colours. */
const BRAND = [0x0f, 0x6c, 0xbd];
const FOLD = [0x62, 0xab, 0xf5];
const WHITE = [0xff, 0xff, 0xff];

// ---- geometry, in unit coordinates (0..1, y down) -------------------------------------------

/** Document outline with the top-right corner cut off (the fold). Small sizes get a wider page. */
function page(size) {
  const l = size <= 16 ? 0.125 : 0.16;
  const r = 1 - l;
  const t = size <= 16 ? 0.0625 : 0.07;
  const b = 1 - t;
  const fold = size <= 16 ? 0.25 : 0.26;
  return { l, r, t, b, fold, radius: size <= 16 ? 0.06 : 0.07 };
}

function insidePage(x, y, p) {
  if (x < p.l || x > p.r || y < p.t || y > p.b) return false;
  // cut corner: the diagonal from (r - fold, t) to (r, t + fold)
  if (x - (p.r - p.fold) > y - p.t) return false;
  // rounded remaining corners
  const rr = p.radius;
  const corners = [
    [p.l + rr, p.t + rr, x < p.l + rr && y < p.t + rr],
    [p.l + rr, p.b - rr, x < p.l + rr && y > p.b - rr],
    [p.r - rr, p.b - rr, x > p.r - rr && y > p.b - rr],
  ];
  for (const [cx, cy, inCorner] of corners) {
    if (inCorner && (x - cx) ** 2 + (y - cy) ** 2 > rr * rr) return false;
  }
  return true;
}

/** The folded-over flap: the triangle just inside the cut, drawn lighter. */
function insideFold(x, y, p) {
  const x0 = p.r - p.fold;
  const y1 = p.t + p.fold;
  return x >= x0 && y <= y1 && x - x0 <= y - p.t && x <= p.r && y >= p.t;
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The check mark: a thick two-segment stroke with round caps. Thicker at small sizes. */
function insideCheck(x, y, size) {
  const half = size <= 16 ? 0.085 : size <= 32 ? 0.07 : 0.06;
  const a = [0.3, 0.58];
  const b = [0.44, 0.72];
  const c = [0.71, 0.42];
  return (
    distToSegment(x, y, a[0], a[1], b[0], b[1]) <= half || distToSegment(x, y, b[0], b[1], c[0], c[1]) <= half
  );
}

// ---- rasterising -----------------------------------------------------------------------------

function draw(size) {
  const SS = 8; // 8×8 samples a pixel
  const p = page(size);
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          let colour = null;
          if (insideFold(x, y, p)) colour = FOLD;
          else if (insidePage(x, y, p)) colour = insideCheck(x, y, size) ? WHITE : BRAND;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        // colour averaged over covered samples (straight alpha), coverage as alpha
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / (SS * SS));
      }
    }
  }
  return rgba;
}

// ---- PNG encoding ----------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const check = process.argv.includes('--check');
  fs.mkdirSync(OUT_DIR, { recursive: true });
  let stale = 0;
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    const png = encodePng(size, draw(size));
    if (check) {
      const same = fs.existsSync(file) && fs.readFileSync(file).equals(png);
      if (!same) {
        stale++;
        console.error(`stale: ${path.relative(process.cwd(), file)}`);
      }
    } else {
      fs.writeFileSync(file, png);
      console.log(`${path.relative(process.cwd(), file)}  ${size}×${size}  ${png.length} bytes`);
    }
  }
  if (stale) process.exit(1);
}

if (require.main === module) main();

module.exports = { draw, encodePng, SIZES };
