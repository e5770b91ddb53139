// The icon's geometry on a 1024×1024 canvas, shared by icon.svg (written from it) and the PNG rasteriser:
// an open book on a lectern, on a rounded square.
export const SIZE = 1024
export const background = { x: 64, y: 64, width: 896, height: 896, radius: 184, color: '#1f2d4d' }
export const polygons = [
  { color: '#f4efe2', points: [[226, 292], [498, 346], [498, 642], [226, 588]] },
  { color: '#f4efe2', points: [[526, 346], [798, 292], [798, 588], [526, 642]] },
  { color: '#8fb3e8', points: [[286, 396], [446, 428], [446, 452], [286, 420]] },
  { color: '#8fb3e8', points: [[286, 470], [446, 502], [446, 526], [286, 494]] },
  { color: '#c9a86a', points: [[470, 660], [554, 660], [554, 812], [470, 812]] },
  { color: '#c9a86a', points: [[350, 812], [674, 812], [674, 868], [350, 868]] },
]
