package dev.adjoint.gradients;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Matrix rows read before the loops that use them (RowHoists, issue 15; {@link RowHoistsFx}):
 * values against the original, gradients against 5-point central differences and exact values,
 * and the generated code's shape where the rows must and must not be hoisted.
 */
class RowHoistsTest {

    private static final double[][] W = {{0.7, -1.3, 0.4}, {1.1, 0.2, -0.6}};
    private static final double[] X = {0.5, -0.8, 1.2};

    @Test
    void layerGradientIsExactAndMatchesDifferences() {
        var g = RowHoistsFxGrad.layer(copy(W), X.clone());
        Check.sameValue(RowHoistsFx.layer(copy(W), X.clone()), g.value());
        checkLayer(g.w(), g.x());
        Check.fd(p -> RowHoistsFx.layer(rows(p), Arrays.copyOfRange(p, 6, 9)),
                Check.concat(flat(W), X), Check.concat(flat(g.w()), g.x()));
    }

    @Test
    void plainBoundGradientIsExactAndMatchesDifferences() {
        var g = RowHoistsFxGrad.plainBound(copy(W), X.clone());
        Check.sameValue(RowHoistsFx.plainBound(copy(W), X.clone()), g.value());
        checkLayer(g.w(), g.x());
        Check.fd(p -> RowHoistsFx.plainBound(rows(p), Arrays.copyOfRange(p, 6, 9)),
                Check.concat(flat(W), X), Check.concat(flat(g.w()), g.x()));
    }

    /** The exact gradient of {@code Σ_j tanh(Σ_i W[j][i]·X[i])}. */
    private static void checkLayer(double[][] w, double[] x) {
        double[][] gw = new double[2][3];
        double[] gx = new double[3];
        for (int j = 0; j < 2; j++) {
            double z = 0;
            for (int i = 0; i < 3; i++) {
                z += W[j][i] * X[i];
            }
            double d = 1 - Math.tanh(z) * Math.tanh(z);
            for (int i = 0; i < 3; i++) {
                gw[j][i] = d * X[i];
                gx[i] += d * W[j][i];
            }
        }
        Check.exact(flat(gw), flat(w), "w");
        Check.exact(gx, x, "x");
    }

    @Test
    void aLoopRunningNoIterationNeverReadsItsRow() {
        var g = RowHoistsFxGrad.lastRowSkipped(copy(W), X.clone());
        Check.sameValue(RowHoistsFx.lastRowSkipped(copy(W), X.clone()), g.value());
        double[][] gw = new double[2][3];
        double[] gx = new double[3];
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 3; i++) {
                gw[j][i] = X[i] * X[i];
                gx[i] += 2 * W[j][i] * X[i];
            }
        }
        Check.exact(flat(gw), flat(g.w()), "w");
        Check.exact(gx, g.x(), "x");
        Check.fd(p -> RowHoistsFx.lastRowSkipped(rows(p), Arrays.copyOfRange(p, 6, 9)),
                Check.concat(flat(W), X), Check.concat(flat(g.w()), g.x()));
    }

    @Test
    void rowsStayWhereTheLoopChangesOrOnlySometimesReadsThem() {
        double[][] square = {{0.7, -1.3, 0.4}, {1.1, 0.2, -0.6}, {0.3, 0.9, -1.5}};
        var d = RowHoistsFxGrad.diagonal(copy(square), X.clone());
        Check.sameValue(RowHoistsFx.diagonal(copy(square), X.clone()), d.value());
        double[][] gw = new double[3][3];
        for (int i = 0; i < 3; i++) {
            gw[i][i] = Math.cos(square[i][i]) * X[i];
        }
        Check.exact(flat(gw), flat(d.w()), "diagonal w");
        var b = RowHoistsFxGrad.branchOnly(copy(W), X.clone());
        Check.sameValue(RowHoistsFx.branchOnly(copy(W), X.clone()), b.value());
        Check.exact(new double[] {0.5, 0, 1.2, 0, 0, 0}, flat(b.w()), "branchOnly w");
        Check.exact(new double[] {0.7, 1, 0.4}, b.x(), "branchOnly x");
    }

    @Test
    void aRowReplacedInTheLoopIsReadAgain() {
        var g = RowHoistsFxGrad.replacedRow(X.clone());
        Check.sameValue(RowHoistsFx.replacedRow(X.clone()), g.value());
        Check.exact(X[0] * X[0] + X[1] * X[1] + 2 * X[2] * X[2], g.value(), "value");
        Check.exact(new double[] {2 * X[0], 2 * X[1], 4 * X[2]}, g.x(), "x");
        Check.fd(RowHoistsFx::replacedRow, X.clone(), g.x());
    }

    @Test
    void generatedCodeHoistsExactlyTheQualifyingRows() {
        String code = generatedSource();
        String layer = method(code, "layerAdjoint");
        assertThat(layer).contains("double[] wRow = w[j];");
        assertThat(layer).contains("while (i < wRow.length) {");
        assertThat(layer).contains("z = z + wRow[i] * x[i];");
        // bounds that read no row: hoisting there measured slower (ADBench GMM)
        assertThat(method(code, "plainBoundAdjoint")).doesNotContain("Row = ");
        assertThat(method(code, "lastRowSkippedAdjoint")).doesNotContain("Row = ");
        assertThat(method(code, "diagonalAdjoint")).doesNotContain("Row = ");
        assertThat(method(code, "branchOnlyAdjoint")).doesNotContain("Row = ");
        // the second loop is bounded by row 0's length but replaces row 0: read on every test
        String replaced = method(code, "replacedRowAdjoint");
        assertThat(replaced).doesNotContain("double[] mRow");
        assertThat(replaced).contains("while (i2 < m[0].length) {");
        assertThat(replaced).contains("s = s + m[0][i2] * x[i2];");
    }

    private static String generatedSource() {
        Path dir = Path.of("target/generated-test-sources/test-annotations/dev/adjoint/gradients");
        try {
            return Files.readString(dir.resolve("RowHoistsFxGrad.java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the generated method {@code name}, from its signature to the next method. */
    private static String method(String code, String name) {
        int start = code.indexOf("double " + name + "(");
        assertThat(start).isAtLeast(0);
        int end = code.indexOf("\n  }\n", start);
        return code.substring(start, end);
    }

    private static double[][] copy(double[][] m) {
        return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
    }

    private static double[] flat(double[][] m) {
        return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double[][] rows(double[] p) {
        return new double[][] {Arrays.copyOfRange(p, 0, 3), Arrays.copyOfRange(p, 3, 6)};
    }
}
