package io.github.dockerstack.maven;

import java.util.ArrayList;
import java.util.List;

/** Left-aligned text columns, for tables in the build log. */
final class Table {
    private Table() {
    }

    static List<String> format(List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                sb.append(i < row.size() - 1 ? String.format("%-" + (widths[i] + 2) + "s", row.get(i)) : row.get(i));
            }
            lines.add(sb.toString().stripTrailing());
        }
        return lines;
    }
}
