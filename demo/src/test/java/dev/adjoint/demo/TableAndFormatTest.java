package dev.adjoint.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TableAndFormatTest {

    @Test
    void numbersUseTenSignificantDigitsWithoutTrailingZeros() {
        assertEquals("6", Format.number(6.0));
        assertEquals("-5.999", Format.number(-5.999000000000535));
        assertEquals("0.5", Format.number(0.5));
        assertEquals("0", Format.number(-0.0));
        assertEquals("1.000000001", Format.number(1.000000001));
        assertEquals("NaN", Format.number(Double.NaN));
        assertEquals("-Infinity", Format.number(Double.NEGATIVE_INFINITY));
    }

    @Test
    void errorsUseScientificNotation() {
        assertEquals("0", Format.error(0.0));
        assertEquals("3.2e-14", Format.error(3.2e-14));
        assertEquals("NaN", Format.error(Double.NaN));
    }

    @Test
    void tableAlignsLabelsLeftAndNumbersRight() {
        String text = new Table("name", "formula", "value").leftAligned(2)
                .row("w", "d*x = 9", "9")
                .row("b1", "d = 3", "-12.5")
                .render("  ");
        assertEquals(""
                + "  name  formula  value\n"
                + "  ----  -------  -----\n"
                + "  w     d*x = 9      9\n"
                + "  b1    d = 3    -12.5\n", text);
    }

    @Test
    void tableRejectsRowsOfTheWrongWidth() {
        Table table = new Table("a", "b");
        assertThrows(IllegalArgumentException.class, () -> table.row("1"));
        assertThrows(IllegalArgumentException.class, () -> table.leftAligned(3));
    }

    @Test
    void worstErrorTreatsNaNAsWorst() {
        assertEquals(2e-3, SeedDemo.worse(1e-9, 2e-3));
        assertTrue(Double.isNaN(SeedDemo.worse(Double.NaN, 1.0)));
        assertTrue(Double.isNaN(SeedDemo.worse(0.0, Double.NaN)));
    }
}
