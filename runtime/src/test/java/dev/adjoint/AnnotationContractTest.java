package dev.adjoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks that every {@link Partial} and {@link Pullback} in {@link Activations} and
 * {@link Losses} is well-formed.
 *
 * <p>The annotations have {@code CLASS} retention, so they are invisible to reflection; they are
 * read the way the processor reads them, through javax.lang.model from the compiled class files.
 * Signatures are then verified with reflection.
 */
class AnnotationContractTest {

    private static final List<Class<?>> HELPERS = List.of(Activations.class, Losses.class);

    /** Parameter names of every differentiable original, in declaration order. */
    private static final Map<String, List<String>> PARAMETER_NAMES = Map.ofEntries(
            Map.entry("Activations.relu", List.of("x")),
            Map.entry("Activations.leakyRelu", List.of("x", "slope")),
            Map.entry("Activations.sigmoid", List.of("x")),
            Map.entry("Activations.softplus", List.of("x")),
            Map.entry("Losses.squaredError", List.of("prediction", "target")),
            Map.entry("Losses.binaryCrossEntropy", List.of("probability", "label")),
            Map.entry("Losses.mse", List.of("predictions", "targets")),
            Map.entry("Losses.softmaxCrossEntropy", List.of("logits", "label")),
            // first derivatives, differentiated again by second order
            Map.entry("Activations.leakyReluDerivative", List.of("x", "slope")),
            Map.entry("Activations.leakyReluSlopeDerivative", List.of("x", "slope")),
            Map.entry("Activations.sigmoidDerivative", List.of("x")),
            Map.entry("Activations.softplusDerivative", List.of("x")),
            Map.entry("Losses.squaredErrorDerivative", List.of("prediction", "target")),
            Map.entry("Losses.squaredErrorTargetDerivative", List.of("prediction", "target")),
            Map.entry("Losses.binaryCrossEntropyDerivative", List.of("probability", "label")),
            Map.entry("Losses.binaryCrossEntropyLabelDerivative",
                    List.of("probability", "label")),
            Map.entry("Losses.mseTangent",
                    List.of("predictions", "targets", "predictionsDot", "targetsDot")),
            Map.entry("Losses.softmaxCrossEntropyTangent",
                    List.of("logits", "label", "logitsDot")));

    private static final Set<String> EXPECTED_PARTIALS = Set.of(
            "Activations.reluDerivative -> relu wrt x",
            "Activations.leakyReluDerivative -> leakyRelu wrt x",
            "Activations.leakyReluSlopeDerivative -> leakyRelu wrt slope",
            "Activations.sigmoidDerivative -> sigmoid wrt x",
            "Activations.softplusDerivative -> softplus wrt x",
            "Losses.squaredErrorDerivative -> squaredError wrt prediction",
            "Losses.squaredErrorTargetDerivative -> squaredError wrt target",
            "Losses.binaryCrossEntropyDerivative -> binaryCrossEntropy wrt probability",
            "Losses.binaryCrossEntropyLabelDerivative -> binaryCrossEntropy wrt label",
            "Activations.leakyReluDerivativeDx -> leakyReluDerivative wrt x",
            "Activations.leakyReluDerivativeDslope -> leakyReluDerivative wrt slope",
            "Activations.leakyReluSlopeDerivativeDx -> leakyReluSlopeDerivative wrt x",
            "Activations.leakyReluSlopeDerivativeDslope -> leakyReluSlopeDerivative wrt slope",
            "Activations.sigmoidSecondDerivative -> sigmoidDerivative wrt x",
            "Activations.softplusSecondDerivative -> softplusDerivative wrt x",
            "Losses.squaredErrorSecondDerivative -> squaredErrorDerivative wrt prediction",
            "Losses.squaredErrorMixedDerivative -> squaredErrorDerivative wrt target",
            "Losses.squaredErrorTargetMixedDerivative -> squaredErrorTargetDerivative wrt"
                    + " prediction",
            "Losses.squaredErrorTargetSecondDerivative -> squaredErrorTargetDerivative wrt"
                    + " target",
            "Losses.binaryCrossEntropySecondDerivative -> binaryCrossEntropyDerivative wrt"
                    + " probability",
            "Losses.binaryCrossEntropyMixedDerivative -> binaryCrossEntropyDerivative wrt label",
            "Losses.binaryCrossEntropyLabelMixedDerivative -> binaryCrossEntropyLabelDerivative"
                    + " wrt probability",
            "Losses.binaryCrossEntropyLabelSecondDerivative -> binaryCrossEntropyLabelDerivative"
                    + " wrt label");

