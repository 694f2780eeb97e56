import { defaultTheme } from 'react-admin';

const isObject = (v: unknown): v is Record<string, any> =>
  Boolean(v) && typeof v === 'object' && !Array.isArray(v);
function deepmerge(a: Record<string, any>, b: Record<string, any>): Record<string, any> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isObject(v) && isObject(a[k]) ? deepmerge(a[k], v) : v;
  return out;
}

const PHONE = '@media (max-width:599.95px)';
const TOUCH = '@media (pointer: coarse)';
/** Tap targets of at least 44 px on touch screens and phones (issue #17 item 1). */
const TAP = { [PHONE]: { minHeight: 44, minWidth: 44 }, [TOUCH]: { minHeight: 44, minWidth: 44 } };

/**
 * react-admin's theme, for the phone: dialogs full screen, 44 px tap targets, and tables that scroll
 * inside their own box instead of widening the page (no page scrolls sideways at 390 px).
 */
export const theme = deepmerge(defaultTheme, {
  components: {
    MuiButton: { styleOverrides: { root: TAP } },
    MuiIconButton: { styleOverrides: { root: TAP } },
    MuiMenuItem: { styleOverrides: { root: TAP } },
    MuiTab: { styleOverrides: { root: TAP } },
    MuiListItemButton: { styleOverrides: { root: TAP } },
    MuiDialog: {
      styleOverrides: {
        paper: {
          [PHONE]: {
            margin: 0,
            width: '100%',
            maxWidth: '100%',
            height: '100%',
            maxHeight: '100%',
            borderRadius: 0,
          },
        },
      },
    },
    MuiCssBaseline: {
      styleOverrides: {
        [PHONE]: {
          '.RaLayout-content, .RaLayout-contentWithSidebar, main': { minWidth: 0, maxWidth: '100vw' },
          table: { display: 'block', maxWidth: '100%', overflowX: 'auto' },
          // no column squeezed to one character a line: the table scrolls inside its box instead
          '.MuiTableCell-root': { whiteSpace: 'nowrap' },
          '.MuiTabs-root': { maxWidth: '100%' },
          '.RaToolbar-desktopToolbar, .MuiToolbar-root': { flexWrap: 'wrap' },
        },
      },
    },
  },
} as any) as typeof defaultTheme;
