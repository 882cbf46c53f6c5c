import { describe, expect, it } from 'vitest';
import { assetFieldsOf } from '@/detail/assetFields';

describe('detail-card fields', () => {
  it("show a health site's category by its word and an evacuation point's capacity", () => {
    expect(assetFieldsOf('healthSite', { attributes: { category: [0, 2] } }, 1)).toEqual([{ name: 'category', format: 'code', code: 'feverSentinel' }]);
    expect(assetFieldsOf('evacuationPoint', { attributes: { capacity: [1200] } }, 0)).toEqual([{ name: 'capacity', format: 'number', value: 1200 }]);
  });

  it("link a video point's stream, and leave out an absent one or one that is not a web or stream address", () => {
    const group = { attributes: {}, texts: { streamUrl: ['https://video.example.com/live/VID-0001.m3u8', '', 'javascript:alert(1)', 'rtsp://10.0.0.1/cam'] } };
    expect(assetFieldsOf('videoPoint', group, 0)).toEqual([{ name: 'streamUrl', format: 'link', href: 'https://video.example.com/live/VID-0001.m3u8' }]);
    expect(assetFieldsOf('videoPoint', group, 1)).toEqual([]);
    expect(assetFieldsOf('videoPoint', group, 2)).toEqual([]);
    expect(assetFieldsOf('videoPoint', group, 3)[0]).toMatchObject({ format: 'link' });
  });

  it('shows nothing for a kind with no fields, a missing column or a NaN', () => {
    expect(assetFieldsOf('rainGauge', { attributes: {} }, 0)).toEqual([]);
    expect(assetFieldsOf('residentialCompound', { attributes: { households: [NaN] } }, 0)).toEqual([]);
    expect(assetFieldsOf('healthSite', { attributes: {} }, 0)).toEqual([]);
  });
});