    private static final Set<String> EXPECTED_PULLBACKS = Set.of(
            "Losses.msePullback -> mse",
            "Losses.softmaxCrossEntropyPullback -> softmaxCrossEntropy",
            "Losses.mseTangentPullback -> mseTangent",
            "Losses.softmaxCrossEntropyTangentPullback -> softmaxCrossEntropyTangent");

    private static final Set<String> EXPECTED_TANGENTS = Set.of(
            "Losses.mseTangent -> mse",
            "Losses.softmaxCrossEntropyTangent -> softmaxCrossEntropy");

    /** Public static methods deliberately without derivatives. */
    private static final Set<String> NOT_DIFFERENTIABLE = Set.of("Losses.softmax");

    /** One annotated method as javac sees it. */
    private record Annotated(Class<?> owner, String method, String kind, String of, String wrt) {
    }

    private static final List<Annotated> ANNOTATED = new ArrayList<>();
    /** "Class.method" to parameter names, as javac recovers them from the class files. */
    private static final Map<String, List<String>> JAVAC_NAMES = new LinkedHashMap<>();

    @SupportedAnnotationTypes("*")
    private static final class Inspector extends AbstractProcessor {
        private boolean done;

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (done) {
                return false;
            }
            done = true;
            for (Class<?> helper : HELPERS) {
                TypeElement type =
                        processingEnv.getElementUtils().getTypeElement(helper.getName());
                assertNotNull(type, helper.getName());
                for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
                    String key = helper.getSimpleName() + "." + m.getSimpleName();
                    List<String> names = new ArrayList<>();
                    for (VariableElement p : m.getParameters()) {
                        names.add(p.getSimpleName().toString());
                    }
                    JAVAC_NAMES.put(key, names);
                    for (AnnotationMirror a : m.getAnnotationMirrors()) {
                        String annotation = a.getAnnotationType().toString();
                        Map<String, String> values = new LinkedHashMap<>();
                        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                                : a.getElementValues().entrySet()) {
                            values.put(e.getKey().getSimpleName().toString(),
                                    (String) e.getValue().getValue());
                        }
                        if (annotation.equals(Partial.class.getName())) {
                            ANNOTATED.add(new Annotated(helper, m.getSimpleName().toString(),
                                    "partial", values.get("of"), values.get("wrt")));
                        } else if (annotation.equals(Pullback.class.getName())) {
                            ANNOTATED.add(new Annotated(helper, m.getSimpleName().toString(),
                                    "pullback", values.get("of"), null));
                        } else if (annotation.equals(Tangent.class.getName())) {
                            ANNOTATED.add(new Annotated(helper, m.getSimpleName().toString(),
                                    "tangent", values.get("of"), null));
                        }
                    }
                }
            }
            return false;
        }
    }

    @BeforeAll
    static void readAnnotationsLikeTheProcessor() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests need a JDK, not a JRE");
        Path classes = Path.of(Activations.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        JavaFileObject probe = new SimpleJavaFileObject(URI.create("string:///Probe.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return "class Probe {}";
            }
        };
        JavaCompiler.CompilationTask task = javac.getTask(null, null, null,
                List.of("-proc:only", "-classpath", classes.toString()), null, List.of(probe));
        Inspector inspector = new Inspector();
        task.setProcessors(List.of(inspector));
        assertTrue(task.call(), "javac failed while reading " + classes);
        assertTrue(inspector.done, "processor did not run");
    }

    @Test
    void annotationsAreClassRetainedMethodAnnotations() throws Exception {
        for (Class<?> a : List.of(Differentiable.class, Partial.class, Pullback.class,
                Tangent.class)) {
            assertTrue(a.isAnnotation());
            assertEquals(RetentionPolicy.CLASS, a.getAnnotation(Retention.class).value(), a + "");
            assertArrayEquals(new ElementType[] {ElementType.METHOD},
                    a.getAnnotation(Target.class).value(), a + "");
            assertNotNull(a.getAnnotation(Documented.class), a + " is @Documented");
        }
        assertArrayEquals(new String[0],
                (String[]) Differentiable.class.getMethod("wrt").getDefaultValue());
        assertEquals(String.class, Partial.class.getMethod("of").getReturnType());
        assertEquals(String.class, Partial.class.getMethod("wrt").getReturnType());
        assertEquals(String.class, Pullback.class.getMethod("of").getReturnType());
        assertEquals(Class.class, Partial.class.getMethod("in").getReturnType());
        assertEquals(void.class, Partial.class.getMethod("in").getDefaultValue());
        assertEquals(void.class, Pullback.class.getMethod("in").getDefaultValue());
        assertEquals(3, Partial.class.getDeclaredMethods().length);
        assertEquals(2, Pullback.class.getDeclaredMethods().length);
        assertEquals(boolean.class, Differentiable.class.getMethod("graph").getReturnType());
        assertEquals(false, Differentiable.class.getMethod("graph").getDefaultValue(),
                "graph methods only on request");
        assertEquals(3, Differentiable.class.getDeclaredMethods().length);
        assertArrayEquals(new Mode[0],
                (Mode[]) Differentiable.class.getMethod("modes").getDefaultValue());
        assertEquals(2, Tangent.class.getDeclaredMethods().length);
        assertEquals(void.class, Tangent.class.getMethod("in").getDefaultValue());
    }

    @Test
    void expectedDerivativesAreDeclared() {
        Set<String> partials = new TreeSet<>();
        Set<String> pullbacks = new TreeSet<>();
        Set<String> tangents = new TreeSet<>();
        for (Annotated a : ANNOTATED) {
            String key = a.owner().getSimpleName() + "." + a.method() + " -> " + a.of();
            if (a.kind().equals("partial")) {
                partials.add(key + " wrt " + a.wrt());
            } else if (a.kind().equals("tangent")) {
                tangents.add(key);
            } else {
                pullbacks.add(key);
            }
        }
        assertEquals(new TreeSet<>(EXPECTED_PARTIALS), partials);
        assertEquals(new TreeSet<>(EXPECTED_PULLBACKS), pullbacks);
        assertEquals(new TreeSet<>(EXPECTED_TANGENTS), tangents);
        assertEquals(EXPECTED_PARTIALS.size() + EXPECTED_PULLBACKS.size()
                + EXPECTED_TANGENTS.size(), ANNOTATED.size(), "duplicate annotations");
    }

    @Test
    void everyTangentMatchesItsOriginal() throws Exception {
        for (Annotated a : ANNOTATED) {
            if (!a.kind().equals("tangent")) {
                continue;
            }
            String where = "@Tangent on " + a.owner().getSimpleName() + "." + a.method();
            Method original = uniqueMethod(a.owner(), a.of(), where);
            Method tangent = uniqueMethod(a.owner(), a.method(), where);
            assertPublicStatic(original, where);
            assertPublicStatic(tangent, where);
            assertEquals(original.getReturnType(), tangent.getReturnType(), where);
            List<Class<?>> expected = new ArrayList<>(Arrays.asList(original.getParameterTypes()));
            for (Class<?> p : original.getParameterTypes()) {
                if (p == double[].class) {
                    expected.add(double[].class); // one direction per double[] parameter
                }
            }
            assertEquals(expected, Arrays.asList(tangent.getParameterTypes()), where);
            parameterNames(a.owner(), original);
        }
    }

    @Test
    void everyPartialMatchesItsOriginal() throws Exception {
        for (Annotated a : ANNOTATED) {
            if (!a.kind().equals("partial")) {
                continue;
            }
            String where = "@Partial on " + a.owner().getSimpleName() + "." + a.method();
            Method original = uniqueMethod(a.owner(), a.of(), where);
            Method partial = uniqueMethod(a.owner(), a.method(), where);
            assertPublicStatic(original, where);
            assertPublicStatic(partial, where);
            assertEquals(double.class, original.getReturnType(), where + ": original returns double");
            assertEquals(double.class, partial.getReturnType(), where + ": returns double");
            assertArrayEquals(original.getParameterTypes(), partial.getParameterTypes(),
                    where + ": parameter list must equal that of " + a.of());
            List<String> names = parameterNames(a.owner(), original);
            int index = names.indexOf(a.wrt());
            assertTrue(index >= 0, where + ": wrt=\"" + a.wrt() + "\" is not a parameter of "
                    + a.of() + names);
            assertEquals(double.class, original.getParameterTypes()[index],
                    where + ": wrt must name a double parameter");
        }
    }

    @Test
    void everyPullbackMatchesItsOriginal() throws Exception {
        for (Annotated a : ANNOTATED) {
            if (!a.kind().equals("pullback")) {
                continue;
            }
            String where = "@Pullback on " + a.owner().getSimpleName() + "." + a.method();
            Method original = uniqueMethod(a.owner(), a.of(), where);
            Method pullback = uniqueMethod(a.owner(), a.method(), where);
            assertPublicStatic(original, where);
            assertPublicStatic(pullback, where);
            assertEquals(double.class, original.getReturnType(), where + ": original returns double");
            assertEquals(void.class, pullback.getReturnType(), where + ": returns void");
            List<Class<?>> expected = new ArrayList<>(Arrays.asList(original.getParameterTypes()));
            expected.add(double.class); // seed
            for (Class<?> p : original.getParameterTypes()) {
                if (p == double[].class) {
                    expected.add(double[].class); // one adjoint per double[] parameter
                }
            }
            assertEquals(expected, Arrays.asList(pullback.getParameterTypes()), where);
            parameterNames(a.owner(), original); // names of the original are known and match
        }
    }

    @Test
    void everyPublicHelperIsDifferentiableOrDeliberatelyNot() {
        Set<String> withDerivative = new TreeSet<>();
        Set<String> annotated = new TreeSet<>();
        for (Annotated a : ANNOTATED) {
            withDerivative.add(a.owner().getSimpleName() + "." + a.of());
            annotated.add(a.owner().getSimpleName() + "." + a.method());
        }
        Set<String> plain = new TreeSet<>();
        for (Class<?> helper : HELPERS) {
            assertTrue(Modifier.isFinal(helper.getModifiers()), helper + " is final");
            assertEquals(1, helper.getDeclaredConstructors().length);
            assertTrue(Modifier.isPrivate(helper.getDeclaredConstructors()[0].getModifiers()),
                    helper + " has a private constructor");
            for (Method m : helper.getDeclaredMethods()) {
                String key = helper.getSimpleName() + "." + m.getName();
                if (Modifier.isPublic(m.getModifiers()) && !annotated.contains(key)) {
                    plain.add(key);
                }
            }
        }
        Set<String> expected = new TreeSet<>(withDerivative);
        expected.removeAll(annotated); // first derivatives, with derivatives of their own
        expected.addAll(NOT_DIFFERENTIABLE);
        assertEquals(expected, plain);
        assertEquals(new TreeSet<>(PARAMETER_NAMES.keySet()), withDerivative);
    }

    /**
     * Parameter names of an original method: the hard-coded list, cross-checked against the names
     * javac recovers from the class files (what the processor sees) and, when compiled with
     * {@code -parameters}, against reflection.
     */
    private static List<String> parameterNames(Class<?> owner, Method original) {
        String key = owner.getSimpleName() + "." + original.getName();
        List<String> expected = PARAMETER_NAMES.get(key);
        assertNotNull(expected, "no parameter names listed for " + key);
        assertEquals(original.getParameterCount(), expected.size(), key + " arity");
        assertEquals(expected, JAVAC_NAMES.get(key), key + ": parameter names seen by javac"
                + " (the runtime must be compiled with debug information, Maven's default)");
        Parameter[] parameters = original.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].isNamePresent()) {
                assertEquals(expected.get(i), parameters[i].getName(), key + " parameter " + i);
            }
        }
        return expected;
    }

    private static Method uniqueMethod(Class<?> owner, String name, String where) {
        Method found = null;
        for (Method m : owner.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                if (found != null) {
                    fail(where + ": " + owner.getSimpleName() + "." + name + " is overloaded");
                }
                found = m;
            }
        }
        if (found == null) {
            fail(where + ": no method " + owner.getSimpleName() + "." + name);
        }
        return found;
    }

    private static void assertPublicStatic(Method m, String where) {
        int modifiers = m.getModifiers();
        assertTrue(Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers),
                where + ": " + m.getName() + " must be public static");
    }
}
