// Decodes Shanghai's 16 district boundaries from echarts@4.9.0's bundled map
// (Apache-2.0, map/json/province/shanghai.json, "UTF8Encoding" compressed) into plain GeoJSON.
// Usage: npm run geodata -- <path to echarts@4.9.0>/map/json/province/shanghai.json
// Output: public/geo/shanghai-districts.geojson and shanghai-district-labels.geojson
// (committed; see public/geo/README.md).
import { readFileSync, writeFileSync } from 'node:fs';

const ENGLISH = {
  黄浦区: 'Huangpu', 徐汇区: 'Xuhui', 长宁区: 'Changning', 静安区: "Jing'an", 普陀区: 'Putuo',
  虹口区: 'Hongkou', 杨浦区: 'Yangpu', 闵行区: 'Minhang', 宝山区: 'Baoshan', 嘉定区: 'Jiading',
  浦东新区: 'Pudong', 金山区: 'Jinshan', 松江区: 'Songjiang', 青浦区: 'Qingpu', 奉贤区: 'Fengxian',
  崇明区: 'Chongming',
};
// The source file gives Chongming neither an id nor a label point.
const MISSING_IDS = { 崇明区: '310151' };
const MISSING_CENTRES = { 崇明区: [121.55, 31.62] };

/** echarts' own decoder: char code − 64, zigzag, delta from the previous point, ÷ 1024. */
function decodeRing(encoded, [offsetX, offsetY], scale = 1024) {
  const ring = [];
  let prevX = offsetX;
  let prevY = offsetY;
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([round(x / scale), round(y / scale)]);
  }
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([...first]);
  return ring;
}

const round = (v) => Math.round(v * 1e5) / 1e5;

const source = process.argv[2];
if (!source) {
  console.error('usage: npm run geodata -- <echarts@4.9.0>/map/json/province/shanghai.json');
  process.exit(2);
}
const input = JSON.parse(readFileSync(source, 'utf8'));
const features = input.features.map((f) => {
  const { type, coordinates, encodeOffsets } = f.geometry;
  const polygons = type === 'Polygon' ? [coordinates] : coordinates;
  const offsets = type === 'Polygon' ? [encodeOffsets] : encodeOffsets;
  const decoded = polygons.map((rings, i) => rings.map((r, j) => decodeRing(r, offsets[i][j])));
  const name = f.properties.name;
  return {
    type: 'Feature',
    id: f.id ?? MISSING_IDS[name],
    properties: {
      code: f.id ?? MISSING_IDS[name],
      name,
      nameEn: ENGLISH[name],
      centre: f.properties.cp ?? MISSING_CENTRES[name],
    },
    geometry: type === 'Polygon' ? { type, coordinates: decoded[0] } : { type, coordinates: decoded },
  };
});
const out = { type: 'FeatureCollection', features };
writeFileSync('public/geo/shanghai-districts.geojson', JSON.stringify(out));
// One label point per district (polygon labels would repeat on every tile a district spans).
const labels = features.map((f) => ({
  type: 'Feature',
  id: f.id,
  properties: { code: f.properties.code, name: f.properties.name, nameEn: f.properties.nameEn },
  geometry: { type: 'Point', coordinates: f.properties.centre },
}));
writeFileSync('public/geo/shanghai-district-labels.geojson', JSON.stringify({ type: 'FeatureCollection', features: labels }));
console.log(`wrote ${features.length} districts and their label points`);
