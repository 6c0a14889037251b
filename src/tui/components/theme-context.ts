import { createContext, useContext } from 'react';
import { type Theme, themeFor } from '../theme.js';

export const ThemeContext = createContext<Theme>(themeFor(false));

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
