import { Space, Typography } from 'antd';
import { memo, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import {
  plotLabel,
  plotStatusLabels,
  plotStatuses,
  type PlotCell,
  type PlotMap,
} from '../../../../main/funeral/cemeteries/contract';
import { plotTypeLabels } from '../../../../main/funeral/shared/forms';
import { statusColors } from './common';

// The plot map of one section as an SVG grid: rows down, numbers across (or the plots' own
// coordinates when every plot has them), coloured by status. One <rect> per plot and nothing else
// per plot, so 5,000 plots draw at once; focus, hover and the tooltip are single overlay elements,
// so moving around does not redraw the grid. Keyboard: arrows move between plots, Enter opens.

const CELL = 22;
const STEP = 26;
const LEFT = 44;
const TOP = 24;

interface Placed {
  cell: PlotCell;
  x: number;
  y: number;
  label: string;
}

function place(map: PlotMap): { placed: Placed[]; width: number; height: number } {
  const code = map.section.code;
  if (map.usesPositions) {
    const xs = map.cells.map((c) => c[6]!);
    const ys = map.cells.map((c) => c[7]!);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const span = Math.max(maxX - minX, maxY - minY, 1);
    const scale = (Math.max(20, Math.sqrt(map.cells.length)) * STEP) / span;
    const placed = map.cells.map((cell) => ({
      cell,
      x: LEFT + (cell[6]! - minX) * scale,
      y: TOP + (cell[7]! - minY) * scale,
      label: plotLabel(code, cell[1], cell[2]),
    }));
    return { placed, width: LEFT + (maxX - minX) * scale + STEP, height: TOP + (maxY - minY) * scale + STEP };
  }
  const placed = map.cells.map((cell) => ({
    cell,
    x: LEFT + (cell[2] - 1) * STEP,
    y: TOP + (cell[1] - 1) * STEP,
    label: plotLabel(code, cell[1], cell[2]),
  }));
  return { placed, width: LEFT + map.section.numbers * STEP, height: TOP + map.section.rows * STEP };
}

/** The grid itself: drawn once per map. */
const Cells = memo(function Cells({ placed }: { placed: Placed[] }) {
  return (
    <g>
      {placed.map((p, i) => (
        <rect
          key={p.cell[0]}
          data-i={i}
          data-plot={p.label}
          data-status={p.cell[3]}
          x={p.x}
          y={p.y}
          width={CELL}
          height={CELL}
          rx={3}
          fill={statusColors[p.cell[3]]}
          style={{ cursor: 'pointer' }}
        />
      ))}
    </g>
  );
});

const Axes = memo(function Axes({ rows, numbers }: { rows: number; numbers: number }) {
  const every = numbers > 40 ? 5 : 1;
  return (
    <g fontSize={11} fill="#888" aria-hidden>
      {Array.from({ length: rows }, (_, r) => (
        <text key={`r${r}`} x={LEFT - 6} y={TOP + r * STEP + CELL / 2 + 4} textAnchor="end">
          {r + 1}排
        </text>
      ))}
      {Array.from({ length: numbers }, (_, n) =>
        (n + 1) % every === 0 || n === 0 ? (
          <text key={`n${n}`} x={LEFT + n * STEP + CELL / 2} y={TOP - 8} textAnchor="middle">
            {n + 1}
          </text>
        ) : null,
      )}
    </g>
  );
});

const describe = (p: Placed): string =>
  `${p.label} · ${plotStatusLabels[p.cell[3]]} · ${plotTypeLabels[p.cell[4]]}${p.cell[5] ? ` · 使用权人 ${p.cell[5]}` : ''}`;

export function PlotMapView({ map, onOpen }: { map: PlotMap; onOpen: (plotId: number) => void }) {
  const { placed, width, height } = useMemo(() => place(map), [map]);
  const byGrid = useMemo(() => new Map(placed.map((p, i) => [`${p.cell[1]}-${p.cell[2]}`, i])), [placed]);
  const counts = useMemo(() => {
    const c = Object.fromEntries(plotStatuses.map((s) => [s, 0])) as Record<(typeof plotStatuses)[number], number>;
    for (const cell of map.cells) c[cell[3]]++;
    return c;
  }, [map]);
  const [active, setActive] = useState<number | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  // The tooltip sits beside the plot, flipped to the other side near the visible area's edges;
  // decided in the event handlers, where the scroll position is known.
  const [flip, setFlip] = useState<[boolean, boolean]>([false, false]);
  const flipFor = (i: number | null) => {
    const el = scroller.current;
    if (i === null || !el) return;
    const p = placed[i]!;
    setFlip([p.x + CELL + 180 > el.scrollLeft + el.clientWidth, p.y + CELL + 70 > el.scrollTop + el.clientHeight]);
  };

  const indexOf = (e: MouseEvent): number | null => {
    const i = (e.target as Element).getAttribute('data-i');
    return i === null ? null : Number(i);
  };

  /** The next existing plot from (row, number) in a direction, skipping gaps in the grid. */
  const step = (from: number, dr: number, dn: number): number => {
    const [, row, number] = placed[from]!.cell;
    for (let k = 1; k <= Math.max(map.section.rows, map.section.numbers); k++) {
      const i = byGrid.get(`${row + dr * k}-${number + dn * k}`);
      if (i !== undefined) return i;
    }
    return from;
  };

  const moveTo = (i: number) => {
    setActive(i);
    setHover(null);
    const el = scroller.current;
    const p = placed[i]!;
    if (!el) return;
    if (p.x < el.scrollLeft + LEFT) el.scrollLeft = Math.max(0, p.x - LEFT);
    else if (p.x + STEP > el.scrollLeft + el.clientWidth) el.scrollLeft = p.x + STEP - el.clientWidth;
    if (p.y < el.scrollTop + TOP) el.scrollTop = Math.max(0, p.y - TOP);
    else if (p.y + STEP > el.scrollTop + el.clientHeight) el.scrollTop = p.y + STEP - el.clientHeight;
    flipFor(i);
  };

  const onKey = (e: KeyboardEvent) => {
    if (placed.length === 0) return;
    const from = active ?? 0;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
    };
    if (e.key in moves) {
      e.preventDefault();
      const [dr, dn] = moves[e.key]!;
      moveTo(active === null ? 0 : step(from, dr, dn));
    } else if (e.key === 'Home') {
      e.preventDefault();
      moveTo(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      moveTo(placed.length - 1);
    } else if ((e.key === 'Enter' || e.key === ' ') && active !== null) {
      e.preventDefault();
      onOpen(placed[active]!.cell[0]);
    }
  };

  const shown = hover ?? active;
  const tip = shown === null ? null : placed[shown]!;
  const [flipX, flipY] = flip;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap size={16} data-testid="plot-map-legend">
        {plotStatuses.map((s) => (
          <Space key={s} size={6}>
            <span style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, background: statusColors[s] }} />
            <span>
              {plotStatusLabels[s]} {counts[s]}
            </span>
          </Space>
        ))}
        <Typography.Text type="secondary">方向键移动，回车打开墓位档案</Typography.Text>
      </Space>
      <div
        ref={scroller}
        role="application"
        aria-roledescription="墓位图"
        aria-label={`${map.cemeteryName} ${map.section.label}墓位图，共 ${map.cells.length} 个墓位`}
        tabIndex={0}
        data-testid="plot-map"
        onKeyDown={onKey}
        onFocus={() => active === null && placed.length > 0 && setActive(0)}
        style={{
          position: 'relative',
          overflow: 'auto',
          maxHeight: '68vh',
          border: '1px solid #f0f0f0',
          borderRadius: 6,
          background: '#fff',
          outlineOffset: 2,
        }}
      >
        <svg
          width={width + 8}
          height={height + 8}
          onMouseMove={(e) => {
            const i = indexOf(e);
            if (i !== hover) {
              setHover(i);
              flipFor(i);
            }
          }}
          onMouseLeave={() => setHover(null)}
          onClick={(e) => {
            const i = indexOf(e);
            if (i !== null) {
              setActive(i);
              onOpen(placed[i]!.cell[0]);
            }
          }}
        >
          {!map.usesPositions && <Axes rows={map.section.rows} numbers={map.section.numbers} />}
          <Cells placed={placed} />
          {active !== null && (
            <rect
              x={placed[active]!.x - 3}
              y={placed[active]!.y - 3}
              width={CELL + 6}
              height={CELL + 6}
              rx={5}
              fill="none"
              stroke="#000"
              strokeWidth={2}
              pointerEvents="none"
            />
          )}
        </svg>
        {tip && (
          <div
            role="tooltip"
            data-testid="plot-map-tooltip"
            style={{
              position: 'absolute',
              left: flipX ? tip.x - 6 : tip.x + CELL + 6,
              top: flipY ? tip.y - 6 : tip.y + CELL + 6,
              transform: `translate(${flipX ? '-100%' : '0'}, ${flipY ? '-100%' : '0'})`,
              background: 'rgba(0,0,0,0.82)',
              color: '#fff',
              padding: '4px 8px',
              borderRadius: 4,
              fontSize: 12,
              whiteSpace: 'nowrap',
              pointerEvents: 'none',
              zIndex: 2,
            }}
          >
            <div style={{ fontWeight: 600 }}>{tip.label}</div>
            <div>
              {plotStatusLabels[tip.cell[3]]} · {plotTypeLabels[tip.cell[4]]}
            </div>
            {tip.cell[5] && <div>使用权人：{tip.cell[5]}</div>}
          </div>
        )}
      </div>
      <div aria-live="polite" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {active !== null ? describe(placed[active]!) : ''}
      </div>
    </Space>
  );
}
