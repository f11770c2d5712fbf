package dev.adjoint.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Loads the classes of a compile-testing compilation, and checks a generated gradient against
 * central differences of the original.
 */
final class Compiled extends ClassLoader {
  private final Map<String, byte[]> classes = new HashMap<>();

  Compiled(Compilation c) {
    super(Compiled.class.getClassLoader());
    for (JavaFileObject f : c.generatedFiles()) {
      if (f.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = f.toUri().getPath();
      String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(),
          path.length() - ".class".length()).replace('/', '.');
      try (InputStream in = f.openInputStream()) {
        classes.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] b = classes.get(name);
    if (b == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, b, 0, b.length);
  }

  Class<?> load(String name) {
    try {
      return loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  static Method method(Class<?> c, String name) {
    for (Method m : c.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        m.setAccessible(true);
        return m;
      }
    }
    throw new AssertionError(c + " has no method " + name);
  }

  /**
   * Checks {@code gradClass.name(args)} against central differences of {@code owner.name} in
   * every double argument (whose accessors must exist), and its value exactly.
   */
  static void assertGradient(Class<?> owner, Class<?> gradClass, String name, Object... args)
      throws Exception {
    Method original = method(owner, name);
    Method gradient = method(gradClass, name);
    Object result = gradient.invoke(null, args);
    Map<String, Double> accessors = new HashMap<>();
    for (RecordComponent rc : result.getClass().getRecordComponents()) {
      accessors.put(rc.getName(), (Double) rc.getAccessor().invoke(result));
    }
    assertEquals((Double) original.invoke(null, args), accessors.get("value"), 0.0, "value");
    var params = original.getParameters();
    for (int i = 0; i < args.length; i++) {
      if (!(args[i] instanceof Double x) || !accessors.containsKey(params[i].getName())) {
        continue;
      }
      double h = 1e-6 * Math.max(1, Math.abs(x));
      Object[] plus = args.clone();
      Object[] minus = args.clone();
      plus[i] = x + h;
      minus[i] = x - h;
      double fd = ((Double) original.invoke(null, plus) - (Double) original.invoke(null, minus))
          / (2 * h);
      double ad = accessors.get(params[i].getName());
      assertEquals(fd, ad, 1e-5 * Math.max(1, Math.abs(fd)), "d/d" + params[i].getName());
    }
  }
}
