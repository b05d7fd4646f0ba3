#!/usr/bin/env node
// Draws the app icon (resources/icon.png, 512×512 RGBA): a rounded blue square with a white
// shield and a check mark. Written with zlib only, so it is reproducible anywhere:
// `node scripts/make-icon.mjs` regenerates the committed file byte for byte.
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 512
const pixels = Buffer.alloc(SIZE * SIZE * 4)

/** Coverage (0..1) of a pixel by a shape given as an inside(x, y) test, 4×4 supersampled. */
function coverage(px, py, inside) {
  let hits = 0
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(px + (i + 0.5) / 4, py + (j + 0.5) / 4)) hits++
  return hits / 16
}

function roundedSquare(x, y) {
  const r = 96
  const m = 24
  const cx = Math.min(Math.max(x, m + r), SIZE - m - r)
  const cy = Math.min(Math.max(y, m + r), SIZE - m - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= m && x <= SIZE - m && y >= m && y <= SIZE - m
}

function shield(x, y) {
  const top = 112
  const bottom = 420
  const half = 140
  if (y < top || y > bottom) return false
  const t = (y - top) / (bottom - top)
  // Straight sides for the upper half, then a curve to the point.
  const width = t < 0.45 ? half : half * Math.cos(((t - 0.45) / 0.55) * (Math.PI / 2))
  return Math.abs(x - SIZE / 2) <= width
}

function nearSegment(x, y, [ax, ay], [bx, by], w) {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= w * w
}

const check = (x, y) => nearSegment(x, y, [196, 262], [240, 310], 20) || nearSegment(x, y, [240, 310], [322, 210], 20)

for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    const bg = coverage(x, y, roundedSquare)
    const sh = coverage(x, y, shield)
    const ck = coverage(x, y, check)
    const shade = y / SIZE
    // Blue gradient, white shield, blue check mark on the shield.
    const base = [Math.round(30 + 20 * shade), Math.round(94 - 30 * shade), Math.round(214 - 40 * shade)]
    const color = base.map((c, i) => {
      const withShield = c * (1 - sh) + 255 * sh
      return Math.round(withShield * (1 - ck) + [30, 94, 214][i] * ck)
    })
    const o = (y * SIZE + x) * 4
    pixels[o] = color[0]
    pixels[o + 1] = color[1]
    pixels[o + 2] = color[2]
    pixels[o + 3] = Math.round(255 * bg)
  }
}

function crc32(buffer) {
  let c = ~0
  for (const byte of buffer) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

const header = Buffer.alloc(13)
header.writeUInt32BE(SIZE, 0)
header.writeUInt32BE(SIZE, 4)
header.set([8, 6, 0, 0, 0], 8)
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1))
for (let y = 0; y < SIZE; y++) pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4)
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
writeFileSync(new URL('../resources/icon.png', import.meta.url), png)
console.log(`resources/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`)
