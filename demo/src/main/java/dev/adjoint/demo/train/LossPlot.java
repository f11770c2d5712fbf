package dev.adjoint.demo.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The loss curve of a training run, drawn with XChart: the mini-batch loss (a moving average,
 * so the trend is visible through the noise) against epochs, the test loss at the end of each
 * epoch, and the test accuracy on a second axis.
 */
public final class LossPlot {

    private LossPlot() {
    }

    /**
     * Builds the chart.
     *
     * @param result the training run
     * @param title the chart's title
     * @return the chart
     */
    public static XYChart chart(Trainer.Result result, String title) {
        XYChart chart = new XYChartBuilder().width(960).height(600).title(title)
                .xAxisTitle("epoch").yAxisTitle("softmax cross-entropy loss").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setYAxisMin(0, 0.0);
        chart.getStyler().setXAxisTickMarkSpacingHint(90);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(0, "softmax cross-entropy loss");
        chart.setYAxisGroupTitle(1, "test accuracy (%)");

        double[] steps = result.stepLosses();
        int perEpoch = result.stepsPerEpoch();
        int window = Math.max(1, Math.min(50, perEpoch / 4));
        double[] x = new double[steps.length];
        double[] y = new double[steps.length];
        double sum = 0.0;
        for (int i = 0; i < steps.length; i++) {
            sum += steps[i];
            if (i >= window) {
                sum -= steps[i - window];
            }
            x[i] = (i + 1) / (double) perEpoch;
            y[i] = sum / Math.min(i + 1, window);
        }
        XYSeries batch = chart.addSeries("mini-batch loss (mean of last " + window + " steps)",
                x, y);
        batch.setMarker(SeriesMarkers.NONE);
        batch.setLineColor(new Color(0x4C72B0));
        batch.setLineStyle(new BasicStroke(1.5f));

        int epochs = result.epochs().size();
        double[] ex = new double[epochs];
        double[] test = new double[epochs];
        double[] accuracy = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            Trainer.Epoch p = result.epochs().get(e);
            ex[e] = p.epoch();
            test[e] = p.testLoss();
            accuracy[e] = 100 * p.testAccuracy();
        }
        XYSeries testSeries = chart.addSeries("test loss (end of epoch)", ex, test);
        testSeries.setMarker(SeriesMarkers.CIRCLE);
        testSeries.setLineColor(new Color(0xDD8452));
        testSeries.setMarkerColor(new Color(0xDD8452));
        // The accuracy axis spans the run's accuracies (1 % of margin, whole percents), so that
        // the progress from 91 % to 96 % fills it instead of the top twentieth of 0-100 %.
        double low = 100;
        double high = 0;
        for (double a : accuracy) {
            low = Math.min(low, a);
            high = Math.max(high, a);
        }
        if (epochs > 0) {
            chart.getStyler().setYAxisMin(1, Math.max(0, Math.floor(low) - 1));
            chart.getStyler().setYAxisMax(1, Math.min(100, Math.ceil(high) + 1));
        }
        XYSeries accuracySeries = chart.addSeries("test accuracy (right axis)", ex, accuracy);
        accuracySeries.setYAxisGroup(1);
        accuracySeries.setMarker(SeriesMarkers.DIAMOND);
        accuracySeries.setLineColor(new Color(0x55A868));
        accuracySeries.setMarkerColor(new Color(0x55A868));
        return chart;
    }

    /**
     * Writes the chart to {@code file}, as SVG if its name ends in {@code .svg}, else as PNG.
     *
     * @param chart the chart
     * @param file where to write
     * @throws IOException if the file cannot be written
     */
    public static void write(XYChart chart, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, out,
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            } else {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        }
    }
}
