package dev.adjoint.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A small plain-text table: the first {@link #leftAligned(int) few} columns are left-aligned
 * (labels, formulas), the others right-aligned (numbers). Cells are kept as strings so that callers and tests can inspect exactly what is
 * printed.
 */
public final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private int leftColumns;

    /**
     * Creates an empty table.
     *
     * @param headers the column headers; at least one
     */
    public Table(String... headers) {
        if (headers.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.headers = List.of(headers);
    }

    /**
     * Left-aligns the first {@code columns} columns; by default all columns are right-aligned.
     *
     * @param columns how many leading columns to left-align
     * @return this table
     * @throws IllegalArgumentException if {@code columns} is negative or exceeds the column count
     */
    public Table leftAligned(int columns) {
        if (columns < 0 || columns > headers.size()) {
            throw new IllegalArgumentException("cannot left-align " + columns + " of "
                    + headers.size() + " columns");
        }
        this.leftColumns = columns;
        return this;
    }

    /**
     * Appends a row.
     *
     * @param cells one cell per column
     * @return this table
     * @throws IllegalArgumentException if the number of cells differs from the number of columns
     */
    public Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size()
                    + " columns: " + Arrays.toString(cells));
        }
        rows.add(List.of(cells));
        return this;
    }

    /**
     * Returns the column headers.
     *
     * @return the headers
     */
    public List<String> headers() {
        return headers;
    }

    /**
     * Returns the rows added so far.
     *
     * @return an unmodifiable view of the rows
     */
    public List<List<String>> rows() {
        return Collections.unmodifiableList(rows);
    }

    /**
     * Renders the table: header, a rule, then one line per row, each line prefixed by
     * {@code indent} and without trailing spaces.
     *
     * @param indent the prefix of every line
     * @return the rendered table, each line ending with a newline
     */
    public String render(String indent) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, indent, headers, widths, leftColumns);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(sb, indent, rule, widths, leftColumns);
        for (List<String> row : rows) {
            line(sb, indent, row, widths, leftColumns);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String indent, List<String> cells, int[] widths,
            int leftColumns) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            if (c > 0) {
                line.append("  ");
            }
            if (c < leftColumns) {
                line.append(cell).append(pad);
            } else {
                line.append(pad).append(cell);
            }
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
