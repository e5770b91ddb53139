// Writes icon.svg and the PNG icon set electron-builder uses (build/resources/icon.png, build/resources/icons/
// NxN.png) from shapes.mjs, with no image tools: a 4×4-supersampled rasteriser and a minimal PNG encoder.
//   node build/icons/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { background, polygons, SIZE } from './shapes.mjs'

const here = import.meta.dirname
const resources = join(here, '..', 'resources')
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

function svg() {
  const b = background
  const polys = polygons.map((p) => `  <polygon fill="${p.color}" points="${p.points.map((pt) => pt.join(',')).join(' ')}"/>`)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">`,
    `  <rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="${b.radius}" fill="${b.color}"/>`,
    ...polys,
    '</svg>',
    '',
  ].join('\n')
}

const rgb = (hex) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16))

function inRoundedRect(x, y, r) {
  if (x < r.x || y < r.y || x > r.x + r.width || y > r.y + r.height) return false
  const cx = Math.min(Math.max(x, r.x + r.radius), r.x + r.width - r.radius)
  const cy = Math.min(Math.max(y, r.y + r.radius), r.y + r.height - r.radius)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r.radius ** 2
}

function inPolygon(x, y, pts) {
  let inside = false
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]
    const [xj, yj] = pts[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

const layers = [
  { color: rgb(background.color), hit: (x, y) => inRoundedRect(x, y, background) },
  ...polygons.map((p) => ({ color: rgb(p.color), hit: (x, y) => inPolygon(x, y, p.points) })),
]

function rasterise(size) {
  const px = Buffer.alloc(size * size * 4)
  const scale = SIZE / size
  const n = 4
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const ux = (x + (sx + 0.5) / n) * scale
          const uy = (y + (sy + 0.5) / n) * scale
          let hit
          for (let l = layers.length - 1; l >= 0; l--) if (layers[l].hit(ux, uy)) { hit = layers[l].color; break }
          if (hit) { r += hit[0]; g += hit[1]; b += hit[2]; a++ }
        }
      }
      const o = (y * size + x) * 4
      if (a) { px[o] = Math.round(r / a); px[o + 1] = Math.round(g / a); px[o + 2] = Math.round(b / a) }
      px[o + 3] = Math.round((a / (n * n)) * 255)
    }
  }
  return px
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const byte of buf) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

export function png(size) {
  const px = rasterise(size)
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) px.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

if (process.argv[1] === import.meta.filename) {
  writeFileSync(join(here, 'icon.svg'), svg())
  mkdirSync(join(resources, 'icons'), { recursive: true })
  for (const size of ICON_SIZES) writeFileSync(join(resources, 'icons', `${size}x${size}.png`), png(size))
  writeFileSync(join(resources, 'icon.png'), png(1024))
  console.log(`Wrote icon.svg, build/resources/icon.png and ${ICON_SIZES.length} sizes in build/resources/icons/.`)
}
