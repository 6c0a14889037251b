/** Draws prepared lines; the only place segments become Ink <Text> nodes. */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { mergeSegments, type StyledLine } from '../text/styled.js';
import { useTheme } from './theme-context.js';

export function StyledLineText({ line }: { line: StyledLine }): ReactElement {
  const theme = useTheme();
  const inverse = theme.selected.inverse ?? false;
  if (line.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {mergeSegments(line).map((s, i) => {
        const style = s.style ? theme[s.style] : undefined;
        return (
          <Text key={i} {...style} inverse={s.selected ? inverse : style?.inverse}>
            {s.text}
          </Text>
        );
      })}
    </Text>
  );
}

export function StyledLines({ lines }: { lines: readonly StyledLine[] }): ReactElement {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <StyledLineText key={i} line={line} />
      ))}
    </Box>
  );
}
