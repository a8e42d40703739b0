import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';

export interface BarSeries {
  name: string;
  values: number[];
}

/**
 * A bar chart as PNG, rendered in-process: echarts draws SVG server-side (no browser, no canvas),
 * resvg rasterises it. Chinese labels need a CJK font on the machine (Debian fonts-wqy-zenhei or
 * fonts-noto-cjk; .ci/run and the Dockerfile install one).
 */
export function barChartPng(title: string, categories: string[], series: BarSeries[], width = 800, height = 450): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: 'WenQuanYi Zen Hei, Noto Sans CJK SC, sans-serif' },
      title: { text: title, left: 'center', top: 10, textStyle: { fontSize: 18 } },
      legend: { top: 40, data: series.map((s) => s.name) },
      grid: { left: 60, right: 30, top: 80, bottom: 70 },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: series.map((s) => ({ name: s.name, type: 'bar', data: s.values, label: { show: true, position: 'top' } })),
    });
    const svg = chart.renderToSVGString();
    const png = new Resvg(svg, {
      fitTo: { mode: 'width', value: width },
      font: { loadSystemFonts: true, defaultFontFamily: 'WenQuanYi Zen Hei' },
    }).render();
    return png.asPng();
  } finally {
    // Without dispose() the chart's timers keep Node running.
    chart.dispose();
  }
}
